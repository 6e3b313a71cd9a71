package org.khronika.access;

import org.khronika.TestDatabases;
import org.khronika.TestDatabases.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same matrix on PostgreSQL: the reading rule is SQL there too, and must hold the
 * same.
 */
class AccessMatrixPostgresIT extends AccessMatrixIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.postgres();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", () -> "postgres");
	}

}
