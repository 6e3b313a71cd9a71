package org.khronika.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.bench.Bench;
import org.khronika.bench.SyntheticNames;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search over a million persons. First the persons are recorded through an import (not
 * timed; {@code bench/run import} measures that). Then Khronika is started afresh and its
 * index built from the registry, as at every start (timed). Then {@value #QUERIES}
 * searches for persons as reports write them (another script, a familiar form, initials,
 * a typo), each as a reader's full search (the access rule, the facets, the page of
 * records opened from the registry, the audit entry) and, on the same index in the same
 * run, as a bare Lucene query for the same words (top 20, no access rule, no facets,
 * nothing opened), after {@value #WARM_UP} untimed rounds of both.
 *
 * <pre>bench/run search [PERSONS] [DATA-DIRECTORY]</pre>
 *
 * With a data directory that already holds the persons, the import is skipped.
 */
public final class SearchBenchmark {

	private static final int QUERIES = 500;

	private static final int WARM_UP = 2;

	private static final String[] REGIONS = { "Москва", "Санкт-Петербург", "Новосибирская область",
			"Свердловская область", "Краснодарский край", "Республика Татарстан", "Тверская область",
			"Воронежская область", "Пермский край", "Республика Крым" };

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path data = (args.length > 1) ? Path.of(args[1])
				: Bench.temporaryDirectory("khronika-bench-search-").resolve("data");
		System.out.printf("machine: %s%n", Bench.machine());
		List<SyntheticNames.Truth> truths = truths(persons);
		if (!Files.exists(data.resolve("khronika.db"))) {
			try (ConfigurableApplicationContext context = Bench.start(data)) {
				Path table = data.getParent().resolve("persons.csv");
				writePersons(truths, table);
				long started = System.nanoTime();
				Actor importer = Staff.add(context, "bench-importer", Role.EDITOR).actor();
				context.getBean(Importer.class)
					.run(importer, MappingProfile.read("persons", SyntheticNames.PERSONS_PROFILE), table, false, (phase, rows, fraction) -> {
					});
				System.out.printf("%,d persons recorded through an import in %.0f s (not part of the figures)%n",
						persons, (System.nanoTime() - started) / 1e9);
			}
		}
		try (ConfigurableApplicationContext context = Bench.start(data)) {
			Search search = context.getBean(Search.class);
			Runtime runtime = Runtime.getRuntime();
			long started = System.nanoTime();
			search.index().catchUp();
			double buildSeconds = (System.nanoTime() - started) / 1e9;
			System.gc();
			System.out.printf("index built from %,d records in %.1f s; it takes %.0f MB in memory (heap used %.0f MB)%n",
					search.index().progress()[0], buildSeconds, search.indexBytes() / 1e6,
					(runtime.totalMemory() - runtime.freeMemory()) / 1e6);

			Actor editor = new Actor("bench-editor", Role.EDITOR);
			List<String> queries = queries(truths, new Random(7));
			double[] full = new double[QUERIES];
			double[] faceted = new double[QUERIES];
			double[] bare = new double[QUERIES];
			long foundSum = 0;
			for (int round = 0; round <= WARM_UP; round++) {
				for (int i = 0; i < QUERIES; i++) {
					String query = queries.get(i);
					long t0 = System.nanoTime();
					Search.Result result = search.search(editor, new Search.Request(query, null, Map.of(), 0, 20));
					long t1 = System.nanoTime();
					search.search(editor, new Search.Request(query, null, Map.of("region", "moscow"), 0, 20));
					long t2 = System.nanoTime();
					Query lucene = search.bareQuery(query);
					IndexSearcher searcher = search.index().acquire();
					try {
						searcher.search(lucene, 20);
					}
					finally {
						search.index().release(searcher);
					}
					long t3 = System.nanoTime();
					full[i] = (t1 - t0) / 1e6;
					faceted[i] = (t2 - t1) / 1e6;
					bare[i] = (t3 - t2) / 1e6;
					if (round == WARM_UP) {
						foundSum += result.total();
					}
				}
			}
			System.out.printf("%d searches for persons as reports write them; %,d found on average%n", QUERIES,
					foundSum / QUERIES);
			report("search (access rule, facets, page opened, audited)", full, bare);
			report("search narrowed to a region", faceted, bare);
			System.out.printf("bare Lucene query, same words, same index: p50 %.1f ms, p95 %.1f ms%n",
					percentile(bare, 50), percentile(bare, 95));
		}
	}

	private static void report(String what, double[] times, double[] baseline) {
		System.out.printf("%s: p50 %.1f ms, p95 %.1f ms; p95 %.1f× the bare query's%n", what, percentile(times, 50),
				percentile(times, 95), percentile(times, 95) / percentile(baseline, 95));
	}

	private static double percentile(double[] values, int percent) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private static List<SyntheticNames.Truth> truths(int count) {
		Random random = new Random(1987);
		List<SyntheticNames.Truth> truths = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			truths.add(SyntheticNames.person(random));
		}
		return truths;
	}

	/**
	 * The persons as an import table: the full name in Cyrillic, and for one in three a
	 * Latin spelling too.
	 */
	private static void writePersons(List<SyntheticNames.Truth> truths, Path file) throws java.io.IOException {
		Random random = new Random(2022);
		try (var out = Files.newBufferedWriter(file);
				var csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
			csv.printRecord("ref", "names", "born", "region");
			for (int i = 0; i < truths.size(); i++) {
				SyntheticNames.Truth truth = truths.get(i);
				String names = truth.cyrillic();
				if (random.nextInt(3) == 0) {
					names += "; " + SyntheticNames.transliterate(truth.given() + " " + truth.surname(),
							SyntheticNames.SYSTEMS.get(random.nextInt(SyntheticNames.SYSTEMS.size())));
				}
				csv.printRecord("p-" + i, names, 1940 + random.nextInt(66), REGIONS[random.nextInt(REGIONS.length)]);
			}
		}
	}

	/** What a monitor types: a recorded person's name, as another report writes it. */
	private static List<String> queries(List<SyntheticNames.Truth> truths, Random random) {
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			SyntheticNames.Truth truth = truths.get(random.nextInt(truths.size()));
			String system = SyntheticNames.SYSTEMS.get(random.nextInt(SyntheticNames.SYSTEMS.size()));
			queries.add(switch (i % 5) {
				case 0 -> SyntheticNames.transliterate(truth.given() + " " + truth.surname(), system);
				case 1 -> SyntheticNames.FAMILIAR.getOrDefault(truth.given(), List.of(truth.given())).get(0) + " "
						+ truth.surname();
				case 2 -> truth.surname() + " " + truth.given().charAt(0) + "." + truth.patronymic().charAt(0) + ".";
				case 3 -> SyntheticNames.typo(truth.surname(), random) + " " + truth.given();
				default -> truth.cyrillic();
			});
		}
		return queries;
	}

}
