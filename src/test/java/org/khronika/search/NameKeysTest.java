package org.khronika.search;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.khronika.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

	private final NameKeys names = new NameKeys(Catalog.load().givenNames());

	@ParameterizedTest(name = "{0} and {1} share a key")
	@CsvSource({ "Клоков, Klokov", "Клоков, Klokow", "Клоков, Klokoff", "Александр, Aleksandr", "Александр, Alexander",
			"Александр, Oleksandr", "Игоревич, Igorevich", "Игоревич, Igorewitsch", "Игоревич, Igorevitch",
			"Щербаков, Shcherbakov", "Щербаков, Schtscherbakow", "Щербаков, Chtcherbakov", "Щербаков, Ŝerbakov",
			"Жуков, Zhukov", "Жуков, Schukow", "Жуков, Žukov", "Цветков, Tsvetkov", "Цветков, Cvetkov",
			"Хрущёв, Khrushchev", "Хрущёв, Chruschtschow", "Хрущёв, Khrouchtchev", "Хрущёв, Хрущев", "Юрий, Yuri",
			"Юрий, Iurii", "Юрий, Jurij", "Наталья, Natalia", "Наталья, Nataliya", "Наталья, Natalja",
			"Михаил, Mikhail", "Михаил, Michail", "Евгений, Yevgeny", "Евгений, Jewgeni", "Евгений, Evgenii",
			"Сергей, Sergueï", "Дмитрий, Dmitry", "Зайцев, Zaitsev", "Зайцев, Saizew" })
	void spellingsInAnyScriptShareAKey(String one, String other) {
		assertThat(this.names.keys(one)).containsAnyElementsOf(this.names.keys(other));
	}

	@ParameterizedTest(name = "{0} stands for {1}")
	@CsvSource({ "Саша, Александр", "Sasha, Александр", "Шура, Александр", "Sashko, Александр", "Лёша, Алексей",
			"Женя, Евгений", "Zhenya, Евгения", "Дима, Дмитрий", "Володя, Владимир", "Lyosha, Алексей" })
	void familiarFormsGiveTheFullNamesKey(String form, String name) {
		assertThat(this.names.keys(form)).containsAll(NameKeys.spellingKeys(name));
	}

	@ParameterizedTest(name = "{0} and {1} do not match")
	@CsvSource({ "Клоков, Клинов", "Александр, Алексей", "Иванов, Ивашов", "Сергей, Степан", "Саша, Маша" })
	void differentNamesKeepDifferentKeys(String one, String other) {
		assertThat(this.names.keys(one)).doesNotContainAnyElementsOf(this.names.keys(other));
	}

	@ParameterizedTest(name = "{0} and {1} are one given name")
	@CsvSource({ "Зоя, Zoya", "Наталья, Natalya", "Наталья, Natalia", "Елена, Yelena", "Елена, Elena", "Таня, Tanya",
			"Мария, Maria", "Мария, Mariya", "Юлия, Yuliya", "Сергей, Sergei", "Яна, Yana", "Арсений, Arseny",
			"Арсений, Arseniy", "Юрий, Yury", "Дмитрий, Dmitry", "Дмитрий, Dmitri", "Георгий, Georgy",
			"Аркадий, Arkady", "Артём, Artyom", "Артём, Artem", "Алёна, Alyona", "Алёна, Alena" })
	void aGivenNameInAnyScriptHasOneFineKey(String one, String other) {
		assertThat(NameKeys.givenNameKeys(one)).containsAnyElementsOf(NameKeys.givenNameKeys(other));
	}

	@ParameterizedTest(name = "{0} and {1} are two given names")
	@CsvSource({ "Яна, Аня", "Яна, Анна", "Лена, Алина", "Нина, Аня", "Александр, Александра", "Юлия, Елена" })
	void givenNamesThatDifferKeepDifferentFineKeys(String one, String other) {
		assertThat(NameKeys.givenNameKeys(one)).doesNotContainAnyElementsOf(NameKeys.givenNameKeys(other));
	}

	@Test
	void initialsAreTheSameLetterInEitherScript() {
		assertThat(NameKeys.initial("А")).isEqualTo(NameKeys.initial("A")).isEqualTo(NameKeys.initial("Александр"));
		assertThat(NameKeys.initial("Ю")).isEqualTo(NameKeys.initial("Yu")).isEqualTo(NameKeys.initial("Julia"));
		assertThat(NameKeys.initial("Ш")).isEqualTo(NameKeys.initial("Sh"));
		assertThat(NameKeys.initial("Щукин")).isEqualTo(NameKeys.initial("Shchukin"));
		assertThat(NameKeys.initial("Ёлкин")).isEqualTo(NameKeys.initial("Elkin")).isEqualTo("e");
		assertThat(NameKeys.initial("Йосиф")).as("the glide is not the initial")
			.isEqualTo(NameKeys.initial("Iosif"))
			.isEqualTo("o");
		assertThat(NameKeys.initial("К")).isNotEqualTo(NameKeys.initial("А"));
	}

	@ParameterizedTest(name = "{0} is spelt {1}")
	@CsvSource({ "Юлия, julija", "Яна, jana", "Аня, anja", "Юрий, jurij", "Илья, ilʹja", "Толстая, tolstaja",
			"Ûliâ, julija", "Цой, tsoj", "Клоков, klokov" })
	void aNameIsSpeltInLatinWithItsGlidesKept(String name, String latin) {
		assertThat(NameKeys.latin(name)).isEqualTo(latin);
	}

	@ParameterizedTest(name = "{0} is {1} in the English press")
	@CsvSource({ "Соловьёв Наталья, Solovyev Natalya", "Щукина Юлия Сергеевна, Shchukina Yuliya Sergeyevna",
			"Ильин, Ilin", "Жуков Кирилл, Zhukov Kirill" })
	void aNameIsSpeltAsTheEnglishPressSpellsIt(String name, String english) {
		assertThat(NameKeys.english(name)).isEqualTo(english);
	}

	@ParameterizedTest(name = "{0} keeps a key in the English press''s spelling")
	@CsvSource({ "Соловьёв", "Щукина", "Юлия", "Сергеевна", "Ильин", "Наталья" })
	void theEnglishPressSpellingKeepsTheKeyOfTheName(String name) {
		assertThat(this.names.keys(NameKeys.english(name))).containsAnyElementsOf(this.names.keys(name));
	}

	@Test
	void aNameIsSplitIntoItsWordsWithApostrophesKept() {
		assertThat(NameKeys.words("Клоков Александр, Дар'я К."))
			.isEqualTo(List.of("Клоков", "Александр", "Дар'я", "К"));
	}

}
