package org.khronika.linkage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.bench.Bench;
import org.khronika.bench.SyntheticNames;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Linkage against a synthetic truth. A seeded generator invents persons and reports each
 * one to one to four times, as reports write a name: in Cyrillic or in one of six Latin
 * transliterations, by a familiar form, with initials, in another word order, without the
 * patronymic, with a typo; the birth year given, missing or a year off; the region in
 * Russian or English, or missing; sometimes two spellings in one cell. It adds hard
 * negatives: fathers and brothers (the same surname, region and patronymic's root) and
 * namesakes (the same name, another year and region). The rows are imported through a
 * profile, {@code linkage run} is timed, and the clusters it would make if every proposal
 * were confirmed ({@code clusters --proposed}) are scored against the truth: pairwise
 * precision, recall and F1, and B-cubed F1; beside them, in the same run, the same for
 * records whose names are exactly equal.
 *
 * <pre>bench/run linkage [TRUTHS]</pre>
 */
public final class LinkageBenchmark {

	private static final String[][] REGIONS = { { "Москва", "Moscow" }, { "Тверская область", "Tver Oblast" },
			{ "Воронежская область", "Voronezh Oblast" }, { "Санкт-Петербург", "Saint Petersburg" },
			{ "Республика Татарстан", "Tatarstan" }, { "Пермский край", "Perm Krai" },
			{ "Новосибирская область", "Novosibirsk Oblast" }, { "Свердловская область", "Sverdlovsk Oblast" },
			{ "Краснодарский край", "Krasnodar Krai" }, { "Республика Крым", "Crimea" },
			{ "Ростовская область", "Rostov Oblast" }, { "Самарская область", "Samara Oblast" } };

	/** A person as the truth knows them. */
	private record Person(int id, SyntheticNames.Truth names, int born, int region) {
	}

	/** One report of a person: an import row. */
	private record Row(String ref, int person, String names, String born, String region) {
	}

	private LinkageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int truths = (args.length > 0) ? Integer.parseInt(args[0]) : 62_000;
		System.out.printf("machine: %s%n", Bench.machine());
		Random random = new Random(20261202);
		List<Person> persons = persons(truths, random);
		List<Row> rows = rows(persons, random);
		Path dir = Bench.temporaryDirectory("khronika-bench-linkage-");
		Path table = dir.resolve("persons.csv");
		write(rows, table);
		long negatives = persons.size() - truths;
		System.out.printf(Locale.ROOT, "%,d persons (%,d of them relatives or namesakes of others) reported in %,d rows%n",
				persons.size(), negatives, rows.size());
		try (ConfigurableApplicationContext context = Bench.start(dir.resolve("data"))) {
			Actor editor = Staff.add(context, "bench-editor", Role.EDITOR).actor();
			Importer importer = context.getBean(Importer.class);
			long started = System.nanoTime();
			ImportReport report = importer.run(editor, MappingProfile.read("bench-persons", SyntheticNames.PERSONS_PROFILE), table, false,
					(phase, done, fraction) -> {
					});
			System.out.printf(Locale.ROOT, "imported in %.0f s (not part of the figures): %,d recorded, %,d refused%n",
					(System.nanoTime() - started) / 1e9, report.created(), report.refused());
			Linkage linkage = context.getBean(Linkage.class);
			started = System.nanoTime();
			long began = System.nanoTime();
			String[] phase = { "" };
			Linkage.Summary summary = linkage.run(editor, (now, done, total) -> {
				synchronized (phase) {
					if (!now.equals(phase[0])) {
						System.out.printf(Locale.ROOT, "  %.1f s: %s%n", (System.nanoTime() - began) / 1e9, now);
						phase[0] = now;
					}
				}
			});
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT, "linkage run: %,d persons, %,d candidate pairs, %,d proposals in %.1f s%n",
					summary.persons(), summary.candidates(), summary.proposals(), seconds);

			Map<String, String> keys = importer.rowKeys();
			Map<String, Integer> truthOfRef = new HashMap<>();
			Map<String, String> namesOfRef = new HashMap<>();
			rows.forEach(row -> {
				truthOfRef.put(row.ref(), row.person());
				namesOfRef.put(row.ref(), row.names());
			});
			Map<String, Integer> truth = new HashMap<>();
			Map<String, String> proposed = new HashMap<>();
			Map<String, String> exact = new HashMap<>();
			for (Linkage.Member member : linkage.members(editor, true)) {
				String ref = keys.get(member.record()).substring("bench-persons:".length());
				truth.put(ref, truthOfRef.get(ref));
				proposed.put(ref, member.cluster());
				exact.put(ref, namesOfRef.get(ref).strip().toLowerCase(Locale.ROOT));
			}
			if (System.getenv("BENCH_DEBUG") != null) {
				Map<String, String> refOf = new HashMap<>();
				keys.forEach((record, key) -> refOf.put(record, key.substring("bench-persons:".length())));
				int shown = 0;
				for (Linkage.Proposal proposal : linkage.proposals(editor, 5000)) {
					String a = refOf.get(proposal.left().id().toString());
					String b = refOf.get(proposal.right().id().toString());
					if (!truthOfRef.get(a).equals(truthOfRef.get(b)) && shown++ < 25) {
						System.out.printf("FALSE %.3f %s | %s | %s%n", proposal.probability(), namesOfRef.get(a),
								namesOfRef.get(b), proposal.reasons());
					}
				}
			}
			if (System.getenv("BENCH_DEBUG") != null) {
				Map<String, String> recordOf = new HashMap<>();
				keys.forEach((record, key) -> recordOf.put(key.substring("bench-persons:".length()), record));
				Map<Integer, List<String>> byTruth = new HashMap<>();
				truth.forEach((ref, person) -> byTruth.computeIfAbsent(person, p -> new ArrayList<>()).add(ref));
				int shown = 0;
				for (List<String> refs : byTruth.values()) {
					for (int i = 1; i < refs.size() && shown < 40; i++) {
						String a = refs.get(0);
						String b = refs.get(i);
						if (!proposed.get(a).equals(proposed.get(b))) {
							shown++;
							System.out.printf("MISSED %s | %s | %s%n", namesOfRef.get(a), namesOfRef.get(b),
									linkage.explain(editor,
											new org.khronika.registry.PersonId(java.util.UUID.fromString(recordOf.get(a))),
											new org.khronika.registry.PersonId(java.util.UUID.fromString(recordOf.get(b))))
										.stream()
										.map(r -> r.code() + ":" + r.left() + "/" + r.right())
										.toList());
						}
					}
				}
			}
			Scores linked = Scores.of(truth, proposed);
			Scores equalNames = Scores.of(truth, exact);
			System.out.printf(Locale.ROOT, "%-28s %9s %7s %7s %11s%n", "", "precision", "recall", "F1", "B-cubed F1");
			linked.print("linkage (--proposed)");
			// the same proposals confirmed only from a higher probability: what a stricter
			// threshold would trade
			List<org.khronika.registry.LinkProposal> open = context.getBean(org.khronika.registry.Registry.class)
				.openLinkProposals(editor, org.khronika.registry.RecordKind.PERSON, Integer.MAX_VALUE);
			for (double threshold : new double[] { 0.999, 0.9999 }) {
				Map<String, String> parent = new HashMap<>();
				keys.keySet().forEach(record -> parent.put(record, record));
				for (org.khronika.registry.LinkProposal proposal : open) {
					if (proposal.probability() >= threshold) {
						parent.put(root(parent, proposal.left().toString()), root(parent, proposal.right().toString()));
					}
				}
				Map<String, String> stricter = new HashMap<>();
				keys.forEach((record, key) -> stricter.put(key.substring("bench-persons:".length()), root(parent, record)));
				Scores.of(truth, stricter).print(String.format(Locale.ROOT, "  proposals from %s", threshold));
			}
			equalNames.print("exact-name matching");
		}
	}

	/** The persons, and their relatives and namesakes. */
	private static List<Person> persons(int truths, Random random) {
		List<Person> persons = new ArrayList<>();
		for (int i = 0; i < truths; i++) {
			SyntheticNames.Truth names = SyntheticNames.person(random);
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
							SyntheticNames.patronymic(SyntheticNames.person(random).given(), false), false),
							born - 25 - random.nextInt(10), region));
				}
			}
			else if (kin == 1 && !names.female()) {
				// a brother: the same surname and patronymic, another given name
				SyntheticNames.Truth other = SyntheticNames.person(random);
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
	private static List<Row> rows(List<Person> persons, Random random) {
		List<Row> rows = new ArrayList<>();
		for (Person person : persons) {
			int draw = random.nextInt(100);
			int reports = (draw < 55) ? 1 : (draw < 80) ? 2 : (draw < 93) ? 3 : 4;
			for (int r = 0; r < reports; r++) {
				String names = written(person.names(), random);
				if (random.nextInt(5) == 0) {
					names += "; " + written(person.names(), random);
				}
				int year = random.nextInt(100);
				String born = (year < 60) ? Integer.toString(person.born())
						: (year < 80) ? "" : Integer.toString(person.born() + (random.nextBoolean() ? 1 : -1));
				int place = random.nextInt(100);
				String region = (place < 20) ? "" : REGIONS[person.region()][(place < 60) ? 0 : 1];
				rows.add(new Row("r-" + rows.size(), person.id(), names, born, region));
			}
		}
		java.util.Collections.shuffle(rows, random);
		return rows;
	}

	/** One way a report writes a name. */
	private static String written(SyntheticNames.Truth truth, Random random) {
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
			return surname + " " + given.charAt(0) + "." + ((patronymic != null) ? " " + patronymic.charAt(0) + "." : "");
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
		return String.join(" ", words);
	}

	private static String root(Map<String, String> parent, String record) {
		String root = record;
		while (!parent.get(root).equals(root)) {
			root = parent.get(root);
		}
		return root;
	}

	private static void write(List<Row> rows, Path file) throws java.io.IOException {
		try (var out = Files.newBufferedWriter(file);
				var csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
			csv.printRecord("ref", "names", "born", "region");
			for (Row row : rows) {
				csv.printRecord(row.ref(), row.names(), row.born(), row.region());
			}
		}
	}

	/** Pairwise precision, recall and F1, and B-cubed F1, of clusters against the truth. */
	private record Scores(double precision, double recall, double f1, double bcubed) {

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
