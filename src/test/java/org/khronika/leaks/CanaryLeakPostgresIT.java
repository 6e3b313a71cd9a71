package org.khronika.leaks;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.khronika.TestApplication;
import org.khronika.TestDatabases;
import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL: a full pg_dump of the database, plus the data directory, logs and temp
 * files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CanaryLeakPostgresIT extends CanaryLeakTestBase {

	private static final Path DATA = TestApplication.dataDirectory();

	private static TestDatabase database;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		database = TestApplication.register(registry, DATA, Engine.POSTGRESQL);
		registry.add("logging.file.name", () -> DATA.resolve("khronika.log").toString());
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Override
	Path dataDirectory() {
		return DATA;
	}

	@Override
	Map<String, byte[]> databaseDump() throws Exception {
		String[] hostPort = TestDatabases.POSTGRES_HOST.split(":");
		Process dump = new ProcessBuilder("pg_dump", "-h", hostPort[0], "-p", hostPort[1], "-U", "postgres",
				"--no-password", database.name())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		byte[] plain = dump.getInputStream().readAllBytes();
		if (dump.waitFor() != 0) {
			throw new IllegalStateException("pg_dump failed for " + database.name());
		}
		return Map.of("pg_dump of " + database.name(), plain);
	}

}
