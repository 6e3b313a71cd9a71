package org.khronika.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	Catalog catalog() {
		return Catalog.load();
	}

}
