package org.khronika.eventlog.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.khronika.eventlog.Chain;
import org.khronika.eventlog.Checkpoint;
import org.khronika.eventlog.CheckpointSigner;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Head;
import org.khronika.eventlog.HeadWitness;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;
import org.khronika.eventlog.Verification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One chain of the log in its tables ({@code log_entry}, or {@code audit_entry} for the
 * audit trail), on SQLite or PostgreSQL. Appends are serialised by a lock in this process
 * and, on PostgreSQL, by a transaction-scoped advisory lock across processes; on
 * PostgreSQL each chain has its own, on SQLite (one writer at a time for the whole file)
 * the chains share one. This class issues no UPDATE or DELETE on a chain.
 */
public class JdbcEventLog implements EventLog {

	/** Why writes were stopped by {@link #halt}; null while they are not. */
	private volatile String halted;

	private static final int PAGE = 1000;

	private static final String COLUMNS = "seq, entry_id, stream_id, type, schema_version, recorded_at, actor, public_part, sealed_part, prev_hash, entry_hash";

	private final Chain chain;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CheckpointSigner signer;

	private final int checkpointInterval;

	private final boolean postgres;

	/**
	 * SQLite lets one transaction write at a time, to whichever table: the chains of one
	 * SQLite database share one lock in this process, and take turns in order, since
	 * SQLite's own wait for its lock lets a busy writer (the audit trail under many
	 * readers) starve another (an import) until it gives up.
	 */
	private static final Map<DataSource, ReentrantLock> SQLITE_WRITERS = java.util.Collections
		.synchronizedMap(new java.util.WeakHashMap<>());

	private final ReentrantLock writeLock;

	private final HeadWitness witness;

	/** Whether this process has written to the chain yet (and so said it runs). */
	private volatile boolean writing;

	/**
	 * What is wrong with the chain against the head witnessed when this process first
	 * looked (before it wrote anything); null until then.
	 */
	private volatile java.util.Optional<String> witnessed;

	/**
	 * The records' log ({@link Chain#RECORDS}).
	 * @param signer signs checkpoint messages; called only when a checkpoint is due
	 * @param checkpointInterval a checkpoint is signed at least every this many entries
	 */
	public JdbcEventLog(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			CheckpointSigner signer, int checkpointInterval) {
		this(Chain.RECORDS, dataSource, transactionManager, clock, signer, checkpointInterval);
	}

	/**
	 * The chain {@code chain}.
	 * @param signer signs checkpoint messages; called only when a checkpoint is due
	 * @param checkpointInterval a checkpoint is signed at least every this many entries
	 */
	public JdbcEventLog(Chain chain, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			CheckpointSigner signer, int checkpointInterval) {
		this(chain, dataSource, transactionManager, clock, signer, checkpointInterval, null);
	}

	/**
	 * The chain {@code chain}, its signed heads witnessed by {@code witness} (null: by
	 * nothing outside the database).
	 * @param signer signs checkpoint messages; called only when a checkpoint is due
	 * @param checkpointInterval a checkpoint is signed at least every this many entries
	 */
	public JdbcEventLog(Chain chain, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
			CheckpointSigner signer, int checkpointInterval, HeadWitness witness) {
		this.witness = witness;
		this.chain = chain;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.signer = signer;
		this.checkpointInterval = checkpointInterval;
		this.postgres = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
			.contains("PostgreSQL");
		this.writeLock = this.postgres ? new ReentrantLock(true)
				: SQLITE_WRITERS.computeIfAbsent(dataSource, d -> new ReentrantLock(true));
	}

	@Override
	public Chain chain() {
		return this.chain;
	}

