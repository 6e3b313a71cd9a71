package org.khronika.access;

import java.nio.file.Path;

import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The access matrix ({@link AccessMatrixTestBase}) on SQLite. */
class AccessMatrixIT extends AccessMatrixTestBase {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		settings(registry);
	}

}
