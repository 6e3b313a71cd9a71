package org.khronika.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.khronika.bench.SyntheticNames;

/**
 * The linkage benchmarks' truth: a seeded generator of persons, their relatives and
 * namesakes, and the reports that write each of them one to four times; and how clusters
 * of records score against that truth.
 */
final class SyntheticPersons {

	static final String[][] REGIONS = { { "Москва", "Moscow" }, { "Тверская область", "Tver Oblast" },
			{ "Воронежская область", "Voronezh Oblast" }, { "Санкт-Петербург", "Saint Petersburg" },
			{ "Республика Татарстан", "Tatarstan" }, { "Пермский край", "Perm Krai" },
			{ "Новосибирская область", "Novosibirsk Oblast" }, { "Свердловская область", "Sverdlovsk Oblast" },
			{ "Краснодарский край", "Krasnodar Krai" }, { "Республика Крым", "Crimea" },
			{ "Ростовская область", "Rostov Oblast" }, { "Самарская область", "Samara Oblast" } };

	/** A person as the truth knows them. */
	record Person(int id, SyntheticNames.Truth names, int born, int region) {
	}

	/**
	 * One report of a person: an import row, and how each of its names was written.
	 */
	record Row(String ref, int person, String names, String born, String region, List<Written> writings) {
	}

	/**
	 * How a report wrote a name: the words, whether with initials only, and whether with
	 * the patronymic.
	 */
	record Written(String text, boolean initials, boolean patronymic) {
	}

	private SyntheticPersons() {
	}

	/** The persons, and their relatives and namesakes. */
	static List<Person> persons(int truths, Random random) {
		return persons(truths, random, false);
	}

