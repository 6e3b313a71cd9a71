package org.khronika.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.khronika.bench.SyntheticNames;
import org.khronika.catalog.Catalog;
import org.khronika.registry.LinkProposal;
import org.khronika.search.NameKeys;

/**
 * Linkage's quality on the benchmark's synthetic truth without the import or the
 * database: the records are made in memory as the import would make them, and scored by
 * the code a run uses ({@link Linkage#score}). The headline figures come from
 * {@link LinkageBenchmark}, which goes through the import and times the run; this one is
 * for work on the model, and says what no run can show:
 * <ul>
 * <li>the clusters proposals would make from each of several probabilities, from 0.5 up
 * (a run keeps only those from {@link Linkage#THRESHOLD});</li>
 * <li>how often a proposal of each probability is right;</li>
 * <li>what a linker could reach that knew every person of the truth ({@link #oracle}):
 * the ceiling of this data.</li>
 * </ul>
 * {@code BENCH_DEBUG=N} prints N wrong and N missed pairs, why each missed one was, and
 * pairs the oracle links and linkage does not.
 *
 * With {@code long-tail}, the rarer half of the surnames are drawn from 128 times as many
 * ({@link SyntheticNames#person(Random, boolean)}): how the figures depend on how many
 * accidental namesakes the data holds.
 *
 * <pre>bench/run linkage-quality [TRUTHS [long-tail]]</pre>
 */
public final class LinkageQuality {

	/** The lowest probability whose proposals are scored. */
	private static final double LOWEST = 0.5;

	private LinkageQuality() {
	}

