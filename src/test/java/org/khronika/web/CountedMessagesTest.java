package org.khronika.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A count agrees with the word it counts, in both languages: English says "1 record" and
 * "2 records"; Russian, whose noun takes one of three forms by the number, names what is
 * counted and then the count ("предложений: 1"), never a form that fits some numbers
 * only.
 */
class CountedMessagesTest {

	private static final Locale ENGLISH = Locale.ENGLISH;

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private final org.springframework.context.MessageSource messages = org.khronika.TestMessages.source();

	private String say(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	@Test
	void englishCountsOneThingInTheSingularAndManyInThePluralWithTheirThousandsGrouped() {
		assertThat(say("home.count", ENGLISH, 0)).isEqualTo("0 records");
		assertThat(say("home.count", ENGLISH, 1)).isEqualTo("1 record");
		assertThat(say("home.count", ENGLISH, 2)).isEqualTo("2 records");
		assertThat(say("home.count", ENGLISH, 21_000L)).isEqualTo("21,000 records");
		assertThat(say("list.page", ENGLISH, 1, 1, 1L)).isEqualTo("Page 1 of 1 (1 record)");
		assertThat(say("list.page", ENGLISH, 1, 3, 120L)).isEqualTo("Page 1 of 3 (120 records)");
		assertThat(say("imports.rowsDone", ENGLISH, 1)).isEqualTo("1 row");
		assertThat(say("summary.months", ENGLISH, 1)).isEqualTo("1 month");
		assertThat(say("summary.months", ENGLISH, 18)).isEqualTo("18 months");
	}

	@Test
	void aLinkageRunNamesWhatItCountedBeforeEachCount() {
		assertThat(say("linkage.ran", ENGLISH, 325, 1788, 21, 0L, 176, 1)).isEqualTo(
				"Persons compared: 325, in candidate pairs: 1,788, proposals: 21 (0 s); incidents compared: 176, proposals: 1.");
		assertThat(say("linkage.ran", RUSSIAN, 325, 1788, 21, 0L, 176, 1)).isEqualTo(
				"Сравнено людей: 325, пар-кандидатов: 1\u00a0788, предложений: 21 (за 0 с); инцидентов: 176, предложений: 1.");
	}

	@Test
	void russianCountsFollowWhatTheyCount() {
		assertThat(say("nav.intake.new", RUSSIAN, 1)).isEqualTo("Сообщения (новых: 1)");
		assertThat(say("nav.intake.new", RUSSIAN, 3)).isEqualTo("Сообщения (новых: 3)");
		assertThat(say("home.count", RUSSIAN, 21)).isEqualTo("Записей: 21");
		assertThat(say("list.page", RUSSIAN, 1, 1, 1L)).isEqualTo("Страница 1 из 1 (записей: 1)");
		assertThat(say("search.building", RUSSIAN, 1, 2)).startsWith("Поисковый индекс строится: записей 1 из 2.");
	}

}
