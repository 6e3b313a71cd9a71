package org.khronika.search;

import org.khronika.access.AccessPolicy;
import org.khronika.catalog.Catalog;
import org.khronika.registry.RecordFeed;
import org.khronika.registry.Registry;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search index: built in the background when the web server starts (a command without
 * it builds the index when it first searches), then kept following the log.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	NameKeys nameKeys(Catalog catalog) {
		return new NameKeys(catalog.givenNames());
	}

	@Bean
	Search search(RecordFeed feed, Registry registry, AccessPolicy policy, Catalog catalog, NameKeys names) {
		return new Search(feed, registry, policy, catalog, names);
	}

	@Bean
	ApplicationListener<WebServerInitializedEvent> buildSearchIndex(Search search) {
		return event -> search.buildInBackground();
	}

}