	/**
	 * The persons, and their relatives and namesakes; with {@code longTail}, their rarer
	 * surnames as many as a country's ({@link SyntheticNames#person(Random, boolean)}).
	 */
	static List<Person> persons(int truths, Random random, boolean longTail) {
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < truths; i++) {
			SyntheticNames.Truth names = SyntheticNames.person(random, longTail);
			int born = 1950 + random.nextInt(58);
			int region = random.nextInt(REGIONS.length);
			persons.add(new Person(persons.size(), names, born, region));
			int kin = random.nextInt(20);
			if (kin == 0) {
				// the father: his surname, the given name the patronymic comes from
				String father = fatherOf(names.patronymic());
				if (father != null) {
					String surname = names.female() ? names.surname().substring(0, names.surname().length() - 1)
							: names.surname();
					persons.add(new Person(persons.size(), new SyntheticNames.Truth(surname, father,
							SyntheticNames.patronymic(SyntheticNames.person(random, longTail).given(), false), false),
							born - 25 - random.nextInt(10), region));
				}
			}
			else if (kin == 1 && !names.female()) {
				// a brother: the same surname and patronymic, another given name
				SyntheticNames.Truth other = SyntheticNames.person(random, longTail);
				if (!other.female() && !other.given().equals(names.given())) {
					persons.add(new Person(persons.size(),
							new SyntheticNames.Truth(names.surname(), other.given(), names.patronymic(), false),
							born + 1 + random.nextInt(8), region));
				}
			}
			else if (kin == 2) {
				// a namesake elsewhere
				persons.add(new Person(persons.size(), names, born + ((random.nextBoolean()) ? 3 : -3) * (1 + random.nextInt(5)),
						(region + 1 + random.nextInt(REGIONS.length - 1)) % REGIONS.length));
			}
		}
		return persons;
	}

	/** The given name a patronymic was made from, for the fathers the generator uses. */
	private static String fatherOf(String patronymic) {
		for (String name : List.of("Александр", "Алексей", "Андрей", "Антон", "Борис", "Вадим", "Виктор", "Владимир",
				"Денис", "Иван", "Игорь", "Кирилл", "Максим", "Михаил", "Олег", "Павел", "Роман", "Степан", "Фёдор",
				"Яков", "Тимур", "Руслан", "Эдуард", "Егор", "Глеб")) {
			if (SyntheticNames.patronymic(name, false).equals(patronymic)
					|| SyntheticNames.patronymic(name, true).equals(patronymic)) {
				return name;
			}
		}
		return null;
	}

	/** Each person reported one to four times, each report written its own way. */
	static List<Row> rows(List<Person> persons, Random random) {
		List<Row> rows = new ArrayList<>();
		for (Person person : persons) {
			int draw = random.nextInt(100);
			int reports = (draw < 55) ? 1 : (draw < 80) ? 2 : (draw < 93) ? 3 : 4;
			for (int r = 0; r < reports; r++) {
				List<Written> writings = new ArrayList<>();
				writings.add(written(person.names(), random));
				if (random.nextInt(5) == 0) {
					writings.add(written(person.names(), random));
				}
				String names = String.join("; ", writings.stream().map(Written::text).toList());
				int year = random.nextInt(100);
				String born = (year < 60) ? Integer.toString(person.born())
						: (year < 80) ? "" : Integer.toString(person.born() + (random.nextBoolean() ? 1 : -1));
				int place = random.nextInt(100);
				String region = (place < 20) ? "" : REGIONS[person.region()][(place < 60) ? 0 : 1];
				rows.add(new Row("r-" + rows.size(), person.id(), names, born, region, writings));
			}
		}
		java.util.Collections.shuffle(rows, random);
		return rows;
	}

	/** One way a report writes a name. */
	private static Written written(SyntheticNames.Truth truth, Random random) {
		String given = truth.given();
		int form = random.nextInt(100);
		boolean initials = form >= 85;
		if (form >= 70 && form < 85) {
			given = SyntheticNames.FAMILIAR.getOrDefault(given, List.of(given)).get(0);
		}
		String surname = truth.surname();
		if (random.nextInt(10) == 0) {
			surname = SyntheticNames.typo(surname, random);
		}
		String patronymic = (random.nextInt(2) == 0) ? truth.patronymic() : null;
		boolean latin = random.nextInt(100) < 55;
		String system = SyntheticNames.SYSTEMS.get(random.nextInt(SyntheticNames.SYSTEMS.size()));
		if (latin) {
			surname = SyntheticNames.transliterate(surname, system);
			given = SyntheticNames.transliterate(given, system);
			patronymic = (patronymic != null) ? SyntheticNames.transliterate(patronymic, system) : null;
		}
		if (initials) {
			return new Written(
					surname + " " + given.charAt(0) + "." + ((patronymic != null) ? " " + patronymic.charAt(0) + "." : ""),
					true, patronymic != null);
		}
		List<String> words = new ArrayList<>();
		if (random.nextBoolean()) {
			words.add(surname);
			words.add(given);
			if (patronymic != null) {
				words.add(patronymic);
			}
		}
		else {
			words.add(given);
			if (patronymic != null) {
				words.add(patronymic);
			}
			words.add(surname);
		}
		return new Written(String.join(" ", words), false, patronymic != null);
	}

	/** The record that names {@code record}'s cluster in a union of {@code parent} links. */
	static String root(Map<String, String> parent, String record) {
		String root = record;
		while (!parent.get(root).equals(root)) {
			root = parent.get(root);
		}
		return root;
	}

	/** Pairwise precision, recall and F1, and B-cubed F1, of clusters against the truth. */
	record Scores(double precision, double recall, double f1, double bcubed) {

		static Scores of(Map<String, Integer> truth, Map<String, String> clusters) {
			Map<Integer, List<String>> byTruth = group(truth);
			Map<String, List<String>> byCluster = group(clusters);
			long truePairs = 0;
			long predictedPairs = 0;
			long correct = 0;
			for (List<String> members : byTruth.values()) {
				truePairs += pairs(members.size());
			}
			for (List<String> members : byCluster.values()) {
				predictedPairs += pairs(members.size());
				Map<Integer, Integer> counts = new HashMap<>();
				members.forEach(m -> counts.merge(truth.get(m), 1, Integer::sum));
				for (int count : counts.values()) {
					correct += pairs(count);
				}
			}
			double precision = (predictedPairs == 0) ? 1 : correct / (double) predictedPairs;
			double recall = (truePairs == 0) ? 1 : correct / (double) truePairs;
			double bPrecision = 0;
			double bRecall = 0;
			for (String record : truth.keySet()) {
				List<String> cluster = byCluster.get(clusters.get(record));
				List<String> actual = byTruth.get(truth.get(record));
				Set<String> same = new HashSet<>(cluster);
				same.retainAll(actual);
				bPrecision += same.size() / (double) cluster.size();
				bRecall += same.size() / (double) actual.size();
			}
			bPrecision /= truth.size();
			bRecall /= truth.size();
			return new Scores(precision, recall, f1(precision, recall), f1(bPrecision, bRecall));
		}

		private static <K> Map<K, List<String>> group(Map<String, K> of) {
			Map<K, List<String>> groups = new HashMap<>();
			of.forEach((record, group) -> groups.computeIfAbsent(group, g -> new ArrayList<>()).add(record));
			return groups;
		}

		private static long pairs(long n) {
			return n * (n - 1) / 2;
		}

		private static double f1(double precision, double recall) {
			return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
		}

		void print(String what) {
			System.out.printf(Locale.ROOT, "%-28s %9.3f %7.3f %7.3f %11.3f%n", what, this.precision, this.recall,
					this.f1, this.bcubed);
		}

	}


}
