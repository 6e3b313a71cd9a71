package org.khronika;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.crypto.KeyringFile;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Sets up what a full Khronika needs for a {@code @SpringBootTest}: a fresh data
 * directory with an (unprotected, test-only) keyring, and SQLite in it or a fresh
 * PostgreSQL database.
 */
public final class TestApplication {

	public static final String PASSWORD = "test-password-123";

	private TestApplication() {
	}

	public static Path dataDirectory() {
		try {
			Path dir = Files.createTempDirectory("khronika-test-");
			KeyringFile.createUnprotected(dir);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Registers the data directory and, for PostgreSQL, a fresh database; returns that
	 * database or null.
	 */
	public static TestDatabase register(DynamicPropertyRegistry registry, Path dataDirectory, Engine engine) {
		registry.add("khronika.data-dir", dataDirectory::toString);
		if (engine == Engine.POSTGRESQL) {
			TestDatabase database = TestDatabases.postgres();
			registry.add("spring.datasource.url", database::url);
			registry.add("spring.datasource.username", () -> "postgres");
			return database;
		}
		return null;
	}

}
