package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.khronika.TestDatabases;
import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.crypto.Keyring;
import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.SignatureVerifier;
import org.khronika.eventlog.jdbc.JdbcEventLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Someone who can write the database tries to roll the log back or rewrite it. Every
 * attempt is caught: by {@code verify-log}'s own checks (signed checkpoints, one due
 * every {@value #INTERVAL} entries) or by the head witnessed outside the database, which
 * a log cut or rewritten behind it no longer contains and one added to after a clean stop
 * ends past.
 */
class WitnessedHeadIT {

	private static final int INTERVAL = 100;

	/**
	 * Entries written before the clean stop: checkpoints at each hundred and at the end.
	 */
	private static final int ENTRIES = 1037;

	@TempDir
	Path dir;

	private TestDatabase database;

	private Keyring keyring;

	private SignatureVerifier verifier;

	private JdbcTemplate jdbc;

	private Engine engine;

	private Head stoppedAt;

	void open(Engine engine) {
		this.engine = engine;
		KeyringFile.createUnprotected(this.dir);
		this.keyring = KeyringFile.unlockWithKeyFile(this.dir);
		this.verifier = KeyringFile.checkpointVerifier(this.dir);
		fresh();
	}

	/**
	 * A new database with a log of {@value #ENTRIES} entries, stopped cleanly: its head
	 * witnessed as stopped.
	 */
	private void fresh() {
		close();
		try {
			java.nio.file.Files.deleteIfExists(this.dir.resolve(HeadWitness.FILE));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		this.database = TestDatabases.create(this.engine, this.dir.resolve("database-" + System.nanoTime()));
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		EventLog log = log();
		for (int written = 0; written < ENTRIES; written += 50) {
			int batch = Math.min(50, ENTRIES - written);
			int first = written;
			log.write(appender -> {
				for (int i = 0; i < batch; i++) {
					appender.append(pending("entry " + (first + i)));
				}
				return null;
			});
		}
		log.stop();
		this.stoppedAt = new HeadWitness(this.dir).read(Chain.RECORDS).orElseThrow();
	}

	@AfterEach
	void close() {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aCleanLogPassesAndItsHeadIsWitnessedAsStopped(Engine engine) {
		open(engine);

		assertThat(log().verify(this.verifier::verifies)).isEqualTo(new Verification.Intact(ENTRIES, 11));
		assertThat(this.stoppedAt.sequence()).isEqualTo(ENTRIES);
		assertThat(this.stoppedAt.stopped()).isTrue();
		assertThat(this.stoppedAt.signedBy(this.verifier::verifies)).isTrue();
		assertThat(log().problemWith(this.stoppedAt)).isEmpty();
		assertThat(Head.parse(this.stoppedAt.line())).usingRecursiveComparison().isEqualTo(this.stoppedAt);

		// written to again: the witness says Khronika runs, and follows the new
		// checkpoints
		EventLog log = log();
		log.write(appender -> appender.append(pending("after the restart")));
		Head running = new HeadWitness(this.dir).read(Chain.RECORDS).orElseThrow();
		assertThat(running.stopped()).isFalse();
		assertThat(log.problemWith(running)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void everyRollbackAndRewriteIsCaught(Engine engine) {
		open(engine);
		List<String> uncaught = new ArrayList<>();
		attempt("nothing (the control: an untouched log passes both checks)", uncaught, () -> {
		});
		for (int removed : new int[] { 1, 10, 99, 500 }) {
			attempt("the newest " + removed + " entries removed", uncaught, () -> removeNewest(removed, false));
			attempt("the newest " + removed + " entries removed with the checkpoints above the new end", uncaught,
					() -> removeNewest(removed, true));
		}
		attempt("a forged entry appended with a correct hash", uncaught, () -> appendForged());
		attempt("the newest entry edited and its hash recomputed", uncaught, () -> rewriteFrom(ENTRIES, false));
		attempt("the newest entry edited, its hash recomputed, its checkpoint removed", uncaught,
				() -> rewriteFrom(ENTRIES, true));
		attempt("an entry after the last hundred edited and the tail recomputed", uncaught,
				() -> rewriteFrom(1020, false));
		attempt("an entry after the last hundred edited, the tail recomputed, the checkpoints above removed", uncaught,
				() -> rewriteFrom(1020, true));
		attempt("every checkpoint removed", uncaught, () -> this.jdbc.update("DELETE FROM log_checkpoint"));
		attempt("an early entry rewritten, every hash recomputed, every checkpoint removed", uncaught, () -> {
			rewriteFrom(5, false);
			this.jdbc.update("DELETE FROM log_checkpoint");
		});

		List<String> expected = new ArrayList<>(List.of("nothing (the control: an untouched log passes both checks)"));
		if (engine == Engine.POSTGRESQL) {
			// several nodes may write one PostgreSQL log: a node that stopped cannot tell
			// another node's entries from a forgery after its head; they are covered from
			// the next checkpoint on, as a crashed node's last entries are
			expected.add("a forged entry appended with a correct hash");
		}
		assertThat(uncaught).as("attempts neither verify-log nor the witnessed head caught")
			.containsExactlyElementsOf(expected);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aLogCutBehindItsWitnessedHeadTakesNoMoreWrites(Engine engine) {
		open(engine);
		removeNewest(10, true);

		EventLog log = log();

		assertThat(log.witnessProblem()).hasValueSatisfying(problem -> assertThat(problem)
			.isEqualTo("the log ends at entry 1027, before the head witnessed at entry 1037: 10 entries were removed"));
		assertThat(new EventLogConfiguration().logHealth(List.of(log)).health().getStatus())
			.as("readiness says the log takes no writes")
			.isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
		assertThatThrownBy(() -> log.write(appender -> appender.append(pending("more"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("writes are stopped: the log ends at entry 1027");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aDamagedWitnessStopsWritesAndSaysSo(Engine engine) throws Exception {
		open(engine);
		java.nio.file.Files.writeString(this.dir.resolve(HeadWitness.FILE), "not a head at all\n");

		EventLog log = log();

		assertThat(log.witnessProblem()).hasValueSatisfying(problem -> assertThat(problem)
			.startsWith("the head witnessed for the log cannot be read (log-head.txt is damaged: not a head"));
		assertThatThrownBy(() -> log.write(appender -> appender.append(pending("more"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("writes are stopped: the head witnessed for the log cannot be read");
	}

	/**
	 * Runs {@code attack} on a fresh copy of the stopped log and notes it in
	 * {@code uncaught} if neither check finds it.
	 */
	private void attempt(String attack, List<String> uncaught, Runnable mutation) {
		fresh();
		mutation.run();
		EventLog log = log();
		boolean verified = log.verify(this.verifier::verifies) instanceof Verification.Intact;
		boolean extendsHead = log.problemWith(this.stoppedAt).isEmpty();
		if (verified && extendsHead) {
			uncaught.add(attack);
		}
	}

	private EventLog log() {
		return new JdbcEventLog(Chain.RECORDS, this.database.dataSource(),
				new DataSourceTransactionManager(this.database.dataSource()), Clock.systemUTC(),
				this.keyring.checkpointSigner()::sign, INTERVAL, new HeadWitness(this.dir));
	}

	private void removeNewest(int count, boolean checkpointsToo) {
		long end = ENTRIES - count;
		this.jdbc.update("DELETE FROM log_entry WHERE seq > ?", end);
		if (checkpointsToo) {
			this.jdbc.update("DELETE FROM log_checkpoint WHERE seq > ?", end);
		}
	}

	/** A new entry after the head, hashed as the log would hash it. */
	private void appendForged() {
		List<LogEntry> entries = entries();
		LogEntry head = entries.get(entries.size() - 1);
		LogEntry forged = LogEntry.chain(pending("forged"), head.sequence() + 1, head.recordedAt(), head.hash());
		this.jdbc.update(
				"INSERT INTO log_entry (seq, entry_id, stream_id, type, schema_version, recorded_at, actor, public_part, "
						+ "sealed_part, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				forged.sequence(), forged.identity().entryId().toString(), forged.identity().streamId(), forged.type(),
				forged.schemaVersion(), forged.recordedAt().toString(), forged.actor(), forged.publicPart(),
				forged.sealedPart(), forged.previousHash(), forged.hash());
	}

	/**
	 * Entry {@code from} edited and every hash from it on recomputed; the checkpoints at
	 * or after it removed too, if {@code checkpointsToo}.
	 */
	private void rewriteFrom(long from, boolean checkpointsToo) {
		String previous = null;
		for (LogEntry entry : entries()) {
			if (entry.sequence() < from) {
				previous = entry.hash();
				continue;
			}
			String publicPart = (entry.sequence() == from) ? "{\"n\":\"rewritten\"}" : entry.publicPart();
			LogEntry rewritten = LogEntry.chain(
					new PendingEntry(entry.identity(), entry.type(), entry.schemaVersion(), entry.actor(), publicPart,
							entry.sealedPart()),
					entry.sequence(), entry.recordedAt(), (previous != null) ? previous : LogEntry.GENESIS);
			this.jdbc.update("UPDATE log_entry SET public_part = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?",
					rewritten.publicPart(), rewritten.previousHash(), rewritten.hash(), rewritten.sequence());
			previous = rewritten.hash();
		}
		if (checkpointsToo) {
			this.jdbc.update("DELETE FROM log_checkpoint WHERE seq >= ?", from);
		}
	}

	private List<LogEntry> entries() {
		List<LogEntry> entries = new ArrayList<>();
		Consumer<LogEntry> add = entries::add;
		log().replay(add);
		return entries;
	}

	private static PendingEntry pending(String content) {
		return new PendingEntry(EntryIdentity.next("stream-" + (content.hashCode() & 7)), "test.appended", 1, "tester",
				"{\"n\":\"" + content + "\"}", content.getBytes(StandardCharsets.UTF_8));
	}

}
