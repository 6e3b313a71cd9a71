package org.khronika.publish;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.access.AccessPolicy;
import org.khronika.catalog.Catalog;
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
	Publication publication(Statistics statistics, Catalog catalog) {
		return new Publication(statistics, catalog, PublicationPlan.load(catalog));
	}

	@Bean
	Snapshots snapshots(Publication publication, EventLog log, DataSource dataSource, AccessPolicy policy,
			Clock clock) {
		return new Snapshots(publication, log, new JdbcTemplate(dataSource), policy, clock);
	}

}
