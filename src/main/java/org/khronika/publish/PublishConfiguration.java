package org.khronika.publish;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.access.AccessPolicy;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.crypto.Sealer;
import org.khronika.registry.Facts;
import org.khronika.registry.Registry;
import org.khronika.catalog.PublicationPlan;
import org.khronika.eventlog.EventLog;
import org.khronika.stats.Statistics;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	/**
	 * The plan is read and checked when the application starts: a wrong plan stops it.
	 */
	@Bean
	Publication publication(Statistics statistics, Catalog catalog, AccessPolicy policy) {
		return new Publication(statistics, catalog, PublicationPlan.load(catalog), policy);
	}

	@Bean
	OpenData openData(Facts facts, Publication publication) {
		return new OpenData(facts, publication.plan());
	}

	@Bean
	DataPackage dataPackage(Publication publication, Catalog catalog) {
		return new DataPackage(publication, catalog);
	}

	@Bean
	Site site(Snapshots snapshots, Publication publication, Catalog catalog, KeyringUnlock keyring,
			DataPackage dataPackage) {
		return new Site(snapshots, publication, catalog, keyring, dataPackage);
	}

	@Bean
	Decisions decisions(EventLog log, DataSource dataSource, Sealer sealer, AccessPolicy policy, Registry registry,
			Publication publication, Clock clock) {
		return new Decisions(log, new JdbcTemplate(dataSource), sealer, policy, registry, publication.plan(), clock);
	}

	@Bean
	Prisoners prisoners(Facts facts, Registry registry, Publication publication, Decisions decisions) {
		return new Prisoners(facts, registry, publication.plan(), decisions);
	}

	@Bean
	Snapshots snapshots(Publication publication, EventLog log, DataSource dataSource, AccessPolicy policy, Clock clock,
			OpenData openData, Prisoners prisoners, Sealer sealer, Facts facts) {
		return new Snapshots(publication, log, new JdbcTemplate(dataSource), policy, clock, openData, prisoners, sealer,
				facts);
	}

}
