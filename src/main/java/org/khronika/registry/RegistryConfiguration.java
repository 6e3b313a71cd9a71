package org.khronika.registry;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AuditTrail;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.Fingerprints;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.CheckpointSigner;
import org.khronika.eventlog.EventLog;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Gives the log the keyring's checkpoint signer, and wires the registry to both. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

	/**
	 * Checkpoints are signed with the keyring's key, unlocked when the first one is due.
	 */
	@Bean
	CheckpointSigner checkpointSigner(KeyringUnlock keyring) {
		return message -> keyring.get().checkpointSigner().sign(message);
	}

	@Bean
	DeepCheck deepCheck(Registry registry, AuditTrail audit, EventLog log, DataSource dataSource,
			@org.springframework.beans.factory.annotation.Value("${spring.datasource.url}") String url,
			org.springframework.beans.factory.ObjectProvider<DeepCheck.Part> parts) {
		return new DeepCheck(registry, audit, log, dataSource, url.startsWith("jdbc:postgresql:"),
				() -> parts.orderedStream().toList());
	}

	@Bean
	DeepCheckSchedule deepCheckSchedule(DeepCheck check,
			@org.springframework.beans.factory.annotation.Value("${khronika.verify.deep-at-start:false}") boolean atStart,
			@org.springframework.beans.factory.annotation.Value("${khronika.verify.deep-every:0s}") java.time.Duration every) {
		return new DeepCheckSchedule(check, atStart, every);
	}

	@Bean
	RecordValidator recordValidator(Registry registry) {
		return registry.validator();
	}

	/**
	 * The registry, once the catalog is known to label every value the code reasons
	 * about.
	 * @throws IllegalStateException naming what the catalog lacks
	 */
	@Bean
	Registry registry(EventLog log, Sealer sealer, Fingerprints fingerprints, DataSource dataSource,
			AccessPolicy policy, AuditTrail audit, Catalog catalog, Clock clock) {
		List<String> missing = Kinds.missingFrom(catalog);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("the catalog does not match the registry: " + String.join("; ", missing));
		}
		return new Registry(log, sealer, fingerprints, new JdbcTemplate(dataSource), policy, audit, catalog, clock);
	}

	/**
	 * Every record opened, for the search index and linkage, which keep it in memory
	 * only.
	 */
	@Bean
	RecordFeed recordFeed(DataSource dataSource, Sealer sealer) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return new RecordFeed(jdbc, new RecordStore(jdbc, sealer));
	}

	@Bean
	Facts facts(DataSource dataSource) {
		return new Facts(new JdbcTemplate(dataSource));
	}

	/**
	 * A data directory written before the fact tables existed gets them once, by a
	 * rebuild at start (the migration that added them marks it); after every bean, so
	 * after the migrations.
	 */
	@Bean
	SmartInitializingSingleton pendingFacts(Registry registry, DataSource dataSource) {
		return () -> {
			Integer pending = new JdbcTemplate(dataSource).queryForObject(
					"SELECT COUNT(*) FROM projection_position WHERE projection = 'facts-pending'", Integer.class);
			if (pending != null && pending > 0) {
				registry.rebuild();
			}
		};
	}

}
