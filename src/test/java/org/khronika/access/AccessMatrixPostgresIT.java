package org.khronika.access;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same matrix on PostgreSQL: the reading rule is SQL there too, and must hold the
 * same.
 */
class AccessMatrixPostgresIT extends AccessMatrixTestBase {

	/** A data directory of its own: it holds the heads this database's log reached. */
	private static final java.nio.file.Path DATA = org.khronika.TestApplication.dataDirectory();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		org.khronika.TestApplication.register(registry, DATA, org.khronika.TestDatabases.Engine.POSTGRESQL);
		settings(registry);
	}

}
