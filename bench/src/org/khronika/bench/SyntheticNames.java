package org.khronika.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invented Russian names and the ways reports write them: in Cyrillic, in one of six
 * Latin transliterations (passport/ICAO, BGN/PCGN, ISO 9, German, French, informal
 * English), by a familiar form, with initials, in another word order, without the
 * patronymic, with a typo. The transliterations are tables of their own here, not
 * Khronika's code, so that the benchmarks do not grade Khronika against itself.
 */
public final class SyntheticNames {

	/** A person as the truth knows them. */
	public record Truth(String surname, String given, String patronymic, boolean female) {

		/** The full name in Cyrillic, surname first. */
		public String cyrillic() {
			return this.surname + " " + this.given + " " + this.patronymic;
		}

	}

	static final List<String> MALE = List.of("Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим",
			"Валерий", "Василий", "Виктор", "Виталий", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий",
			"Григорий", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин",
			"Леонид", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Сергей",
			"Станислав", "Степан", "Тимофей", "Фёдор", "Юрий", "Яков", "Ярослав", "Эдуард", "Руслан", "Тимур");

	static final List<String> FEMALE = List.of("Александра", "Алина", "Анастасия", "Анна", "Валентина", "Вера",
			"Виктория", "Галина", "Дарья", "Евгения", "Екатерина", "Елена", "Елизавета", "Ирина", "Ксения",
			"Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Ольга", "Полина", "Светлана",
			"Софья", "Татьяна", "Юлия", "Яна", "Алёна");