	@Override
	public <T> T write(Function<Appender, T> work) {
		this.writeLock.lock();
		try {
			java.util.Optional<String> problem = witnessProblem();
			if (problem.isPresent()) {
				throw new org.khronika.eventlog.WritesStopped("writes are stopped: " + problem.get()
						+ ((this.halted != null) ? "" : " (the head witnessed in " + HeadWitness.FILE + ")"));
			}
			if (!this.writing && this.witness != null) {
				// Khronika writes again: entries may follow the head it stopped at
				this.witness.stopped(this.chain, false);
			}
			this.writing = true;
			Checkpoint[] signed = new Checkpoint[1];
			T written = this.transactions.execute(status -> {
				if (this.postgres) {
					this.jdbc.execute("SELECT pg_advisory_xact_lock(" + this.chain.lock() + ")");
				}
				ChainAppender appender = new ChainAppender(head());
				T result = work.apply(appender);
				if (appender.appended > 0
						&& crossesCheckpoint(appender.head.sequence() - appender.appended, appender.head.sequence())) {
					signed[0] = signCheckpoint(appender.head);
				}
				return result;
			});
			// witnessed once committed: a head that was rolled back is never witnessed
			witness(signed[0]);
			return written;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Witnesses a committed checkpoint. A witness that cannot be written (a full disk) is
	 * said in the log of the process, and does not turn the committed write into a
	 * failure: the entries are stored, and the next checkpoint is witnessed again.
	 */
	private void witness(Checkpoint checkpoint) {
		if (checkpoint != null && this.witness != null) {
			try {
				this.witness.witness(Head.of(this.chain, checkpoint));
			}
			catch (RuntimeException ex) {
				org.apache.commons.logging.LogFactory.getLog(JdbcEventLog.class)
					.error("the " + this.chain.name() + "'s head at entry " + checkpoint.sequence()
							+ " could not be witnessed: " + ex.getClass().getSimpleName());
			}
		}
	}

	@Override
	public Checkpoint stop() {
		this.writeLock.lock();
		try {
			Checkpoint checkpoint = checkpoint();
			if (checkpoint != null && this.witness != null && witnessProblem().isEmpty()) {
				this.witness.stopped(this.chain, true);
			}
			// a write after this (an audit entry flushed late) says Khronika runs again
			this.writing = false;
			return checkpoint;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	@Override
	public void halt(String reason) {
		this.halted = reason;
	}

	@Override
	public java.util.Optional<String> halted() {
		return java.util.Optional.ofNullable(this.halted);
	}

	@Override
	public java.util.Optional<String> witnessProblem() {
		if (this.halted != null) {
			return java.util.Optional.of(this.halted);
		}
		if (this.witnessed == null) {
			synchronized (this) {
				if (this.witnessed == null) {
					this.witnessed = (this.witness != null) ? witnessed() : java.util.Optional.empty();
				}
			}
		}
		return this.witnessed;
	}

	/**
	 * What is wrong against the witnessed head; a witness that cannot be read is wrong
	 * too.
	 */
	private java.util.Optional<String> witnessed() {
		try {
			return this.witness.read(this.chain).flatMap(this::problemWith);
		}
		catch (RuntimeException ex) {
			return java.util.Optional
				.of("the head witnessed for the " + this.chain.name() + " cannot be read (" + ex.getMessage() + ")");
		}
	}

	@Override
	public java.util.Optional<Checkpoint> lastCheckpoint() {
		return this.jdbc
			.query("SELECT seq, entry_hash, signed_at, signature FROM " + this.chain.checkpoints()
					+ " ORDER BY seq DESC LIMIT 1", CHECKPOINT)
			.stream()
			.findFirst();
	}

	@Override
	public java.util.Optional<String> problemWith(Head witnessed) {
		long size = size();
		if (size < witnessed.sequence()) {
			return java.util.Optional
				.of("the " + this.chain.name() + " ends at entry " + size + ", before the head witnessed at entry "
						+ witnessed.sequence() + ": " + (witnessed.sequence() - size)
						+ ((witnessed.sequence() - size == 1) ? " entry was removed" : " entries were removed"));
		}
		List<String> hash = this.jdbc.queryForList("SELECT entry_hash FROM " + this.chain.entries() + " WHERE seq = ?",
				String.class, witnessed.sequence());
		if (hash.isEmpty() || !hash.get(0).equals(witnessed.hash())) {
			return java.util.Optional.of("entry " + witnessed.sequence() + " of the " + this.chain.name()
					+ " is not the one witnessed: the log was rewritten up to there");
		}
		if (witnessed.stopped() && !this.postgres && size > witnessed.sequence()) {
			return java.util.Optional.of((size - witnessed.sequence()) + " entries of the " + this.chain.name()
					+ " follow the head witnessed where Khronika stopped: they were added outside Khronika");
		}
		return java.util.Optional.empty();
	}

	private boolean crossesCheckpoint(long before, long after) {
		return after / this.checkpointInterval > before / this.checkpointInterval;
	}

	@Override
	public List<LogEntry> stream(String streamId) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM " + this.chain.entries() + " WHERE stream_id = ? ORDER BY seq", ENTRY,
				streamId);
	}

	@Override
	public void replay(Consumer<LogEntry> consumer) {
		long after = 0;
		while (true) {
			List<LogEntry> page = this.jdbc.query(
					"SELECT " + COLUMNS + " FROM " + this.chain.entries() + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE,
					ENTRY, after);
			page.forEach(consumer);
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).sequence();
		}
	}

	@Override
	public long size() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.chain.entries(), Long.class);
		return (count != null) ? count : 0;
	}

	@Override
	public Checkpoint checkpoint() {
		Checkpoint checkpoint = write(appender -> {
			LogEntry head = ((ChainAppender) appender).head;
			if (head == null) {
				return null;
			}
			List<Checkpoint> existing = this.jdbc.query(
					"SELECT seq, entry_hash, signed_at, signature FROM " + this.chain.checkpoints() + " WHERE seq = ?",
					CHECKPOINT, head.sequence());
			return existing.isEmpty() ? signCheckpoint(head) : existing.get(0);
		});
		witness(checkpoint);
		return checkpoint;
	}

	@Override
	public Verification verify(BiPredicate<byte[], byte[]> signatureCheck) {
		long expectedSequence = 1;
		String previousHash = LogEntry.GENESIS;
		long after = 0;
		while (true) {
			List<LogEntry> page = this.jdbc.query(
					"SELECT " + COLUMNS + " FROM " + this.chain.entries() + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE,
					RAW_ENTRY, after);
			for (LogEntry entry : page) {
				String id = entry.identity().entryId().toString();
				if (entry.sequence() != expectedSequence) {
					return new Verification.Broken(expectedSequence, id,
							"entry " + expectedSequence + " is missing; the next one present is " + entry.sequence());
				}
				if (!entry.previousHash().equals(previousHash)) {
					return new Verification.Broken(entry.sequence(), id,
							"its link to the previous entry does not match that entry's hash");
				}
				if (!entry.computeHash().equals(entry.hash())) {
					return new Verification.Broken(entry.sequence(), id,
							"its content does not match its hash: it was changed after it was written");
				}
				previousHash = entry.hash();
				expectedSequence++;
			}
			if (page.size() < PAGE) {
				break;
			}
			after = page.get(page.size() - 1).sequence();
		}
		long entries = expectedSequence - 1;
		List<Checkpoint> checkpoints = this.jdbc.query(
				"SELECT seq, entry_hash, signed_at, signature FROM " + this.chain.checkpoints() + " ORDER BY seq",
				CHECKPOINT);
		for (Checkpoint checkpoint : checkpoints) {
			if (checkpoint.sequence() > entries) {
				return new Verification.Broken(checkpoint.sequence(), "-", "a signed checkpoint names entry "
						+ checkpoint.sequence() + ", but the log ends at " + entries + ": entries were removed");
			}
			List<String[]> atCheckpoint = this.jdbc.query(
					"SELECT entry_id, entry_hash FROM " + this.chain.entries() + " WHERE seq = ?",
					(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, checkpoint.sequence());
			if (!atCheckpoint.get(0)[1].equals(checkpoint.hash())) {
				return new Verification.Broken(checkpoint.sequence(), atCheckpoint.get(0)[0],
						"its hash differs from the one its signed checkpoint holds: the log was rewritten");
			}
			if (!signatureCheck.test(Checkpoint.message(this.chain, checkpoint.sequence(), checkpoint.hash()),
					checkpoint.signature())) {
				return new Verification.Broken(checkpoint.sequence(), atCheckpoint.get(0)[0],
						"the checkpoint signature at this entry does not verify");
			}
		}
		long due = (entries / this.checkpointInterval) * this.checkpointInterval;
		long last = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).sequence();
		if (due > 0 && last < due) {
			return new Verification.Broken(due, "-", "no signed checkpoint at or after entry " + due
					+ ", though one is signed every " + this.checkpointInterval + " entries: checkpoints were removed");
		}
		return new Verification.Intact(entries, checkpoints.size());
	}

	private LogEntry head() {
		List<LogEntry> last = this.jdbc
			.query("SELECT " + COLUMNS + " FROM " + this.chain.entries() + " ORDER BY seq DESC LIMIT 1", ENTRY);
		return last.isEmpty() ? null : last.get(0);
	}

	private Checkpoint signCheckpoint(LogEntry head) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		byte[] signature = this.signer.sign(Checkpoint.message(this.chain, head.sequence(), head.hash()));
		this.jdbc.update(
				"INSERT INTO " + this.chain.checkpoints()
						+ " (seq, entry_hash, signed_at, signature) VALUES (?, ?, ?, ?)",
				head.sequence(), head.hash(), now.toString(), Base64.getEncoder().encodeToString(signature));
		return new Checkpoint(head.sequence(), head.hash(), now, signature);
	}

	private final class ChainAppender implements Appender {

		private LogEntry head;

		private int appended;

		ChainAppender(LogEntry head) {
			this.head = head;
		}

		@Override
		public LogEntry append(PendingEntry pending) {
			long sequence = (this.head != null) ? this.head.sequence() + 1 : 1;
			String previous = (this.head != null) ? this.head.hash() : LogEntry.GENESIS;
			Instant now = JdbcEventLog.this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			LogEntry entry = LogEntry.chain(pending, sequence, now, previous);
			JdbcEventLog.this.jdbc.update(
					"INSERT INTO " + JdbcEventLog.this.chain.entries() + " (" + COLUMNS
							+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					entry.sequence(), entry.identity().entryId().toString(), entry.identity().streamId(), entry.type(),
					entry.schemaVersion(), entry.recordedAt().toString(), entry.actor(), entry.publicPart(),
					entry.sealedPart(), entry.previousHash(), entry.hash());
			this.head = entry;
			this.appended++;
			return entry;
		}

	}

	private static final RowMapper<LogEntry> ENTRY = JdbcEventLog::mapEntry;

	/**
	 * Like {@link #ENTRY}, but survives a tampered row (a bad UUID or time) so verify can
	 * name it.
	 */
	private static final RowMapper<LogEntry> RAW_ENTRY = (rs, n) -> {
		try {
			return mapEntry(rs, n);
		}
		catch (RuntimeException ex) {
			return new LogEntry(rs.getLong("seq"), new EntryIdentity(new UUID(0, 0), "unreadable"), "unreadable.entry",
					1, Instant.EPOCH, "", "", new byte[0], rs.getString("prev_hash"),
					"unreadable:" + rs.getString("entry_hash"));
		}
	};

	private static LogEntry mapEntry(ResultSet rs, int n) throws SQLException {
		byte[] sealed = rs.getBytes("sealed_part");
		return new LogEntry(rs.getLong("seq"),
				new EntryIdentity(UUID.fromString(rs.getString("entry_id")), rs.getString("stream_id")),
				rs.getString("type"), rs.getInt("schema_version"), Instant.parse(rs.getString("recorded_at")),
				rs.getString("actor"), rs.getString("public_part"), (sealed != null) ? sealed : new byte[0],
				rs.getString("prev_hash"), rs.getString("entry_hash"));
	}

	private static final RowMapper<Checkpoint> CHECKPOINT = (rs, n) -> new Checkpoint(rs.getLong("seq"),
			rs.getString("entry_hash"), Instant.parse(rs.getString("signed_at")),
			Base64.getDecoder().decode(rs.getString("signature")));

}
