package org.khronika.intake.web;

import org.khronika.catalog.Catalog;
import org.khronika.intake.IntakeSettings;
import org.khronika.intake.ReportInbox;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntakeWebConfiguration {

	@Bean
	ReportForm reportForm(ReportInbox inbox, Catalog catalog, MessageSource messages, IntakeSettings settings,
			java.time.Clock clock) {
		return new ReportForm(inbox, catalog, messages, settings.reportsPerMinute(), clock);
	}

	@Bean
	FilterRegistrationBean<UploadGate> reportUploadGate(IntakeSettings settings) {
		return UploadGate.registered(settings.uploadMemoryMegabytes());
	}

}
