package org.khronika.intake;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AuditTrail;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.registry.Registry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

	@Bean
	Reports reports(DataSource dataSource, KeyringUnlock keyring, AccessPolicy policy, AuditTrail audit,
			Catalog catalog, Clock clock, IntakeSettings settings, Registry registry) {
		return new Reports(new JdbcTemplate(dataSource), () -> keyring.get().intakeSealer(),
				() -> keyring.get().intakeOpener(), policy, audit, catalog, clock, settings.retentionDays(), registry);
	}

	@Bean
	IntakeTokenCheck intakeTokenCheck(DataSource dataSource) {
		return new IntakeTokenCheck(new JdbcTemplate(dataSource));
	}

	@Bean
	ReportInbox reportInbox(Reports reports) {
		return reports.inbox();
	}

	/** Deletes the reports past their retention ({@link RetentionSweep}). */
	@Bean
	DisposableBean expiredReports(Reports reports) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "khronika-intake-retention");
			thread.setDaemon(true);
			return thread;
		});
		new RetentionSweep(reports::deleteExpired, executor).start();
		return executor::shutdownNow;
	}

}