	/** Surnames in their male form; common ones first, for a Zipf-like draw. */
	static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
			"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
			"Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
			"Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев",
			"Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
			"Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
			"Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
			"Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников",
			"Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин",
			"Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев",
			"Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
			"Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
			"Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров",
			"Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов",
			"Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Ерёмин", "Тихомиров",
			"Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев",
			"Харитонов", "Князев", "Цветков", "Левин", "Митрофанов", "Воронов", "Аксёнов", "Софронов", "Мальцев",
			"Логинов", "Горшков", "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов",
			"Плотников", "Дёмин", "Хохлов", "Жданов", "Руднев", "Клоков", "Шубин", "Лапин", "Шестаков", "Кравцов",
			"Шаповалов", "Чистяков", "Хрусталёв", "Щукин", "Юрьев", "Ширяев", "Царёв", "Черепанов", "Худяков");

	/** Roots of rarer surnames, each with the endings below: the long tail of real names. */
	static final List<String> ROOTS = List.of("Клок", "Берез", "Дубр", "Горшен", "Ласточк", "Жаворон", "Тополь",
			"Рябин", "Калин", "Малин", "Брусник", "Черемш", "Осинц", "Ольшан", "Вязем", "Кедр", "Сосн", "Ельц",
			"Бобр", "Барсук", "Ерш", "Окун", "Щегл", "Снегир", "Скворц", "Дятл", "Кукушк", "Перепелк", "Журавл",
			"Лебедин", "Соболь", "Куниц", "Горност", "Лисиц", "Медвежат", "Зубр", "Тур", "Олен", "Лосев", "Кабан",
			"Грибоед", "Медник", "Кузнечик", "Гончарук", "Плотнич", "Столяр", "Бондар", "Мельнич", "Пекар", "Ткач",
			"Сапож", "Портн", "Шорник", "Кожемяк", "Рыбак", "Охотн", "Пастух", "Пахар", "Косар", "Жнец", "Лугов",
			"Полев", "Лесн", "Озерн", "Речн", "Болотн", "Горн", "Долин", "Холм", "Овраж", "Ручейк", "Ключар",
			"Звонар", "Певц", "Гусляр", "Дудник", "Скрипач", "Баян", "Колокол", "Свечник", "Иконник", "Книжник",
			"Писар", "Грамот", "Счетовод", "Лекар", "Знахар", "Травник", "Пчельник", "Садовн", "Огородн", "Капуст",
			"Репин", "Морков", "Горох", "Бобов", "Пшен", "Овсян", "Гречих", "Ячмен", "Ржан", "Хлебник", "Калачн",
			"Пирожк", "Блинц", "Медовар", "Квасник", "Солод", "Хмел", "Виноград", "Яблочк", "Грушев", "Вишнев",
			"Сливк", "Смородин", "Крыжов", "Черник", "Голубик", "Клюкв", "Морошк", "Земляник");

	/** The endings of the rarer surnames (male forms). */
	static final List<String> ENDINGS = List.of("ов", "ин", "ский", "енко");

	/** Familiar forms the reports use, by full name. */
	public static final Map<String, List<String>> FAMILIAR = Map.ofEntries(Map.entry("Александр", List.of("Саша", "Шура")),
			Map.entry("Алексей", List.of("Лёша")), Map.entry("Андрей", List.of("Андрюша")),
			Map.entry("Дмитрий", List.of("Дима")), Map.entry("Евгений", List.of("Женя")),
			Map.entry("Иван", List.of("Ваня")), Map.entry("Михаил", List.of("Миша")),
			Map.entry("Николай", List.of("Коля")), Map.entry("Сергей", List.of("Серёжа")),
			Map.entry("Владимир", List.of("Володя", "Вова")), Map.entry("Павел", List.of("Паша")),
			Map.entry("Пётр", List.of("Петя")), Map.entry("Анна", List.of("Аня")),
			Map.entry("Мария", List.of("Маша")), Map.entry("Екатерина", List.of("Катя")),
			Map.entry("Наталья", List.of("Наташа")), Map.entry("Ольга", List.of("Оля")),
			Map.entry("Татьяна", List.of("Таня")), Map.entry("Юлия", List.of("Юля")),
			Map.entry("Елена", List.of("Лена")), Map.entry("Александра", List.of("Саша")),
			Map.entry("Константин", List.of("Костя")), Map.entry("Юрий", List.of("Юра")));

	/** The import profile of the benchmarks' person tables: ref, names (split by ;), born, region. */
	public static final String PERSONS_PROFILE = """
			name: bench-persons
			kind: person
			key: [ref]
			fields:
			  names:     { column: names, split: ";" }
			  birthYear: { column: born }
			  region:    { column: region }
			""";

	/** The transliteration systems, by name. */
	public static final List<String> SYSTEMS = List.of("icao", "bgn", "iso9", "german", "french", "informal");

	private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

	private static final Map<String, String[]> TABLES = Map.of(
			// а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я
			"icao", new String[] { "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
					"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia" },
			"bgn", new String[] { "a", "b", "v", "g", "d", "ye", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
					"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya" },
			"iso9", new String[] { "a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j", "k", "l", "m", "n", "o", "p",
					"r", "s", "t", "u", "f", "h", "c", "č", "š", "ŝ", "ʺ", "y", "ʹ", "è", "û", "â" },
			"german", new String[] { "a", "b", "w", "g", "d", "e", "jo", "sch", "s", "i", "i", "k", "l", "m", "n", "o",
					"p", "r", "ss", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "y", "", "e", "ju", "ja" },
			"french", new String[] { "a", "b", "v", "g", "d", "e", "io", "j", "z", "i", "ï", "k", "l", "m", "n", "o",
					"p", "r", "s", "t", "ou", "f", "kh", "ts", "tch", "ch", "chtch", "", "y", "", "e", "iou", "ia" },
			"informal", new String[] { "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
					"p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya" });

	private SyntheticNames() {
	}

	/**
	 * A person drawn at random: half the surnames from the common ones (the common ones
	 * oftener), half from a long tail of rarer ones; given names with the common ones
	 * oftener.
	 */
	public static Truth person(Random random) {
		return person(random, false);
	}

	/**
	 * A person drawn at random, as {@link #person(Random)}; with {@code longTail}, the
	 * rarer half of the surnames from 128 times as many (two roots joined: Клокберёзов),
	 * as a country's surnames are: an accidental namesake is then as rare among the rarer
	 * names as it is in life, not sixty to a name.
	 */
	public static Truth person(Random random, boolean longTail) {
		boolean female = random.nextBoolean();
		String surname;
		if (random.nextBoolean()) {
			surname = zipf(SURNAMES, random);
		}
		else {
			String root = ROOTS.get(random.nextInt(ROOTS.size()));
			if (longTail) {
				root += ROOTS.get(random.nextInt(ROOTS.size())).toLowerCase(java.util.Locale.ROOT);
			}
			surname = root + ENDINGS.get(random.nextInt(ENDINGS.size()));
		}
		String father = zipf(MALE, random);
		String given = zipf(female ? FEMALE : MALE, random);
		return new Truth(female ? feminine(surname) : surname, given, patronymic(father, female), female);
	}

	/** The female form of a surname: Клоков, Клокова. */
	public static String feminine(String surname) {
		if (surname.endsWith("ко") || surname.endsWith("ук") || surname.endsWith("ич")) {
			return surname;
		}
		return surname.endsWith("ий") ? surname.substring(0, surname.length() - 2) + "ая" : surname + "а";
	}

	/** The patronymic from the father's name: Игорь, Игоревич, Игоревна. */
	public static String patronymic(String father, boolean female) {
		String stem;
		String male;
		if (father.endsWith("ий")) {
			stem = father.substring(0, father.length() - 2);
			male = stem + "ьевич";
			return female ? stem + "ьевна" : male;
		}
		if (father.endsWith("й")) {
			stem = father.substring(0, father.length() - 1);
			return female ? stem + "евна" : stem + "евич";
		}
		if (father.endsWith("ь")) {
			stem = father.substring(0, father.length() - 1);
			return female ? stem + "евна" : stem + "евич";
		}
		if (father.endsWith("а") || father.endsWith("я")) {
			stem = father.substring(0, father.length() - 1);
			return female ? stem + "ична" : stem + "ич";
		}
		return female ? father + "овна" : father + "ович";
	}

	/** {@code cyrillic} in a transliteration system, each word capitalised. */
	public static String transliterate(String cyrillic, String system) {
		String[] table = TABLES.get(system);
		StringBuilder latin = new StringBuilder();
		boolean wordStart = true;
		for (char c : cyrillic.toCharArray()) {
			char lower = Character.toLowerCase(c);
			int index = CYRILLIC.indexOf(lower);
			if (index < 0) {
				latin.append(c);
				wordStart = !Character.isLetter(c);
				continue;
			}
			String letters = table[index];
			if (wordStart && lower == 'е' && !system.equals("iso9") && !system.equals("icao")) {
				letters = system.equals("german") ? "je" : "ye";
			}
			if (wordStart && !letters.isEmpty()) {
				letters = Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
			}
			latin.append(letters);
			wordStart = false;
		}
		return latin.toString();
	}

	/** One letter of {@code word} changed, left out, doubled or swapped with the next. */
	public static String typo(String word, Random random) {
		if (word.length() < 5) {
			return word;
		}
		int at = 1 + random.nextInt(word.length() - 2);
		char[] letters = word.toCharArray();
		switch (random.nextInt(4)) {
			case 0 -> {
				char other = letters[at + 1];
				letters[at + 1] = letters[at];
				letters[at] = other;
				return new String(letters);
			}
			case 1 -> {
				return word.substring(0, at) + word.substring(at + 1);
			}
			case 2 -> {
				return word.substring(0, at) + word.charAt(at) + word.substring(at);
			}
			default -> {
				String alphabet = Character.UnicodeBlock.of(word.charAt(at)) == Character.UnicodeBlock.CYRILLIC
						? "аеиоуклмнрст" : "aeioklmnrst";
				letters[at] = alphabet.charAt(random.nextInt(alphabet.length()));
				return new String(letters);
			}
		}
	}

	private static String zipf(List<String> values, Random random) {
		// the square of a uniform draw favours the first values: a rough Zipf
		double u = random.nextDouble();
		return values.get((int) (u * u * values.size()));
	}

}
