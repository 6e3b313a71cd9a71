package org.khronika.stats;

import java.time.Clock;

import org.khronika.access.AccessPolicy;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Facts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

	@Bean
	Statistics statistics(Catalog catalog, Facts facts, AccessPolicy policy, Clock clock) {
		return new Statistics(catalog, FactSource.of(facts), policy, clock);
	}

	/**
	 * The server reads the facts into memory once it has started, in the background, so
	 * that the first reader of a figure does not wait for it (seconds for a million
	 * incidents).
	 */
	@Bean
	@ConditionalOnWebApplication
	ApplicationListener<ApplicationReadyEvent> statisticsWarmUp(Statistics statistics) {
		return event -> {
			Thread thread = new Thread(statistics::catchUp, "khronika-statistics-warm-up");
			thread.setDaemon(true);
			thread.start();
		};
	}

}
