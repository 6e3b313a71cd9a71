package org.khronika.registry;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.catalog.Catalog;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.jdbc.JdbcEventLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the log to the keyring's checkpoint signer, and the registry to both. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

	@Bean
	EventLog eventLog(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, KeyringUnlock keyring,
			@Value("${khronika.log.checkpoint-interval:100}") int checkpointInterval) {
		return new JdbcEventLog(dataSource, transactions, clock, message -> keyring.get().checkpointSigner().sign(message),
				checkpointInterval);
	}

	@Bean
	RecordValidator recordValidator(Catalog catalog, Registry registry, Clock clock) {
		return new RecordValidator(catalog, registry, clock);
	}

	@Bean
	Registry registry(EventLog log, Sealer sealer, DataSource dataSource) {
		return new Registry(log, sealer, new JdbcTemplate(dataSource));
	}

}
