package org.khronika.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.khronika.TestDatabases;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.reliability.CrashHarness;

/**
 * Crash durability at length: four writers create persons through the API of a server
 * run from the jar, which is killed with SIGKILL at a random moment {@code CRASHES} times
 * on SQLite and as many on PostgreSQL. After each restart every acknowledged person must
 * be there once and {@code verify-log} must pass ({@link CrashHarness}). The baseline in
 * the same run: a start of the same server on the same data after a clean stop, beside the
 * mean start after a kill.
 *
 * <pre>bench/run crash [CRASHES]</pre>
 */
public final class CrashBenchmark {

	private CrashBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int crashes = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		System.out.printf("machine: %s%n", Bench.machine());
		System.out.printf("%d kill -9 crashes per database under 4 writers%n", crashes);
		Path dir = Files.createTempDirectory("khronika-crash-bench");
		try (TestDatabase database = TestDatabases.postgres()) {
			print("SQLite", new CrashHarness(dir.resolve("sqlite"), Map.of(), 1, 4).run(crashes));
			Map<String, String> postgres = Map.of("KHRONIKA_DB_URL", database.url(), "KHRONIKA_DB_USER", "postgres");
			print("PostgreSQL", new CrashHarness(dir.resolve("postgres"), postgres, 2, 4).run(crashes));
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static void print(String engine, CrashHarness.Report report) {
		System.out.printf("%-10s %s%n", engine, report);
		System.out.printf("%-10s start after kill -9 / start after clean stop: %.2f%n", engine,
				(double) report.meanRestart().toNanos() / report.cleanStart().toNanos());
		report.problems().forEach(problem -> System.out.printf("%-10s PROBLEM %s%n", engine, problem));
	}

}