	public static void main(String[] args) {
		int truths = (args.length > 0) ? Integer.parseInt(args[0]) : 62_000;
		Random random = new Random(20261202);
		boolean longTail = args.length > 1 && args[1].equals("long-tail");
		List<SyntheticPersons.Person> persons = SyntheticPersons.persons(truths, random, longTail);
		List<SyntheticPersons.Row> rows = SyntheticPersons.rows(persons, random);
		Catalog catalog = Catalog.load();
		NameKeys names = new NameKeys(catalog.givenNames());
		Map<String, PersonRecord.Name> taken = new HashMap<>();
		Map<String, PersonRecord> records = new LinkedHashMap<>();
		Map<String, SyntheticPersons.Row> rowOf = new HashMap<>();
		long started = System.nanoTime();
		for (SyntheticPersons.Row row : rows) {
			String id = new java.util.UUID(0, rowOf.size() + 1).toString();
			List<PersonRecord.Name> written = java.util.Arrays.stream(row.names().split(";"))
				.map(String::strip)
				.filter(name -> !name.isEmpty())
				.map(name -> taken.computeIfAbsent(name, n -> PersonRecord.Name.of(n, names)))
				.toList();
			String region = catalog.findRegion(row.region()).map(r -> r.code()).orElse(null);
			Integer born = row.born().isEmpty() ? null : Integer.valueOf(row.born());
			records.put(id, new PersonRecord(id, Instant.EPOCH, written, born, region, Set.of()));
			rowOf.put(id, row);
		}
		System.out.printf(Locale.ROOT, "%,d records made in %.1f s%n", records.size(), (System.nanoTime() - started) / 1e9);
		started = System.nanoTime();
		Linkage.Scoring scoring = Linkage.score(records, Map.of(), Set.of(), (phase, done, total) -> {
		}, LOWEST);
		System.out.printf(Locale.ROOT, "%,d candidate pairs, %,d proposals in %.1f s%n", scoring.candidates(),
				scoring.proposals().size(), (System.nanoTime() - started) / 1e9);
		Map<String, Integer> truth = new HashMap<>();
		rowOf.forEach((id, row) -> truth.put(id, row.person()));
		Map<String, String> parent = new HashMap<>();
		records.keySet().forEach(id -> parent.put(id, id));
		for (LinkProposal proposal : scoring.proposals()) {
			parent.put(SyntheticPersons.root(parent, proposal.left().toString()), SyntheticPersons.root(parent, proposal.right().toString()));
		}
		Map<String, String> clusters = new HashMap<>();
		records.keySet().forEach(id -> clusters.put(id, SyntheticPersons.root(parent, id)));
		System.out.printf(Locale.ROOT, "%-28s %9s %7s %7s %11s%n", "", "precision", "recall", "F1", "B-cubed F1");
		SyntheticPersons.Scores.of(truth, clusters).print("proposals from " + LOWEST);
		for (double threshold : new double[] { 0.7, 0.8, Linkage.THRESHOLD, 0.95, 0.99 }) {
			Map<String, String> stricter = new HashMap<>();
			records.keySet().forEach(id -> stricter.put(id, id));
			for (LinkProposal proposal : scoring.proposals()) {
				if (proposal.probability() >= threshold) {
					stricter.put(SyntheticPersons.root(stricter, proposal.left().toString()), SyntheticPersons.root(stricter, proposal.right().toString()));
				}
			}
			Map<String, String> cut = new HashMap<>();
			records.keySet().forEach(id -> cut.put(id, SyntheticPersons.root(stricter, id)));
			SyntheticPersons.Scores.of(truth, cut)
				.print("proposals from " + threshold + ((threshold == Linkage.THRESHOLD) ? " (a run's)" : ""));
		}
		// how often a proposal of each probability is right: whether the probabilities
		// mean what they say
		int[][] calibration = new int[10][2];
		for (LinkProposal proposal : scoring.proposals()) {
			int bin = Math.min(9, (int) (proposal.probability() * 10));
			calibration[bin][0]++;
			if (truth.get(proposal.left().toString()).equals(truth.get(proposal.right().toString()))) {
				calibration[bin][1]++;
			}
		}
		for (int bin = 0; bin < 10; bin++) {
			if (calibration[bin][0] > 0) {
				System.out.printf(Locale.ROOT, "  proposals at %.1f-%.1f: %,d, %.3f of them right%n", bin / 10.0,
						(bin + 1) / 10.0, calibration[bin][0], calibration[bin][1] / (double) calibration[bin][0]);
			}
		}
		String debug = System.getenv("BENCH_DEBUG");
		oracle(persons, truth, rowOf, records, scoring.model(), clusters, (debug != null) ? Integer.parseInt(debug) : 0);
		if (debug == null) {
			return;
		}
		int shown = Integer.parseInt(debug);
		Model model = scoring.model();
		System.out.println(model);
		int wrong = 0;
		Map<String, Integer> wrongKinds = new TreeMap<>();
		for (LinkProposal proposal : scoring.proposals()) {
			SyntheticPersons.Row a = rowOf.get(proposal.left().toString());
			SyntheticPersons.Row b = rowOf.get(proposal.right().toString());
			if (a.person() != b.person()) {
				Comparison.Result result = Comparison.of(records.get(proposal.left().toString()),
						records.get(proposal.right().toString()));
				wrongKinds.merge(vector(result), 1, Integer::sum);
				if (wrong++ < shown) {
					System.out.printf(Locale.ROOT, "WRONG %.5f %s %s/%s %s | %s %s/%s %s | %s%n", proposal.probability(),
							a.names(), a.born(), a.region(), a.person(), b.names(), b.born(), b.region(), b.person(),
							vector(result));
				}
			}
		}
		System.out.printf("%,d wrong proposals; by comparison:%n", wrong);
		wrongKinds.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(25)
			.forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
		Set<List<String>> candidates = new HashSet<>();
		for (String[] pair : Linkage.candidates(records, (phase, done, total) -> {
		})) {
			candidates.add(List.of(pair[0], pair[1]));
		}
		Map<Integer, List<String>> byPerson = new HashMap<>();
		truth.forEach((id, person) -> byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id));
		Map<String, Integer> why = new TreeMap<>();
		Map<String, Integer> missedKinds = new TreeMap<>();
		int missedShown = 0;
		for (List<String> ids : byPerson.values()) {
			for (int i = 0; i < ids.size(); i++) {
				for (int j = i + 1; j < ids.size(); j++) {
					String x = ids.get(i).compareTo(ids.get(j)) < 0 ? ids.get(i) : ids.get(j);
					String y = x.equals(ids.get(i)) ? ids.get(j) : ids.get(i);
					if (clusters.get(x).equals(clusters.get(y))) {
						continue;
					}
					Comparison.Result result = Comparison.of(records.get(x), records.get(y));
					double p = model.probability(result);
					String reason = !candidates.contains(List.of(x, y)) ? "not a candidate"
							: Linkage.relatives(result) ? "relatives"
									: (p < Linkage.THRESHOLD) ? "below threshold"
											: !Linkage.corroborated(result) ? "name only" : "left out as inconsistent";
					why.merge(reason, 1, Integer::sum);
					missedKinds.merge(reason + " " + vector(result), 1, Integer::sum);
					if (missedShown++ < shown) {
						System.out.printf(Locale.ROOT, "MISSED %s %.5f %s %s %s/%s | %s %s/%s | %s%n", reason, p,
								weights(model, result), rowOf.get(x).names(), rowOf.get(x).born(), rowOf.get(x).region(), rowOf.get(y).names(),
								rowOf.get(y).born(), rowOf.get(y).region(), vector(result));
					}
				}
			}
		}
		System.out.println("true pairs missed, by why: " + why);
		missedKinds.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(30)
			.forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
	}

	/**
	 * What a linker could reach that knew every person of the truth and how the generator
	 * writes them, but not which person a row came from: the persons each row could have
	 * been written from (the same surname and sex, given name or its initial, patronymic or
	 * its initial, a year within one, the region, as far as the row says them; typos and
	 * transliteration taken as read rightly), and for two rows the chance that they come
	 * from one person, each row's persons equally likely but for the year (given exactly
	 * six times as often as off by one). Pairs from a chance on are linked.
	 */
	private static void oracle(List<SyntheticPersons.Person> persons, Map<String, Integer> truth,
			Map<String, SyntheticPersons.Row> rowOf, Map<String, PersonRecord> records, Model model,
			Map<String, String> linked, int shown) {
		Map<String, List<SyntheticPersons.Person>> bySurname = new HashMap<>();
		persons.forEach(person -> bySurname
			.computeIfAbsent(person.names().surname() + person.names().female(), k -> new ArrayList<>())
			.add(person));
		Map<String, Map<Integer, Double>> could = new HashMap<>();
		Map<Integer, List<String>> rowsOfPerson = new HashMap<>();
		rowOf.forEach((id, row) -> {
			SyntheticPersons.Person own = persons.get(row.person());
			Map<Integer, Double> weights = new HashMap<>();
			for (SyntheticPersons.Person other : bySurname
				.get(own.names().surname() + own.names().female())) {
				double weight = weight(own, other, row);
				if (weight > 0) {
					weights.put(other.id(), weight);
				}
			}
			could.put(id, weights);
			if (weights.size() <= 16) {
				weights.keySet().forEach(person -> rowsOfPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(id));
			}
		});
		for (double threshold : new double[] { 0.5, 0.9 }) {
			Map<String, String> parent = new HashMap<>();
			rowOf.keySet().forEach(id -> parent.put(id, id));
			for (List<String> ids : rowsOfPerson.values()) {
				for (int i = 0; i < ids.size(); i++) {
					for (int j = i + 1; j < ids.size(); j++) {
						if (chance(could.get(ids.get(i)), could.get(ids.get(j))) >= threshold) {
							parent.put(SyntheticPersons.root(parent, ids.get(i)), SyntheticPersons.root(parent, ids.get(j)));
						}
					}
				}
			}
			Map<String, String> clusters = new HashMap<>();
			rowOf.keySet().forEach(id -> clusters.put(id, SyntheticPersons.root(parent, id)));
			SyntheticPersons.Scores.of(truth, clusters).print(String.format(Locale.ROOT, "oracle from %s", threshold));
			if (threshold == 0.9 && shown > 0) {
				Map<String, Integer> gap = new TreeMap<>();
				int printed = 0;
				for (List<String> ids : rowsOfPerson.values()) {
					for (int i = 0; i < ids.size(); i++) {
						for (int j = i + 1; j < ids.size(); j++) {
							String x = ids.get(i);
							String y = ids.get(j);
							if (truth.get(x).equals(truth.get(y)) && clusters.get(x).equals(clusters.get(y))
									&& !linked.get(x).equals(linked.get(y))) {
								Comparison.Result result = Comparison.of(records.get(x), records.get(y));
								gap.merge(vector(result), 1, Integer::sum);
								if (printed++ < shown) {
									System.out.printf(Locale.ROOT, "GAP %.3f %.3f %s %s %s/%s %d | %s %s/%s %d%n",
											chance(could.get(x), could.get(y)), model.probability(result),
											weights(model, result), rowOf.get(x).names(), rowOf.get(x).born(),
											rowOf.get(x).region(), could.get(x).size(), rowOf.get(y).names(),
											rowOf.get(y).born(), rowOf.get(y).region(), could.get(y).size());
								}
							}
						}
					}
				}
				gap.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
					.limit(20)
					.forEach(e -> System.out.printf("  gap %6d %s%n", e.getValue(), e.getKey()));
			}
		}
	}

	private static double weight(SyntheticPersons.Person own, SyntheticPersons.Person other,
			SyntheticPersons.Row row) {
		SyntheticNames.Truth a = own.names();
		SyntheticNames.Truth b = other.names();
		for (SyntheticPersons.Written written : row.writings()) {
			if (written.initials() ? a.given().charAt(0) != b.given().charAt(0) : !a.given().equals(b.given())) {
				return 0;
			}
			if (written.patronymic() && (written.initials() ? a.patronymic().charAt(0) != b.patronymic().charAt(0)
					: !a.patronymic().equals(b.patronymic()))) {
				return 0;
			}
		}
		if (!row.region().isEmpty() && own.region() != other.region()) {
			return 0;
		}
		if (row.born().isEmpty()) {
			return 1;
		}
		int apart = Math.abs(Integer.parseInt(row.born()) - other.born());
		return (apart == 0) ? 6 : (apart == 1) ? 1 : 0;
	}

	private static double chance(Map<Integer, Double> one, Map<Integer, Double> other) {
		double both = 0;
		for (Map.Entry<Integer, Double> entry : one.entrySet()) {
			both += entry.getValue() * other.getOrDefault(entry.getKey(), 0.0);
		}
		double a = one.values().stream().mapToDouble(Double::doubleValue).sum();
		double b = other.values().stream().mapToDouble(Double::doubleValue).sum();
		return both / (a * b);
	}

	private static String weights(Model model, Comparison.Result result) {
		StringBuilder out = new StringBuilder();
		for (Comparison.Field field : Comparison.Field.values()) {
			out.append(String.format(Locale.ROOT, "%.1f ", model.weight(result, field)));
		}
		return "[" + out.toString().strip() + "]";
	}

	private static String vector(Comparison.Result result) {
		StringBuilder out = new StringBuilder();
		for (Comparison.Field field : Comparison.Field.values()) {
			if (field == Comparison.Field.ARTICLES) {
				continue;
			}
			out.append(field.name().charAt(0)).append('=').append(field.levels.get(result.level(field))).append(' ');
		}
		return out.toString().strip();
	}

}
