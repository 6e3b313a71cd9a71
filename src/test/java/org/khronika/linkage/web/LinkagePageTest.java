package org.khronika.linkage.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinkagePageTest {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	LinkagePageTest() {
		this.messages.setBasename("messages");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	@Test
	void aProposalsProbabilityIsNeverSaidAsCertainty() {
		assertThat(LinkagePage.percent(0.9996, this.messages, RUSSIAN)).isEqualTo("более 99%");
		assertThat(LinkagePage.percent(0.9996, this.messages, Locale.ENGLISH)).isEqualTo("over 99%");
		assertThat(LinkagePage.percent(0.994, this.messages, RUSSIAN)).isEqualTo("99%");
		assertThat(LinkagePage.percent(0.9, this.messages, RUSSIAN)).isEqualTo("90%");
	}

}
