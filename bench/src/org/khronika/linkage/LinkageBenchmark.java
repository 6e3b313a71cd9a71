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

	private LinkageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int truths = (args.length > 0) ? Integer.parseInt(args[0]) : 62_000;
		System.out.printf("machine: %s%n", Bench.machine());
		Random random = new Random(20261202);
		List<SyntheticPersons.Person> persons = SyntheticPersons.persons(truths, random);
		List<SyntheticPersons.Row> rows = SyntheticPersons.rows(persons, random);
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
			SyntheticPersons.Scores linked = SyntheticPersons.Scores.of(truth, proposed);
			SyntheticPersons.Scores equalNames = SyntheticPersons.Scores.of(truth, exact);
			System.out.printf(Locale.ROOT, "%-28s %9s %7s %7s %11s%n", "", "precision", "recall", "F1", "B-cubed F1");
			linked.print("linkage (--proposed)");
			// the same proposals confirmed only from a higher probability: what a stricter
			// threshold would trade
			List<org.khronika.registry.LinkProposal> open = context.getBean(org.khronika.registry.Registry.class)
				.openLinkProposals(editor, org.khronika.registry.RecordKind.PERSON, Integer.MAX_VALUE);
			for (double threshold : new double[] { 0.95, 0.99 }) {
				Map<String, String> parent = new HashMap<>();
				keys.keySet().forEach(record -> parent.put(record, record));
				for (org.khronika.registry.LinkProposal proposal : open) {
					if (proposal.probability() >= threshold) {
						parent.put(SyntheticPersons.root(parent, proposal.left().toString()), SyntheticPersons.root(parent, proposal.right().toString()));
					}
				}
				Map<String, String> stricter = new HashMap<>();
				keys.forEach((record, key) -> stricter.put(key.substring("bench-persons:".length()), SyntheticPersons.root(parent, record)));
				SyntheticPersons.Scores.of(truth, stricter).print(String.format(Locale.ROOT, "  proposals from %s", threshold));
			}
			equalNames.print("exact-name matching");
		}
	}

	private static void write(List<SyntheticPersons.Row> rows, Path file) throws java.io.IOException {
		try (var out = Files.newBufferedWriter(file);
				var csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
			csv.printRecord("ref", "names", "born", "region");
			for (SyntheticPersons.Row row : rows) {
				csv.printRecord(row.ref(), row.names(), row.born(), row.region());
			}
		}
	}

}
