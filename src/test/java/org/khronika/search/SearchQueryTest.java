package org.khronika.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How typed words are read: which of them a record must hold. */
class SearchQueryTest {

	@Test
	void wordsPointingIntoACodeOfLawBesideANumberAreNotRequired() {
		List<String> words = SearchQuery.parse("ч. 2 ст. 207.3 УК РФ").words();

		assertThat(words).containsExactly("ч", "2", "ст", "207.3", "УК", "РФ");
		assertThat(SearchQuery.pointers(words)).as("ч, its part's number, ст and РФ; the article and its code count")
			.containsExactlyInAnyOrder(0, 1, 2, 5);
	}

	@Test
	void aPointerGluedToItsNumberIsReadAsTwoWords() {
		assertThat(SearchQuery.parse("ст.207.3 ч.2").words()).containsExactly("ст", "207.3", "ч", "2");
		assertThat(SearchQuery.parse("А.И. Клоков").words()).as("initials stay initials")
			.containsExactly("А", "И", "Клоков");
	}

	@Test
	void withoutANumberTheSameLettersAreInitialsOrNames() {
		assertThat(SearchQuery.pointers(SearchQuery.parse("Клоков П.").words())).isEmpty();
		assertThat(SearchQuery.pointers(SearchQuery.parse("Часть Пункт").words())).isEmpty();
	}

}
