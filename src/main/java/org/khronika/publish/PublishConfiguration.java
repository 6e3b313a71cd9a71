package org.khronika.publish;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.PublicationPlan;
import org.khronika.stats.Statistics;

import org.springframework.context.annotation.Bean;
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

}
