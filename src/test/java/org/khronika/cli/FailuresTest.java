package org.khronika.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure is told in one line: our own messages as they are, a database or a port by
 * what to check, anything else by the kinds of its causes and where, never by their
 * messages, which may quote what was typed or stored.
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
