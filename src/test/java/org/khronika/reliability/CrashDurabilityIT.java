package org.khronika.reliability;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases;
import org.khronika.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four writers create persons through the API while the server is killed with SIGKILL, 20
 * times on each database: after every restart each acknowledged person is there, none is
 * there twice, and the log verifies with one entry per person. {@code bench/run crash}
 * runs the same harness 100 times per database.
 */
class CrashDurabilityIT {

	private static final int CRASHES = 20;

	@TempDir
	Path dir;

	@Test
	void noAcknowledgedWriteIsLostOrDoubledAcrossKillsOnSqlite() throws Exception {
		CrashHarness.Report report = new CrashHarness(this.dir.resolve("data"), Map.of(), 20261205L, 4).run(CRASHES);

		assertSurvived(report);
	}

	@Test
	void noAcknowledgedWriteIsLostOrDoubledAcrossKillsOnPostgresql() throws Exception {
		try (TestDatabase database = TestDatabases.postgres()) {
			Map<String, String> postgres = Map.of("KHRONIKA_DB_URL", database.url(), "KHRONIKA_DB_USER", "postgres");
			CrashHarness.Report report = new CrashHarness(this.dir.resolve("data"), postgres, 20261206L, 4)
				.run(CRASHES);

			assertSurvived(report);
		}
	}

	private static void assertSurvived(CrashHarness.Report report) {
		assertThat(report.problems()).as(report.toString()).isEmpty();
		assertThat(report.crashes()).isEqualTo(CRASHES);
		assertThat(report.acknowledged()).as("the writers were writing when killed").isGreaterThan(CRASHES * 4);
		assertThat(report.lost()).isZero();
		assertThat(report.duplicated()).isZero();
		assertThat(report.verified()).as("verify-log after every start and at the end").isEqualTo(CRASHES + 2);
	}

}
