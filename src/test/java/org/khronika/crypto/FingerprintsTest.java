package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases;
import org.khronika.crypto.jdbc.JdbcSubjectKeyStore;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {

	private static final byte[] ROW = "Иван Клоков|1987|moscow".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	private Keyring keyring;

	private DataSource dataSource;

	private SubjectKeyStore store;

	@BeforeEach
	void setUp() {
		KeyringFile.createUnprotected(this.dir);
		this.keyring = KeyringFile.unlockWithKeyFile(this.dir);
		this.dataSource = TestDatabases.create(TestDatabases.Engine.SQLITE, this.dir).dataSource();
		this.store = new JdbcSubjectKeyStore(this.dataSource, Clock.systemUTC());
	}

	@Test
	void theSameContentHasTheSameFingerprintAlsoAfterARestart() {
		String first = new Fingerprints(() -> this.keyring, this.store).of("imports", ROW);

		assertThat(first).matches("[0-9a-f]{64}");
		assertThat(new Fingerprints(() -> this.keyring, this.store).of("imports", ROW))
			.as("another instance reads the stored key")
			.isEqualTo(first);
	}

	@Test
	void eachPurposeHasItsOwnKey() {
		Fingerprints fingerprints = new Fingerprints(() -> this.keyring, this.store);

		assertThat(fingerprints.of("imports", ROW)).isNotEqualTo(fingerprints.of("other", ROW));
		assertThat(fingerprints.of("imports", ROW)).isNotEqualTo(fingerprints.of("imports", new byte[] { 1 }));
	}

	@Test
	void aKeyMadeInATransactionThatRolledBackIsNotKept() {
		Fingerprints fingerprints = new Fingerprints(() -> this.keyring, this.store);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));

		String rolledBack = transaction.execute(status -> {
			status.setRollbackOnly();
			return fingerprints.of("imports", ROW);
		});
		String kept = fingerprints.of("imports", ROW);

		assertThat(this.store.find("fingerprint:imports")).as("the key made after the rollback is stored").isPresent();
		assertThat(kept).as("made under a new key, not the one rolled back").isNotEqualTo(rolledBack);
		assertThat(new Fingerprints(() -> this.keyring, this.store).of("imports", ROW)).isEqualTo(kept);
	}

}
