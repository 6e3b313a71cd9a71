package org.khronika.leaks;

import java.nio.file.Path;
import java.util.Map;

import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SQLite: the database file with its WAL and SHM, every file in the data directory, logs
 * and temp files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CanaryLeakSqliteIT extends CanaryLeakTestBase {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("logging.file.name", () -> DATA.resolve("khronika.log").toString());
	}

	@Override
	Path dataDirectory() {
		return DATA;
	}

	@Override
	Map<String, byte[]> databaseDump() {
		// the SQLite files are in the data directory, searched byte for byte with their
		// WAL and SHM
		return Map.of();
	}

}
