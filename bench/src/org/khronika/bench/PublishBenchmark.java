package org.khronika.bench;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Region;
import org.khronika.publish.Site;
import org.khronika.publish.SiteFiles;
import org.khronika.publish.Snapshots;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A snapshot and its public site over 1,000,000 incidents and 100,000 cases (10,000 of
 * them holding their person in custody), with {@value #PRISONERS} consenting prisoners
 * recorded through the registry: {@code publish snapshot} (every planned figure, suppressed,
 * the incidents table, the prisoners list sealed) and {@code publish site} (every page,
 * the data package, signed, written to disk), timed together, twice (the first also reads
 * every fact into memory). The baseline, in the same run on the same database, is the
 * least the same output needs: the planned figures as SQL {@code GROUP BY}s and the
 * incidents table written as gzip-compressed CSV. The site's largest page is reported
 * beside the 200 KB a page may weigh.
 *
 * <pre>bench/run publish [INCIDENTS] [CASES]</pre>
 */
public final class PublishBenchmark {

	private static final int PRISONERS = 300;

	private static final String[] TYPES = { "picket", "single-picket", "rally", "march", "protest", "leafleting",
			"other" };

	private static final String[] ARTICLES = { "uk-207.3", "uk-280.3", "uk-280.4", "uk-275", "uk-205.2", "uk-319",
			"koap-20.3.3", "koap-20.2" };

	private static final String[] STATUSES = { "investigation", "in-court", "appeal", "closed" };

	private PublishBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int incidents = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int cases = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		System.out.printf("machine: %s%n", Bench.machine());
		Path dir = Bench.temporaryDirectory("khronika-bench-publish-");
		try (ConfigurableApplicationContext context = Bench.start(dir.resolve("data"))) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			Actor editor = new Actor("bench-editor", Role.EDITOR);
			List<String> regions = context.getBean(Catalog.class)
				.regions()
				.stream()
				.map(Region::code)
				.filter(code -> !code.equals("abroad") && !code.equals("unknown"))
				.toList();

			long started = System.nanoTime();
			recordPrisoners(context.getBean(Registry.class), editor, regions);
			System.out.printf("%,d consenting prisoners recorded through the registry in %.1f s%n", PRISONERS,
					(System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			long position = jdbc.queryForObject(
					"SELECT last_seq FROM projection_position WHERE projection = 'registry_record'", Long.class);
			insertFacts(dataSource, incidents, cases, regions, position);
			System.out.printf("%,d incidents and %,d cases written to the fact tables in %.1f s%n", incidents, cases,
					(System.nanoTime() - started) / 1e9);

			Snapshots snapshots = context.getBean(Snapshots.class);
			Site site = context.getBean(Site.class);
			System.out.println("| run | snapshot | site (built, signed, written) | total | baseline (GROUP BYs + CSV) "
					+ "| ratio |");
			System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
			SortedMap<String, byte[]> files = null;
			for (int run = 1; run <= 2; run++) {
				long start = System.nanoTime();
				Snapshots.Snapshot snapshot = snapshots.take(editor);
				long taken = System.nanoTime();
				files = site.build(snapshot.id());
				SiteFiles.write(files, dir.resolve("site-" + run));
				long written = System.nanoTime();
				double baseline = baseline(jdbc, dir.resolve("baseline-" + run + ".csv.gz"));
				double total = (written - start) / 1e9;
				System.out.printf("| %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f |%n",
						(run == 1) ? "first (reads every fact into memory)" : "second", (taken - start) / 1e9,
						(written - taken) / 1e9, total, baseline, total / baseline);
				if (!SiteFiles.check(dir.resolve("site-" + run), java.util.Optional.empty()).isEmpty()) {
					throw new IllegalStateException("the site written does not check");
				}
			}
			Map.Entry<String, byte[]> largestPage = files.entrySet()
				.stream()
				.filter(file -> file.getKey().endsWith(".html"))
				.max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.length, b.length)))
				.orElseThrow();
			long prisoners = snapshots.prisoners(snapshots.latest().orElseThrow().id()).size();
			System.out.printf("site: %,d files, %,d bytes; largest page %s, %,d bytes (limit 204,800); "
					+ "incidents.csv %,d bytes; prisoners listed %,d%n", files.size(),
					files.values().stream().mapToLong(bytes -> bytes.length).sum(), largestPage.getKey(),
					largestPage.getValue().length, files.get("data/incidents.csv").length, prisoners);
		}
	}

	/**
	 * The least the same output needs: each planned figure as a GROUP BY, and the
	 * incidents table as compressed CSV. Seconds.
	 */
	private static double baseline(JdbcTemplate jdbc, Path out) throws Exception {
		long start = System.nanoTime();
		jdbc.queryForList("SELECT substr(day, 1, 4), SUM(detained) FROM fact_incident WHERE restricted = FALSE "
				+ "GROUP BY substr(day, 1, 4)");
		jdbc.queryForList("SELECT region, COUNT(*) FROM fact_incident WHERE restricted = FALSE "
				+ "AND day >= '2022-02-24' GROUP BY region");
		jdbc.queryForList("SELECT region, COUNT(DISTINCT person) FROM fact_case WHERE restricted = FALSE "
				+ "AND opened >= '2022-02-24' GROUP BY region");
		jdbc.queryForList("SELECT substr(opened, 1, 4), charges, COUNT(*) FROM fact_case WHERE restricted = FALSE "
				+ "AND opened >= '2022-02-24' GROUP BY substr(opened, 1, 4), charges");
		try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
				StandardCharsets.UTF_8); CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			printer.printRecord("id", "date", "region", "type", "topic", "agreement", "detained");
			jdbc.query("SELECT id, day, region, type, topic, agreement, detained FROM fact_incident "
					+ "WHERE restricted = FALSE ORDER BY day, id", rs -> {
						try {
							printer.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
									rs.getString(5), rs.getString(6), rs.getObject(7));
						}
						catch (java.io.IOException ex) {
							throw new java.io.UncheckedIOException(ex);
						}
					});
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/** Invented consenting persons, each held in custody by a case under 207.3. */
	private static void recordPrisoners(Registry registry, Actor editor, List<String> regions) {
		Random random = new Random(7);
		for (int i = 0; i < PRISONERS; i++) {
			String region = regions.get(random.nextInt(regions.size()));
			String person = saved(registry.record(editor,
					RecordDraft.empty(RecordKind.PERSON)
						.with("names", "Выдуманный Узник " + i)
						.with("region", region)
						.with("mayBeNamed", "true")
						.with("mayReceiveLetters", String.valueOf(i % 2 == 0))));
			String courtCase = saved(registry.record(editor,
					RecordDraft.empty(RecordKind.CASE)
						.with("person", person)
						.with("kind", "criminal")
						.with("opened", "2024-0" + (1 + random.nextInt(9)) + "-15")
						.with("region", region)
						.with("charges", ARTICLES[random.nextInt(3)])
						.with("trigger", "denunciation")
						.with("informant", "colleague")
						.with("status", "in-court")
						.with("court", "Районный суд (вымышленный)")
						.with("custodyPlace", "СИЗО (вымышленное) " + (i % 40))));
			saved(registry.record(editor,
					RecordDraft.empty(RecordKind.CASE_EVENT)
						.with("caseId", courtCase)
						.with("type", "measure-of-restraint")
						.with("date", "2024-10-01")
						.with("measure", "custody")
						.with("until", LocalDate.now().plusMonths(3).toString())));
		}
	}

	private static String saved(SaveResult result) {
		if (!(result instanceof SaveResult.Saved saved)) {
			throw new IllegalStateException("not saved: " + result);
		}
		return saved.id().toString();
	}

	/**
	 * Invented incidents and cases of the records' shape, straight into the fact tables
	 * (the import benchmark measures the path through the log), at log position
	 * {@code position}.
	 */
	private static void insertFacts(DataSource dataSource, int incidents, int cases, List<String> regions,
			long position) throws SQLException {
		Random random = new Random(20220224);
		LocalDate first = LocalDate.of(2019, 1, 1);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO fact_incident (id, day, region, type, topic, organiser, agreement, detained, "
							+ "restricted, created_by, last_seq) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)")) {
				for (int i = 1; i <= incidents; i++) {
					insert.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
					insert.setString(2, first.plusDays(random.nextInt(2900)).toString());
					insert.setString(3, regions.get(random.nextInt(regions.size())));
					insert.setString(4, TYPES[random.nextInt(TYPES.length)]);
					insert.setString(5, "Тема " + random.nextInt(40));
					insert.setString(6, (random.nextInt(10) == 0) ? "agreed" : "not-agreed");
					insert.setInt(7, random.nextInt(30));
					insert.setBoolean(8, random.nextInt(100) == 0);
					insert.setString(9, "bench-importer");
					insert.setLong(10, position);
					insert.addBatch();
					if (i % 5000 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			try (PreparedStatement insertCase = connection.prepareStatement(
					"INSERT INTO fact_case (id, person, opened, region, kind, charges, trigger_code, informant, status, "
							+ "outcome, restricted, created_by, last_seq) "
							+ "VALUES (?, ?, ?, ?, 'criminal', ?, 'denunciation', 'colleague', ?, NULL, FALSE, ?, ?)");
					PreparedStatement insertEvent = connection.prepareStatement(
							"INSERT INTO fact_case_event (id, case_id, type, day, measure, until, restricted, "
									+ "created_by, last_seq) VALUES (?, ?, 'measure-of-restraint', ?, 'custody', ?, "
									+ "FALSE, ?, ?)")) {
				for (int i = 1; i <= cases; i++) {
					String id = new UUID(random.nextLong(), random.nextLong()).toString();
					LocalDate opened = LocalDate.of(2022, 3, 1).plusDays(random.nextInt(1700));
					insertCase.setString(1, id);
					insertCase.setString(2, new UUID(random.nextLong(), random.nextLong()).toString());
					insertCase.setString(3, opened.toString());
					insertCase.setString(4, regions.get(random.nextInt(regions.size())));
					insertCase.setString(5, ARTICLES[random.nextInt(ARTICLES.length)]);
					insertCase.setString(6, STATUSES[random.nextInt(STATUSES.length)]);
					insertCase.setString(7, "bench-importer");
					insertCase.setLong(8, position);
					insertCase.addBatch();
					if (i % 10 == 0) {
						insertEvent.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
						insertEvent.setString(2, id);
						insertEvent.setString(3, opened.plusDays(2).toString());
						insertEvent.setString(4, LocalDate.now().plusMonths(2).toString());
						insertEvent.setString(5, "bench-importer");
						insertEvent.setLong(6, position);
						insertEvent.addBatch();
					}
					if (i % 5000 == 0) {
						insertCase.executeBatch();
						insertEvent.executeBatch();
					}
				}
				insertCase.executeBatch();
				insertEvent.executeBatch();
			}
			connection.commit();
		}
	}

}
