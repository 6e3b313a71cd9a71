package org.khronika.linkage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.khronika.catalog.Catalog;
import org.khronika.search.NameKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How two person records compare: the levels that decide linkage, and its hard negatives.
 */
class ComparisonTest {

	private final NameKeys names = new NameKeys(Catalog.load().givenNames());

	private PersonRecord person(Integer born, String region, String... written) {
		return new PersonRecord("p", Instant.EPOCH,
				Arrays.stream(written).map(w -> PersonRecord.Name.of(w, this.names)).toList(), born, region, Set.of());
	}

	private Comparison.Result compare(String one, String other) {
		return Comparison.of(person(1987, "tver-oblast", one.split("; ")),
				person(1987, "tver-oblast", other.split("; ")));
	}

	@ParameterizedTest(name = "{0} and {1}: the given name is {2}")
	@CsvSource({ "Клоков Александр, Sasha Klokov, familiar", "Клоков Александр, Klokov Aleksandr, same",
			"Клоков Александр, Klokow A., initial",
			// two names the catalog lists, a letter apart, are two names
			"Охотская Мария, Ohotskaya Darya, different",
			// Яна is not a familiar form of Анна
			"Виноградская Анна, Vinogradskaia Yana, different",
			// ISO 9 writes я as â
			"Виноградская Яна, Vinogradskaâ Âna, same",
			// French writes у as ou
			"Горшенина Любовь, Lioubov Gorchenina, same",
			// BGN's ye after a consonant
			"Назаров Алексей, Alyeksyey Nazarov, same",
			// German writes Ю as Ju: J. may be Юлия
			"Калинова Юлия, Kalinowa J., initial",
			// a lone Latin J. may stand for Е (German Jelena)
			"Калинова Елена, Kalinowa J., initial",
			// but a written Иван starts with И, not with the О of a glide: Иван is not О.
			"Крыжовин Иван, Крыжовин О., different",
			// nor is a Cyrillic И. a glide
			"Крыжовина Ольга, Крыжовина И., different",
			// Саша may be written as Александра's initial
			"Грамотская Саша, Gramotskaya A., initial", "Рябинский Алексей, Ryabinskiy Lyosha, familiar",
			// a whole given name that differs outweighs an initial that agrees
			"Косарин Алексей; Косарин А., Косарин Артём, different" })
	void givenNames(String one, String other, String level) {
		assertThat(compare(one, other).level(Comparison.Field.GIVEN)).isEqualTo(Comparison.Field.GIVEN.level(level));
	}

	@ParameterizedTest(name = "{0} and {1}: the patronymic is {2}")
	@CsvSource({ "Попов Антон Александрович, Popov Anton Aleksandrovič, same",
			"Попов Антон Александрич, Popow Anton Alekssandritsch, same",
			"Попов Антон Игоревич, Popov Anton Igorevna, same", "Попов Антон Игоревич, Попов Антон Олегович, different",
			"Попов Антон Игоревич, Попов А. И., initial" })
	void patronymics(String one, String other, String level) {
		assertThat(compare(one, other).level(Comparison.Field.PATRONYMIC))
			.isEqualTo(Comparison.Field.PATRONYMIC.level(level));
	}

	@ParameterizedTest(name = "{0} and {1}: the surname is {2}")
	@CsvSource({ "Клоков Александр, Klokow Aleksandr, same", "Лебедев Иван, Lyebyedyev Ivan, same",
			"Козлов Иван, Kozlov Ivan, same",
			// a letter doubled, left out or changed
			"Романова Анна, Roomanova Anna, same", "Смирнов Валерий, Сминров Валерий, typo",
			// the consonants agree, the vowels do not: two surnames, or a typo at most
			"Крылов Артём, Королёв Артём, typo", "Клокова Алина, Кулликова Алина, typo",
			"Клоков Александр, Смирнов Александр, different" })
	void surnames(String one, String other, String level) {
		assertThat(compare(one, other).level(Comparison.Field.SURNAME))
			.isEqualTo(Comparison.Field.SURNAME.level(level));
	}

	@Test
	void aSurnameThatEndsLikeAGivenNameIsStillTheSurname() {
		NameParts parts = NameParts.parse("Ilina A. A.", this.names);

		assertThat(parts.surname()).isEqualTo("Ilina");
		assertThat(parts.given()).isNull();
		assertThat(parts.givenInitial()).isEqualTo("a");
	}

	@ParameterizedTest(name = "born {0} and {1}: {2}")
	@CsvSource({ "1987, 1987, same", "1987, 1988, near", "1986, 1988, near", "1985, 1988, different" })
	void birthYearsAYearOrTwoApartAreNearAndThreeAreTwoPeople(int one, int other, String level) {
		Comparison.Result result = Comparison.of(person(one, null, "Клоков Александр"),
				person(other, null, "Klokov Aleksandr"));

		assertThat(result.level(Comparison.Field.BIRTH_YEAR)).isEqualTo(Comparison.Field.BIRTH_YEAR.level(level));
		assertThat(Linkage.relatives(result)).isEqualTo(level.equals("different"));
	}

	@Test
	void aFatherAndABrotherAreRelativesNotMatches() {
		Comparison.Result brother = compare("Клоков Александр Игоревич", "Клоков Андрей Игоревич");
		Comparison.Result father = Comparison.of(person(1987, "tver-oblast", "Клоков Александр Игоревич"),
				person(1960, "tver-oblast", "Клоков Игорь Петрович"));

		assertThat(Linkage.relatives(brother)).isTrue();
		assertThat(Linkage.relatives(father)).isTrue();
		assertThat(Linkage.relatives(compare("Клоков Александр Игоревич", "Sasha Klokov"))).isFalse();
	}

	@Test
	void reasonsSayWhyInTheWordsOfEachSide() {
		List<String> codes = compare("Клоков Александр", "Sasha Klokov").reasons()
			.stream()
			.map(Comparison.Reason::code)
			.toList();

		assertThat(codes).contains("transliteration", "familiar", "born-same", "region-same");
	}

}
