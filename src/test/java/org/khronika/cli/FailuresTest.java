package org.khronika.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure is told in one line: our own messages as they are, a database (by its SQL
 * state or SQLite's code) or a port by what to check, anything else by the kinds of its
 * causes and where, never by their messages, which may quote what was typed or stored.
 */
class FailuresTest {

	@Test
	void ourOwnMessageIsToldAsItIsWhereverItIsInTheChain() {
		RuntimeException wrapped = new IllegalStateException("context failed",
				new Failures.CommandFailure("two snapshots are needed"));
		assertThat(Failures.describe(wrapped)).isEqualTo("two snapshots are needed");
	}

	@Test
	void aDatabaseOutOfReachSaysWhatToCheckAndWhyByKindOnly() {
		Exception refused = new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection",
				new SQLException("Connection to db.internal:5432 refused for Клоков",
						new java.net.ConnectException("Connection refused")));
		assertThat(Failures.describe(refused)).startsWith("the database cannot be used (")
			.contains("CannotGetJdbcConnectionException < SQLException < ConnectException")
			.endsWith("): check KHRONIKA_DB_URL and that the database is running")
			.doesNotContain("Клоков", "db.internal");
	}

	@Test
	void aRefusedConnectionSaysWhatItsSqlStateMeansAndWhatToCheckWithoutTheDatabasesMessage() {
		Exception noDatabase = new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection",
				new SQLException("FATAL: database \"khronika\" does not exist", "3D000"));
		assertThat(Failures.describe(noDatabase)).startsWith("the database cannot be used (")
			.endsWith("): no database of that name (SQL state 3D000); check KHRONIKA_DB_URL and that the database "
					+ "is running")
			.doesNotContain("FATAL");
		Exception password = new SQLException("password authentication failed for user \"Клоков\"", "28P01");
		assertThat(Failures.describe(password))
			.endsWith("): the password was refused (SQL state 28P01); check KHRONIKA_DB_USER and KHRONIKA_DB_PASSWORD")
			.doesNotContain("Клоков");
	}

	@Test
	void aDamagedSqliteFileIsNamedWithWhatToDo() {
		Exception damaged = new IllegalStateException("context failed", new org.sqlite.SQLiteException(
				"[SQLITE_NOTADB] file is not a database", org.sqlite.SQLiteErrorCode.SQLITE_NOTADB));
		assertThat(Failures.describe(damaged))
			.endsWith("): khronika.db in the data directory is not a database: restore a backup ('restore')");
		Exception busy = new org.sqlite.SQLiteException("[SQLITE_BUSY] the database file is locked",
				org.sqlite.SQLiteErrorCode.SQLITE_BUSY);
		assertThat(Failures.describe(busy)).as("a command beside a server's long import")
			.endsWith("): another process writing to khronika.db did not let go of it in time (a long import, say): "
					+ "try again once it is done");
		Exception unknown = new org.sqlite.SQLiteException("[SQLITE_ERROR] no such column: Клоков",
				org.sqlite.SQLiteErrorCode.SQLITE_ERROR);
		assertThat(Failures.describe(unknown)).endsWith("): check khronika.db in the data directory")
			.doesNotContain("Клоков");
	}

	@Test
	void aPortInUseSaysWhichAndWhatToDo() {
		Exception inUse = new IllegalStateException("web server failed",
				new org.springframework.boot.web.server.PortInUseException(8080));
		assertThat(Failures.describe(inUse))
			.isEqualTo("port 8080 is in use: stop what listens there, or choose another with --port");
	}

	@Test
	void anythingElseIsToldByTheKindsOfItsCausesAndWhereTheLastWasThrown() {
		IllegalStateException cause = new IllegalStateException("sealed value: Ведерникова Инна");
		Exception failure = new RuntimeException("bean failed: Ведерникова Инна", cause);
		assertThat(Failures.describe(failure))
			.startsWith(
					"unexpected failure (RuntimeException < IllegalStateException at org.khronika.cli.FailuresTest.")
			.endsWith("); nothing was changed that is not in the log")
			.doesNotContain("Ведерникова");
	}

}
