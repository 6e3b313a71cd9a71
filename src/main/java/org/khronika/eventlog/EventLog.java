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

	/**
	 * Signs a checkpoint at the head, as {@link #checkpoint} does, and has the witness
	 * note that Khronika stopped there: until this process (or another) writes again,
	 * nothing may follow it. For a clean shutdown.
	 */
	Checkpoint stop();

	/** The latest signed checkpoint, if any. */
	java.util.Optional<Checkpoint> lastCheckpoint();

	/**
	 * What is wrong with this chain, seen against a head witnessed earlier: entries
	 * removed behind it, the entry at it rewritten, or (on SQLite, where only Khronika
	 * writes) entries after a head where Khronika stopped. Empty if the chain extends it.
	 * The head's own signature is not checked here ({@link Head#signedBy}).
	 */
	java.util.Optional<String> problemWith(Head witnessed);

	/**
	 * What is wrong with this chain against the head witnessed outside the database
	 * ({@link HeadWitness}), as found before this process first wrote to it; empty if
	 * nothing is, or nothing was witnessed. While something is, {@link #write} refuses.
	 */
	java.util.Optional<String> witnessProblem();

	/**
	 * Stops every write to this chain, for good in this process, because of
	 * {@code reason} (the deep check found tables that differ from the log): from now on
	 * {@link #witnessProblem} says it and {@link #write} refuses.
	 */
	void halt(String reason);

	/** Why {@link #halt} stopped writes; empty while it has not. */
	java.util.Optional<String> halted();

	/** Appends within {@link EventLog#write}. */
	interface Appender {

		/** Appends {@code entry} after the current head and returns it as stored. */
		LogEntry append(PendingEntry entry);

	}

}
