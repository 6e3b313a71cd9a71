package org.khronika.registry;

import java.nio.file.Path;
import java.time.Clock;

import org.khronika.TestDatabases;
import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.access.AccessFixtures;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Role;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.Keyring;
import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.Fingerprints;
import org.khronika.crypto.Sealer;
import org.khronika.crypto.jdbc.JdbcSubjectKeyStore;
import org.khronika.eventlog.Chain;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.jdbc.JdbcEventLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A registry on a real database (SQLite or the local PostgreSQL) with a real keyring,
 * without Spring.
 */
final class RegistryFixture implements AutoCloseable {

	final TestDatabase database;

	final EventLog log;

	final EventLog auditChain;

	final AuditTrail audit;

	final Registry registry;

	final RecordValidator validator;

	final JdbcTemplate jdbc;

	final Path dataDirectory;

	RegistryFixture(Engine engine, Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		this.database = TestDatabases.create(engine, dataDirectory);
		KeyringFile.createUnprotected(dataDirectory);
		Keyring keyring = KeyringFile.unlockWithKeyFile(dataDirectory);
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		this.log = new JdbcEventLog(this.database.dataSource(),
				new DataSourceTransactionManager(this.database.dataSource()), Clock.systemUTC(),
				keyring.checkpointSigner()::sign, 100);
		Sealer sealer = new Sealer(() -> keyring,
				new JdbcSubjectKeyStore(this.database.dataSource(), Clock.systemUTC()));
		this.auditChain = new JdbcEventLog(Chain.AUDIT, this.database.dataSource(),
				new DataSourceTransactionManager(this.database.dataSource()), Clock.systemUTC(),
				keyring.checkpointSigner()::sign, 100);
		this.audit = AccessFixtures.auditTrail(this.log, this.auditChain, this.jdbc, sealer);
		this.registry = new Registry(this.log, sealer,
				new Fingerprints(() -> keyring, new JdbcSubjectKeyStore(this.database.dataSource(), Clock.systemUTC())),
				this.jdbc, new AccessPolicy(), this.audit, Catalog.load(), Clock.systemUTC());
		this.validator = this.registry.validator();
	}

	/** Records {@code draft} as an editor; fails the test if it is refused. */
	RecordId save(RecordDraft draft) {
		SaveResult result = this.registry.record(as("editor"), draft);
		if (!(result instanceof SaveResult.Saved saved)) {
			throw new AssertionError("fixture draft is refused: " + result);
		}
		return saved.id();
	}

	/** An actor named {@code login}: an admin if so named, else an editor. */
	Actor as(String login) {
		return new Actor(login, "admin".equals(login) ? Role.ADMIN : Role.EDITOR);
	}

	/** The record as an admin sees it. */
	java.util.Optional<RecordView> find(RecordId id) {
		return this.registry.read(as("admin"), id);
	}

	/** The history as an admin sees it. */
	java.util.List<HistoryItem> history(RecordId id) {
		return this.registry.history(as("admin"), id).orElseThrow().versions();
	}

	/**
	 * Records of {@code kind} (any if null) referring to {@code target}, as an admin sees
	 * them.
	 */
	java.util.List<RecordView> linking(RecordId target, RecordKind kind) {
		Dossier dossier = this.registry.dossier(as("admin"), target).orElseThrow();
		return dossier.related()
			.entrySet()
			.stream()
			.filter(e -> kind == null || e.getKey() == kind)
			.flatMap(e -> e.getValue().stream())
			.toList();
	}

	/** The details {@code draft} makes; fails the test if it is invalid. */
	<D extends RecordDetails> D details(RecordDraft draft) {
		Validated<RecordDetails> validated = this.validator.validate(as("editor"), draft);
		if (!validated.isValid()) {
			throw new AssertionError("fixture draft is invalid: " + validated.problems());
		}
		@SuppressWarnings("unchecked")
		D details = (D) validated.details();
		return details;
	}

	@Override
	public void close() {
		this.audit.close();
		this.database.close();
	}

}
