package org.khronika.crypto;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where wrapped subject data keys are kept (a table beside the log). Writes take part in
 * the caller's transaction, so a key exists exactly when the entry sealed under it does.
 */
public interface SubjectKeyStore {

	Optional<byte[]> find(String subjectId);

	/** The wrapped keys of those of {@code subjectIds} that have one, in one look-up. */
	Map<String, byte[]> findAll(Collection<String> subjectIds);

	void insert(String subjectId, byte[] wrappedKey);

	/**
	 * Up to {@code limit} stored keys after {@code afterSubject} ("" first), in subject
	 * order.
	 */
	Map<String, byte[]> page(String afterSubject, int limit);

	/**
	 * Replaces a subject's wrapped key if it is still {@code expected}; false if it was
	 * destroyed or changed meanwhile.
	 */
	boolean replace(String subjectId, byte[] expected, byte[] replacement);

	/**
	 * Deletes the key so that no copy of it is left in the store's files; true if there
	 * was one.
	 */
	boolean destroy(String subjectId);

	/**
	 * Overwrites what destroyed keys left in the store's files (SQLite's write-ahead log,
	 * PostgreSQL's dead rows). Runs outside any transaction, after the one that destroyed
	 * them committed.
	 */
	void scrub();

	/** Whether the subject's key was destroyed (as opposed to never created). */
	boolean wasDestroyed(String subjectId);

}
