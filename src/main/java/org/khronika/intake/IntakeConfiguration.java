package org.khronika.intake;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
	ReportInbox reportInbox(Reports reports) {
		return reports.inbox();
	}

	/**
	 * Deletes the reports past their retention when the server starts and once a day
	 * after; the count only goes to the log.
	 */
	@Bean
	DisposableBean expiredReports(Reports reports) {
		Log logger = LogFactory.getLog(Reports.class);
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "khronika-intake-retention");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				int deleted = reports.deleteExpired();
				if (deleted > 0) {
					logger.info("intake: deleted " + deleted + " report(s) past their retention");
				}
			}
			catch (RuntimeException ex) {
				logger.error("intake: reports past their retention could not be deleted: " + ex.getClass().getName());
			}
		}, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
		return executor::shutdownNow;
	}

}
