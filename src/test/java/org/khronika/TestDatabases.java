package org.khronika;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Real databases for tests: an SQLite file in a fresh directory, or a fresh database on
 * the local PostgreSQL (127.0.0.1:5432, user postgres, trust), each migrated with
 * Khronika's migrations.
 */
public final class TestDatabases {

	public static final String POSTGRES_HOST = System.getProperty("khronika.test.postgres", "127.0.0.1:5432");

	private TestDatabases() {
	}

	/** Which database a parameterized test runs against. */
	public enum Engine {

		SQLITE, POSTGRESQL;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A migrated database; {@link #close()} drops it (PostgreSQL) or leaves the temp
	 * file.
	 */
	public record TestDatabase(Engine engine, String url, DataSource dataSource, String name) implements AutoCloseable {

		@Override
		public void close() {
			if (this.engine == Engine.POSTGRESQL) {
				dropPostgres(this.name);
			}
		}

	}

	public static TestDatabase create(Engine engine, Path directory) {
		TestDatabase database = (engine == Engine.SQLITE) ? sqlite(directory) : postgres();
		Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
		return database;
	}

	public static TestDatabase sqlite(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = "jdbc:sqlite:" + directory.resolve("khronika.db")
				+ "?journal_mode=WAL&secure_delete=true&busy_timeout=10000&transaction_mode=IMMEDIATE";
		// as the URL says, for the application's pool: a data source reads its settings
		// from its own configuration, not from the URL
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
		config.setBusyTimeout(10000);
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		SQLiteDataSource dataSource = new SQLiteDataSource(config);
		dataSource.setUrl("jdbc:sqlite:" + directory.resolve("khronika.db"));
		return new TestDatabase(Engine.SQLITE, url, dataSource, directory.toString());
	}

	/** A new, empty PostgreSQL database with a unique name. */
	public static TestDatabase postgres() {
		String name = "khronika_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_HOST + "/postgres",
				"postgres", ""); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL at " + POSTGRES_HOST + " is needed for this test (.ci/run starts it)", ex);
		}
		String url = "jdbc:postgresql://" + POSTGRES_HOST + "/" + name;
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("postgres");
		return new TestDatabase(Engine.POSTGRESQL, url, dataSource, name);
	}

	static void dropPostgres(String name) {
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_HOST + "/postgres",
				"postgres", ""); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not drop test database " + name, ex);
		}
	}

}
