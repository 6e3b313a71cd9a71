package org.khronika.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.khronika.TestDatabases;
import org.khronika.WebSession;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many reports the public form takes a second, and how long each waits: reports sent
 * over HTTP by {@code CLIENTS} clients at once, each checked, sealed to the intake key and
 * stored, on SQLite and on PostgreSQL. Beside each, the baseline measured in the same run
 * on the same database: a plain INSERT of rows of the same size from as many threads. Each
 * report comes from an address of its own (a day of mass detentions brings many
 * reporters), so the per-address throttle counts them apart.
 *
 * <pre>bench/run intake [REPORTS] [CLIENTS]</pre>
 */
public final class IntakeBenchmark {

	private IntakeBenchmark() {
	}

	/** A run's figures: reports a second, and the median and 99th percentile wait. */
	private record Figures(double perSecond, double p50, double p99) {

		static Figures of(double[] millis, double seconds) {
			double[] sorted = millis.clone();
			Arrays.sort(sorted);
			return new Figures(millis.length / seconds, sorted[sorted.length / 2],
					sorted[(int) Math.ceil(sorted.length * 0.99) - 1]);
		}

		@Override
		public String toString() {
			return "%,8.0f/s   p50 %6.1f ms   p99 %6.1f ms".formatted(this.perSecond, this.p50, this.p99);
		}

	}

	public static void main(String[] args) throws Exception {
		int reports = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 16;
		System.out.printf("machine: %s%n", Bench.machine());
		System.out.printf("%,d reports from %d clients at once%n", reports, clients);
		// each engine in a fresh server, and each twice, alternately: the second round runs
		// with the compiler's work done, and neither engine gets only the cold start
		for (int round = 1; round <= 2; round++) {
			measure("SQLite", Bench.temporaryDirectory("khronika-bench-intake-").resolve("sqlite"), reports, clients);
			try (TestDatabases.TestDatabase postgres = TestDatabases.postgres()) {
				measure("PostgreSQL", Bench.temporaryDirectory("khronika-bench-intake-").resolve("postgres"), reports,
						clients, "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=postgres");
			}
		}
	}

	private static void measure(String engine, Path data, int reports, int clients, String... settings)
			throws Exception {
		try (ConfigurableApplicationContext context = Bench.startServer(data, settings)) {
			int port = Bench.port(context);
			// warm up: the form's page, and the sealing until the compiler has done its work
			send(port, 5_000, clients);
			Figures sealed = send(port, reports, clients);
			byte[] row = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT answers FROM intake_report LIMIT 1", byte[].class);
			Figures plain = insert(context.getBean(DataSource.class), row, reports, clients);
			System.out.printf("%-11s sealed reports over HTTP %s%n", engine, sealed);
			System.out.printf("%-11s plain INSERT, %d bytes    %s   (sealed reports: %.2f× its rate)%n", engine,
					row.length, plain, sealed.perSecond() / plain.perSecond());
		}
	}

	private static Figures send(int port, int reports, int clients) throws Exception {
		ThreadLocal<WebSession> reporters = ThreadLocal.withInitial(() -> new WebSession(port));
		return timed(reports, clients, i -> {
			WebSession.Response answer = reporters.get()
				.post("/report", report(i),
						Map.of("X-Forwarded-For", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
			if (answer.status() != 200) {
				throw new IllegalStateException("a report was refused: " + answer.status());
			}
		});
	}

	/**
	 * Runs {@code work} for 0 to {@code count - 1} on {@code clients} threads at once,
	 * timing each call and the whole.
	 */
	private static Figures timed(int count, int clients, java.util.function.IntConsumer work) throws Exception {
		AtomicInteger next = new AtomicInteger();
		double[] millis = new double[count];
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long started = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			done.add(pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long start = System.nanoTime();
					work.accept(i);
					millis[i] = (System.nanoTime() - start) / 1e6;
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		return Figures.of(millis, seconds);
	}

	private static Map<String, List<String>> report(int i) {
		return Map.of("lang", List.of("ru"), "what", List.of("detention"), "date", List.of("2025-02-24"), "region",
				List.of("moscow"), "place", List.of("Москва, Манежная площадь"), "person",
				List.of("Синтетический Человек " + i), "relation", List.of("relative"), "denounced",
				List.of("unknown"), "hasLawyer", List.of("no"), "text",
				List.of("Задержали у метро вечером, увезли в ОВД; телефон изъяли. Номер " + i));
	}

	private static Figures insert(DataSource dataSource, byte[] row, int reports, int clients) throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE bench_plain (id VARCHAR(36) PRIMARY KEY, body BYTEA NOT NULL)");
		Figures figures = timed(reports, clients, i -> jdbc.update("INSERT INTO bench_plain (id, body) VALUES (?, ?)",
				java.util.UUID.randomUUID().toString(), row));
		jdbc.execute("DROP TABLE bench_plain");
		return figures;
	}

}
