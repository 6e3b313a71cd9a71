package org.khronika.linkage;

import java.time.Clock;

import org.khronika.access.AccessPolicy;
import org.khronika.registry.RecordFeed;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.Registry;
import org.khronika.search.NameKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkageConfiguration {

	@Bean
	Linkage linkage(RecordFeed feed, Registry registry, AccessPolicy policy, NameKeys names, RecordFinder finder) {
		return new Linkage(feed, registry, policy, names, finder);
	}

	@Bean
	LinkageRuns linkageRuns(Linkage linkage, Clock clock) {
		return new LinkageRuns(linkage, clock);
	}

}
