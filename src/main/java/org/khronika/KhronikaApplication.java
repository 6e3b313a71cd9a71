package org.khronika;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application. It is started by the {@code serve} command and, without a
 * web server, by every other command of {@link org.khronika.cli.KhronikaCommand}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KhronikaApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Migrates the database at start, and refuses one that a newer build migrated further
	 * than this one knows, which Flyway would otherwise pass over.
	 */
	@Bean
	FlywayMigrationStrategy migrateOnlyForward() {
		return flyway -> {
			MigrationInfoService info = flyway.info();
			MigrationVersion known = newest(info.all(), migration -> migration.getState().isResolved());
			MigrationVersion applied = newest(info.applied(), migration -> true);
			if (applied != null && (known == null || applied.compareTo(known) > 0)) {
				throw new SchemaTooNewException(applied.toString(), (known != null) ? known.toString() : "none");
			}
			flyway.migrate();
		};
	}

	private static MigrationVersion newest(MigrationInfo[] migrations,
			java.util.function.Predicate<MigrationInfo> which) {
		return Arrays.stream(migrations)
			.filter(migration -> migration.getVersion() != null && which.test(migration))
			.map(MigrationInfo::getVersion)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

}
