package org.khronika.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.khronika.crypto.KeyringUnlock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's own backups ({@link BackupSchedule}), when
 * {@code khronika.backup.directory} says where: only in the server, never in a command,
 * and begun once it is ready.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty("khronika.backup.directory")
class BackupConfiguration {

	@Bean(destroyMethod = "stop")
	BackupSchedule backupSchedule(@Value("${khronika.backup.directory}") Path directory,
			@Value("${khronika.backup.every:24h}") Duration every,
			@Value("${khronika.backup.keep-days:14}") int keepDays, @Value("${khronika.data-dir}") Path dataDirectory,
			KeyringUnlock keyring, DataSource dataSource, Clock clock) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "khronika-backup");
			thread.setDaemon(true);
			return thread;
		});
		return new BackupSchedule(new BackupSchedule.Settings(directory, every, Duration.ofDays(keepDays)),
				dataDirectory, keyring, dataSource, clock, executor);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> backupsBegin(BackupSchedule schedule) {
		return event -> {
			try {
				schedule.start();
			}
			catch (java.io.IOException ex) {
				throw new BackupException("the backup directory could not be made or read: " + ex.getMessage());
			}
		};
	}

	/**
	 * {@code khronika_backup_last_written_seconds}: when this server last wrote a backup,
	 * in seconds since 1970 (NaN until it has), for an alert when backups stop.
	 */
	@Bean
	io.micrometer.core.instrument.binder.MeterBinder backupMetric(BackupSchedule schedule) {
		return registry -> io.micrometer.core.instrument.Gauge
			.builder("khronika.backup.last.written", schedule,
					s -> s.lastWritten().map(at -> (double) at.getEpochSecond()).orElse(Double.NaN))
			.description("when this server last wrote a backup, in seconds since 1970")
			.baseUnit("seconds")
			.register(registry);
	}

}
