package org.khronika.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MomentsTest {

	private static final Moments RUSSIAN = new Moments(Locale.forLanguageTag("ru"));

	private static final Moments ENGLISH = new Moments(Locale.ENGLISH);

	private static final Instant MOMENT = Instant.parse("2025-03-04T14:06:07Z");

	/** The text with its unbreakable spaces written as ordinary ones, to read it. */
	private static String read(String text) {
		assertThat(text).as("a date never breaks across lines").doesNotContain(" ");
		return text.replace('\u00a0', ' ');
	}

	@Test
	void aDayIsWrittenShortInTheReadersLanguage() {
		assertThat(read(RUSSIAN.day(LocalDate.of(2025, 3, 4)))).isEqualTo("4 мар. 2025 г.");
		assertThat(read(ENGLISH.day(LocalDate.of(2025, 3, 4)))).isEqualTo("Mar 4, 2025");
		assertThat(read(new Moments(Locale.forLanguageTag("uk")).day(LocalDate.of(2025, 3, 4))))
			.isEqualTo("4 бер. 2025 р.");
	}

	@Test
	void aMomentIsWrittenInUtcAndSaysSo() {
		assertThat(read(RUSSIAN.at(MOMENT))).isEqualTo("4 мар. 2025 г., 14:06 UTC");
		assertThat(read(ENGLISH.at(MOMENT))).isEqualTo("Mar 4, 2025, 2:06 PM UTC");
		assertThat(read(RUSSIAN.atSecond(MOMENT))).isEqualTo("4 мар. 2025 г., 14:06:07 UTC");
		assertThat(read(RUSSIAN.day(Instant.parse("2025-03-04T23:59:00Z")))).as("the day in UTC")
			.isEqualTo("4 мар. 2025 г.");
	}

	@Test
	void noDayIsNothing() {
		assertThat(RUSSIAN.day((LocalDate) null)).isEmpty();
		assertThat(RUSSIAN.day((Instant) null)).isEmpty();
		assertThat(RUSSIAN.at(null)).isEmpty();
	}

}
