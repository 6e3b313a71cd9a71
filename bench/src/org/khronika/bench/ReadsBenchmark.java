package org.khronika.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.khronika.WebSession;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sixteen readers of person pages and person lists, over 100,000 persons, logged in as an
 * editor (every name is opened, every read audited): on a quiet server, then while an
 * import of 100,000 rows runs. The same import also runs alone, so that its slowdown under
 * the readers is measured in the same run.
 *
 * <p>
 * The readers run twice: paced, each asking for a page every {@code PACE} ms (a busy team
 * clicking far faster than anyone reads), and flat out, each asking for its next page as
 * soon as the last one arrived, which takes every core the machine has. A paced page's
 * time runs from when it was due, so a server that falls behind is not flattered.
 *
 * <pre>bench/run reads [PERSONS] [ROWS] [READERS] [PACE]</pre>
 */
public final class ReadsBenchmark {

	private static final String[] REGIONS = { "Москва", "Санкт-Петербург", "Новосибирская область",
			"Свердловская область", "Краснодарский край", "Республика Татарстан" };

	private ReadsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int rows = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		int readers = (args.length > 2) ? Integer.parseInt(args[2]) : 16;
		int pace = (args.length > 3) ? Integer.parseInt(args[3]) : 250;
		Path dir = Bench.temporaryDirectory("khronika-bench-reads-");
		System.out.printf("machine: %s%n", Bench.machine());
		try (ConfigurableApplicationContext context = Bench.startServer(dir.resolve("data"),
				System.getProperty("bench.server", "").split(" +"))) {
			int port = Bench.port(context);
			Staff reader = Staff.add(context, "bench-reader", Role.EDITOR);
			Staff importing = Staff.add(context, "bench-importer", Role.EDITOR);
			Importer importer = context.getBean(Importer.class);

			long started = System.nanoTime();
			Path personsTable = dir.resolve("persons.csv");
			writePersons(persons, personsTable);
			requireAll(importer.run(importing.actor(), MappingProfile.read("persons", SyntheticNames.PERSONS_PROFILE), personsTable,
					false, (phase, done, fraction) -> {
					}), persons);
			List<String> ids = new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT id FROM registry_record WHERE kind = 'person'", String.class);
			System.out.printf("%,d persons recorded through an import in %.0f s%n", ids.size(),
					(System.nanoTime() - started) / 1e9);

			Browser session = new Browser(port, new WebSession(port).login(reader).sessionCookie());
			new Readers(session, ids, persons, readers, 0).runFor(15);

			Readers quietPaced = new Readers(session, ids, persons, readers, pace);
			quietPaced.runFor(30);
			quietPaced.report("paced readers (a page every " + pace + " ms each), nothing else running");
			Readers quietFlat = new Readers(session, ids, persons, readers, 0);
			quietFlat.runFor(30);
			quietFlat.report("readers flat out, nothing else running");

			Path table = dir.resolve("incidents.csv");
			ImportBenchmark.write(ImportBenchmark.generate(rows), table);
			double alone = timedImport(importer, importing, "bench-incidents-alone", table, rows);
			System.out.printf("import of %,d rows, no readers: %.1f s%n", rows, alone);

			Readers busyPaced = new Readers(session, ids, persons, readers, pace);
			AtomicReference<Double> withPaced = new AtomicReference<>();
			busyPaced.runWhile(
					() -> withPaced.set(timedImport(importer, importing, "bench-incidents-paced", table, rows)));
			busyPaced.report("paced readers during the import");
			System.out.printf("import of %,d rows, %d paced readers: %.1f s (%.2f× as long as alone)%n", rows,
					readers, withPaced.get(), withPaced.get() / alone);

			Readers busyFlat = new Readers(session, ids, persons, readers, 0);
			AtomicReference<Double> withFlat = new AtomicReference<>();
			busyFlat.runWhile(() -> withFlat.set(timedImport(importer, importing, "bench-incidents-flat", table, rows)));
			busyFlat.report("readers flat out during the import");
			System.out.printf("import of %,d rows, %d readers flat out: %.1f s (%.2f× as long as alone)%n", rows,
					readers, withFlat.get(), withFlat.get() / alone);
		}
	}

	/** The shipped OVD-Info profile under another name, so that each run creates new records. */
	private static double timedImport(Importer importer, Staff as, String name, Path table, int rows) {
		String profile;
		try {
			profile = Files.readString(Path.of("profiles/ovdinfo-moscow-2011-2012.yaml"))
				.replace("name: ovdinfo-moscow-2011-2012", "name: " + name);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		long started = System.nanoTime();
		requireAll(importer.run(as.actor(), MappingProfile.read(name, profile), table, false,
				(phase, done, fraction) -> {
				}), rows);
		return (System.nanoTime() - started) / 1e9;
	}

	private static void requireAll(ImportReport report, int rows) {
		if (report.created() != rows || !report.problems().isEmpty()) {
			throw new IllegalStateException("the import did not create every row: " + report.created() + " of "
					+ rows + ", " + report.problems().size() + " problems");
		}
	}

	/** Invented persons: two spellings of a name, a birth year, a region. */
	private static void writePersons(int count, Path file) throws java.io.IOException {
		Random random = new Random(1987);
		List<String[]> rows = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			rows.add(new String[] { "p-" + i, "Персона Вымышленная " + i + "; Persona Vymyshlennaya " + i,
					Integer.toString(1940 + random.nextInt(65)), REGIONS[random.nextInt(REGIONS.length)] });
		}
		try (var out = Files.newBufferedWriter(file);
				var csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
			csv.printRecord("ref", "names", "born", "region");
			for (String[] row : rows) {
				csv.printRecord((Object[]) row);
			}
		}
	}

	/**
	 * A browser's requests with a logged-in session's cookie, taking each page's bytes as
	 * they come: what a browser on another machine costs the server, and no more of this
	 * machine's time than reading the answer.
	 */
	private record Browser(int port, String cookie, java.net.http.HttpClient client) {

		Browser(int port, String cookie) {
			this(port, cookie, java.net.http.HttpClient.newBuilder()
				.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
				.build());
		}

		int get(String path) throws java.io.IOException, InterruptedException {
			java.net.http.HttpRequest request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
				.header("Cookie", "JSESSIONID=" + this.cookie)
				.header("Accept", "text/html")
				.header("Accept-Language", "ru")
				.GET()
				.build();
			return this.client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
		}

	}

	/**
	 * Readers sharing one logged-in session, each asking in turn for a random person's
	 * page and one of the first 20 pages of the person list (50 a page, last recorded
	 * first), and timing every answer: flat out, or a page every {@code pace} ms, timed
	 * from when it was due. A page that is not 200 stops the benchmark.
	 */
	private static final class Readers {

		private final Browser session;

		private final List<String> ids;

		private final int pages;

		private final int count;

		private final int pace;

		/** Each reader's page times, in ms: its person pages, then its list pages. */
		private final List<double[]> records = new ArrayList<>();

		private final List<double[]> lists = new ArrayList<>();

		private final AtomicBoolean stop = new AtomicBoolean();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private double seconds;

		Readers(Browser session, List<String> ids, int persons, int count, int pace) {
			this.session = session;
			this.ids = ids;
			// a reader pages from the front: the 20 first pages, the 1,000 last recorded
			this.pages = Math.max(1, Math.min(20, persons / 50));
			this.count = count;
			this.pace = pace;
		}

		void runFor(int seconds) throws InterruptedException {
			runWhile(() -> {
				try {
					Thread.sleep(seconds * 1000L);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		/** Runs the readers until {@code work} (run on this thread) returns. */
		void runWhile(Runnable work) throws InterruptedException {
			CountDownLatch done = new CountDownLatch(this.count);
			List<List<Double>> recordTimes = new ArrayList<>();
			List<List<Double>> listTimes = new ArrayList<>();
			for (int r = 0; r < this.count; r++) {
				List<Double> myRecords = new ArrayList<>();
				List<Double> myLists = new ArrayList<>();
				recordTimes.add(myRecords);
				listTimes.add(myLists);
				Random random = new Random(r);
				Thread thread = new Thread(() -> {
					try {
						// paced readers start spread over one interval
						long due = System.nanoTime() + (long) random.nextInt(Math.max(1, this.pace)) * 1_000_000;
						for (int i = 0; !this.stop.get(); i++) {
							String path = (i % 2 == 0) ? "/persons/" + this.ids.get(random.nextInt(this.ids.size()))
									: "/persons?sort=created&page=" + random.nextInt(this.pages);
							long start = System.nanoTime();
							if (this.pace > 0) {
								long wait = due - start;
								if (wait > 0) {
									Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
								}
								start = due;
								due += this.pace * 1_000_000L;
							}
							int status = this.session.get(path);
							((i % 2 == 0) ? myRecords : myLists).add((System.nanoTime() - start) / 1e6);
							if (status != 200) {
								throw new IllegalStateException(path + " answered " + status);
							}
						}
					}
					catch (Throwable ex) {
						this.failure.compareAndSet(null, ex);
						this.stop.set(true);
					}
					finally {
						done.countDown();
					}
				}, "reader-" + r);
				thread.start();
			}
			long started = System.nanoTime();
			work.run();
			this.stop.set(true);
			done.await();
			this.seconds = (System.nanoTime() - started) / 1e9;
			if (this.failure.get() != null) {
				throw new IllegalStateException("a reader failed", this.failure.get());
			}
			recordTimes.forEach(times -> this.records.add(times.stream().mapToDouble(Double::doubleValue).toArray()));
			listTimes.forEach(times -> this.lists.add(times.stream().mapToDouble(Double::doubleValue).toArray()));
		}

		void report(String label) {
			double[] all = sorted(this.records, this.lists);
			System.out.printf("%s: %,d pages in %.1f s, %,.0f pages/s; %s%n", label, all.length, this.seconds,
					all.length / this.seconds, percentiles(all));
			System.out.printf("    person pages: %s; list pages: %s%n", percentiles(sorted(this.records)),
					percentiles(sorted(this.lists)));
		}

		@SafeVarargs
		private static double[] sorted(List<double[]>... times) {
			double[] all = Arrays.stream(times).flatMap(List::stream).flatMapToDouble(Arrays::stream).toArray();
			Arrays.sort(all);
			return all;
		}

		private static String percentiles(double[] sorted) {
			return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms".formatted(percentile(sorted, 50), percentile(sorted, 95),
					percentile(sorted, 99));
		}

		private static double percentile(double[] sorted, int percent) {
			int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

	}

}
