package org.khronika.stats;

import java.time.Clock;

import org.khronika.access.AccessPolicy;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Facts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

	@Bean
	Statistics statistics(Catalog catalog, Facts facts, AccessPolicy policy, Clock clock) {
		return new Statistics(catalog, facts, policy, clock);
	}

}
