package org.khronika.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.eventlog.PendingEntry;

/**
 * Commits audit entries of reads in groups, on a thread of its own, so that the reader is
 * shown what it asked for without waiting for a database lock. Entries are queued in the
 * order they were made and written in that order, as many at once as have queued while
 * the last group was written (group commit), each group in one transaction.
 *
 * <p>
 * What a crash can lose: the entries queued but not yet committed, the reads of the last
 * moment before the process died (never a change to a record). Nothing is dropped while
 * the process lives: if the database refuses, the group is tried again, the queue fills,
 * and then readers wait, so reads stop before they go unrecorded.
 */
final class AuditWriter implements AutoCloseable {

	/** The most entries queued; a reader waits when it is full. */
	static final int CAPACITY = 10_000;

	/**
	 * The most entries written in one transaction. On SQLite the records' writers wait
	 * for the group being written (one writer at a time for the whole file): a group of a
	 * thousand list reads held an import's batch for up to 3.6 s; a hundred keep that
	 * wait short and still write the reads of sixteen busy readers as fast as they come.
	 */
	static final int GROUP = 100;

	private static final Log logger = LogFactory.getLog(AuditWriter.class);

	private record Queued(long number, PendingEntry entry) {
	}

	private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(CAPACITY);

	private final Consumer<List<PendingEntry>> group;

	private final Thread thread;

	private final Object progress = new Object();

	/** How many entries were queued; guarded by this writer's monitor. */
	private long queued;

	/** The number of the last entry committed; guarded by {@link #progress}. */
	private long committed;

	private volatile boolean closing;

	/**
	 * @param group writes a group of entries in one transaction, or throws and writes
	 * none of them
	 */
	AuditWriter(Consumer<List<PendingEntry>> group) {
		this.group = group;
		this.thread = new Thread(this::run, "khronika-audit-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues {@code entry}; waits only if the queue is full. After {@link #close()} the
	 * entry is written at once.
	 */
	void enqueue(PendingEntry entry) {
		if (this.closing) {
			this.group.accept(List.of(entry));
			return;
		}
		synchronized (this) {
			try {
				this.queue.put(new Queued(++this.queued, entry));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while the audit trail's queue was full", ex);
			}
		}
	}

	/**
	 * Waits until every entry queued before this call is committed (at most a minute).
	 */
	void flush() {
		long target;
		synchronized (this) {
			target = this.queued;
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		synchronized (this.progress) {
			while (this.committed < target) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("the audit trail could not be written for a minute");
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.progress, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void run() {
		long pause = 100;
		while (true) {
			Queued first;
			try {
				first = this.queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				first = null;
			}
			if (first == null) {
				if (this.closing) {
					return;
				}
				continue;
			}
			List<Queued> batch = new ArrayList<>(List.of(first));
			this.queue.drainTo(batch, GROUP - 1);
			List<PendingEntry> entries = batch.stream().map(Queued::entry).toList();
			while (true) {
				try {
					this.group.accept(entries);
					pause = 100;
					break;
				}
				catch (RuntimeException ex) {
					// the type only: nothing of an entry belongs in the log
					logger.error("audit entries not written yet, trying again: " + ex.getClass().getName());
					sleep(pause);
					pause = Math.min(pause * 2, 5_000);
				}
			}
			synchronized (this.progress) {
				this.committed = batch.get(batch.size() - 1).number();
				this.progress.notifyAll();
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes what is queued and stops the thread (waiting at most ten seconds); later
	 * entries are written as they come.
	 */
	@Override
	public void close() {
		flushQuietly();
		this.closing = true;
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.queue.isEmpty()) {
			logger.error(this.queue.size() + " audit entries could not be written before the end");
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (IllegalStateException ex) {
			logger.error("the audit trail's queue was not written out: " + ex.getMessage());
		}
	}

}
