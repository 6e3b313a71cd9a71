package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

/** The log on SQLite and on the local PostgreSQL. */
class EventLogIT {

	@TempDir
	Path dir;

	private TestDatabase database;

	private EventLog log;

	private SignatureVerifier verifier;

	private JdbcTemplate jdbc;

	void open(Engine engine) {
		this.database = TestDatabases.create(engine, this.dir);
		KeyringFile.createUnprotected(this.dir);
		Keyring keyring = KeyringFile.unlockWithKeyFile(this.dir);
		this.verifier = KeyringFile.checkpointVerifier(this.dir);
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		this.log = new JdbcEventLog(this.database.dataSource(),
				new DataSourceTransactionManager(this.database.dataSource()), Clock.systemUTC(),
				keyring.checkpointSigner()::sign, 4);
	}

	@AfterEach
	void close() {
		if (this.database != null) {
			this.database.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void appendsChainEveryEntryToThePreviousOne(Engine engine) {
		open(engine);
		List<LogEntry> appended = appendSome(3);

		assertThat(appended).extracting(LogEntry::sequence).containsExactly(1L, 2L, 3L);
		assertThat(appended.get(0).previousHash()).isEqualTo(LogEntry.GENESIS);
		assertThat(appended.get(1).previousHash()).isEqualTo(appended.get(0).hash());
		assertThat(appended.get(2).previousHash()).isEqualTo(appended.get(1).hash());
		assertThat(this.log.verify(this.verifier::verifies)).isEqualTo(new Verification.Intact(3, 0));
		assertThat(this.log.stream("stream-1")).extracting(LogEntry::sequence).containsExactly(1L, 3L);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void signsACheckpointEveryIntervalAndOnRequest(Engine engine) {
		open(engine);
		appendSome(5);

		assertThat(this.jdbc.queryForList("SELECT seq FROM log_checkpoint", Long.class)).containsExactly(4L);
		Checkpoint head = this.log.checkpoint();
		assertThat(head.sequence()).isEqualTo(5);
		assertThat(this.log.verify(this.verifier::verifies)).isEqualTo(new Verification.Intact(5, 2));
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void oneChangedByteInAStoredEntryIsFoundAndNamed(Engine engine) {
		open(engine);
		List<LogEntry> appended = appendSome(5);
		LogEntry third = appended.get(2);
		byte[] sealed = third.sealedPart();
		sealed[0] ^= 0x01;
		this.jdbc.update("UPDATE log_entry SET sealed_part = ? WHERE seq = 3", sealed);

		Verification result = this.log.verify(this.verifier::verifies);

		assertThat(result).isInstanceOf(Verification.Broken.class);
		Verification.Broken broken = (Verification.Broken) result;
		assertThat(broken.sequence()).isEqualTo(3);
		assertThat(broken.entryId()).isEqualTo(third.identity().entryId().toString());
		assertThat(broken.reason()).contains("does not match its hash");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aChangedPublicPartIsFoundEvenWhenItsHashIsRecomputed(Engine engine) {
		open(engine);
		appendSome(4);
		// an attacker rewrites entry 2 and fixes its hash: the next entry's link no
		// longer fits
		LogEntry second = this.log.stream("stream-2").get(0);
		LogEntry forged = LogEntry.chain(new PendingEntry(second.identity(), second.type(), 1, second.actor(),
				"{\"detained\":999}", second.sealedPart()), 2, second.recordedAt(), second.previousHash());
		this.jdbc.update("UPDATE log_entry SET public_part = ?, entry_hash = ? WHERE seq = 2", forged.publicPart(),
				forged.hash());

		Verification.Broken broken = (Verification.Broken) this.log.verify(this.verifier::verifies);

		assertThat(broken.sequence()).isEqualTo(3);
		assertThat(broken.reason()).contains("link to the previous entry");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void removingEntriesAfterASignedCheckpointIsFound(Engine engine) {
		open(engine);
		appendSome(4);
		this.jdbc.update("DELETE FROM log_entry WHERE seq = 4");

		Verification.Broken broken = (Verification.Broken) this.log.verify(this.verifier::verifies);

		assertThat(broken.reason()).contains("entries were removed");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aFailedWriteLeavesNoEntry(Engine engine) {
		open(engine);
		appendSome(1);

		assertThatThrownBy(() -> this.log.write(appender -> {
			appender.append(pending("stream-9", "second"));
			throw new IllegalStateException("projection failed");
		})).hasMessage("projection failed");

		assertThat(this.log.size()).isEqualTo(1);
		assertThat(this.log.verify(this.verifier::verifies)).isEqualTo(new Verification.Intact(1, 0));
	}

	@Test
	void twoServersOnOnePostgresqlDatabaseKeepOneChain() throws Exception {
		open(Engine.POSTGRESQL);
		Keyring keyring = KeyringFile.unlockWithKeyFile(this.dir);
		// a second application node: its own log object and connections, no lock in
		// common with the first
		EventLog otherNode = new JdbcEventLog(this.database.dataSource(),
				new DataSourceTransactionManager(this.database.dataSource()), Clock.systemUTC(),
				keyring.checkpointSigner()::sign, 4);
		java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<?>> done = List.of(nodes.submit(() -> appendMany(this.log, "a", 40)),
					nodes.submit(() -> appendMany(otherNode, "b", 40)));
			for (java.util.concurrent.Future<?> future : done) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(this.log.verify(this.verifier::verifies)).isEqualTo(new Verification.Intact(80, 20));
	}

	private static void appendMany(EventLog log, String stream, int count) {
		for (int i = 0; i < count; i++) {
			String content = "entry " + i;
			log.write(appender -> appender.append(pending(stream, content)));
		}
	}

	private List<LogEntry> appendSome(int count) {
		return java.util.stream.IntStream.rangeClosed(1, count)
			.mapToObj(i -> this.log
				.write(appender -> appender.append(pending("stream-" + (i % 2 == 0 ? 2 : 1), "entry " + i))))
			.toList();
	}

	private static PendingEntry pending(String stream, String content) {
		return new PendingEntry(EntryIdentity.next(stream), "test.appended", 1, "tester", "{\"n\":\"" + content + "\"}",
				content.getBytes(StandardCharsets.UTF_8));
	}

}
