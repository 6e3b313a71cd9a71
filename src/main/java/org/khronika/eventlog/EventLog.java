package org.khronika.eventlog;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The append-only log. There is no method to change or remove an entry, and no code path
 * that does.
 */
public interface EventLog {

	/** Which chain this is: the records' log or the audit trail. */
	Chain chain();

	/**
	 * Runs {@code work} in one database transaction that holds the log's write lock: the
	 * entries it appends and everything else it writes (the read-table projections)
	 * commit together or not at all. Returns what {@code work} returns; rethrows what it
	 * throws, after rolling back.
	 */
	<T> T write(Function<Appender, T> work);

	/** Every entry of one stream, in log order; empty if the stream has none. */
	List<LogEntry> stream(String streamId);

	/** Feeds every entry, in log order, to {@code consumer}, reading the log in pages. */
	void replay(Consumer<LogEntry> consumer);

	/** The number of entries. */
	long size();

	/**
	 * Signs a checkpoint at the current head unless one exists there; returns it, or null
	 * for an empty log.
	 */
	Checkpoint checkpoint();

	/**
	 * Walks the chain from the first entry, recomputing every hash, and checks every
	 * checkpoint's signature with {@code signatureCheck} (message, signature). Never
	 * throws for a broken log: it says where it breaks.
	 */
	Verification verify(BiPredicate<byte[], byte[]> signatureCheck);

	/** Appends within {@link EventLog#write}. */
	interface Appender {

		/** Appends {@code entry} after the current head and returns it as stored. */
		LogEntry append(PendingEntry entry);

	}

}
