package org.khronika.catalog;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

	private static final Named REGION = new Named("region", new Label("Регион", "Region"));

	private static final Named YEAR = new Named("year", new Label("Год", "Year"));

	private final Message message = Message.of("stats.unknownDimension", "by", "regoin",
			new Named.Several(List.of(YEAR, REGION)));

	@Test
	void theCommandLineWritesCatalogEntriesByTheCodesItsOptionsTake() {
		assertThat(this.message.english()).isEqualTo("by: unknown dimension 'regoin'; one of year, region");
	}

	@Test
	void aPageWritesThemByTheirNamesInTheReadersLanguage() {
		assertThat(this.message.argumentsIn(Locale.forLanguageTag("ru"))).containsExactly("by", "regoin",
				"Год, Регион");
		assertThat(Message.of("stats.unknownValue", "where", "mosc", REGION).argumentsIn(Locale.ENGLISH))
			.containsExactly("where", "mosc", "Region");
	}

}
