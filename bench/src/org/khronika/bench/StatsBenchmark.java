package org.khronika.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statistics over a million incidents: each question by two dimensions answered
 * {@value #RUNS} times through {@link Statistics} (as an analyst, so the access rule is
 * applied), its median set beside the median of the same question as a hand-written SQL
 * {@code GROUP BY} over the same fact table in the same database, after {@value #WARM_UP}
 * untimed runs of both. Every answer is checked
 * equal to the SQL's before it is timed. The million facts are written straight into
 * {@code fact_incident} (the import benchmark measures the path through the log); the
 * first question, which reads them all into memory, is reported on its own.
 *
 * <pre>bench/run stats [ROWS]</pre>
 */
public final class StatsBenchmark {

	private static final int RUNS = 21;

	/** Untimed runs of each question first, so that the JIT has compiled both paths. */
	private static final int WARM_UP = 5;

	private static final String[] TYPES = { "picket", "single-picket", "rally", "march", "protest", "leafleting",
			"walks-occupy", "occupy", "eco-camp", "flash-mob", "strategy-31", "activist-detention", "other" };

	private static final String[] REGIONS = { "moscow", "saint-petersburg", "moscow-oblast", "leningrad-oblast",
			"bashkortostan", "buryatia", "dagestan", "karelia", "komi", "crimea", "sevastopol", "tatarstan" };

	/** A question, and the same question in SQL (its groups as the first two columns). */
	private record Question(String measure, String by, String sql) {
	}

	private static final List<Question> QUESTIONS = List.of(
			new Question("incidents", "month,type",
					"SELECT substr(day, 1, 7), type, COUNT(*) FROM fact_incident GROUP BY substr(day, 1, 7), type"),
			new Question("detained", "region,type",
					"SELECT region, type, SUM(detained) FROM fact_incident GROUP BY region, type"),
			new Question("detained", "year,organiser",
					"SELECT substr(day, 1, 4), organiser, SUM(detained) FROM fact_incident "
							+ "GROUP BY substr(day, 1, 4), organiser"),
			new Question("incidents", "day,agreement",
					"SELECT day, agreement, COUNT(*) FROM fact_incident GROUP BY day, agreement"));

	private StatsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		System.out.printf("machine: %s%n", Bench.machine());
		try (ConfigurableApplicationContext context = Bench
			.start(Bench.temporaryDirectory("khronika-bench-stats-").resolve("data"))) {
			DataSource dataSource = context.getBean(DataSource.class);
			long started = System.nanoTime();
			insertFacts(dataSource, rows);
			System.out.printf("%,d incidents written to fact_incident in %.1f s%n", rows,
					(System.nanoTime() - started) / 1e9);
			Statistics statistics = context.getBean(Statistics.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			Actor analyst = new Actor("bench-analyst", Role.ANALYST);

			long heapBefore = usedHeap();
			started = System.nanoTime();
			statistics.compute(analyst, StatsQuery.parse("incidents", null, null, null, List.of()));
			System.out.printf("first question (reads every fact into memory): %.0f ms; heap held: %,d MB%n",
					(System.nanoTime() - started) / 1e6, (usedHeap() - heapBefore) >> 20);

			System.out.println("| question | Khronika, median | SQL GROUP BY, median | ratio |");
			System.out.println("| --- | ---: | ---: | ---: |");
			for (Question question : QUESTIONS) {
				StatsQuery query = StatsQuery.parse(question.measure(), question.by(), null, null, List.of());
				check(statistics.compute(analyst, query), sql(jdbc, question.sql()), question);
				for (int warmUp = 0; warmUp < WARM_UP; warmUp++) {
					statistics.compute(analyst, query);
					sql(jdbc, question.sql());
				}
				double[] ours = new double[RUNS];
				double[] theirs = new double[RUNS];
				for (int run = 0; run < RUNS; run++) {
					long start = System.nanoTime();
					statistics.compute(analyst, query);
					ours[run] = (System.nanoTime() - start) / 1e6;
					start = System.nanoTime();
					sql(jdbc, question.sql());
					theirs[run] = (System.nanoTime() - start) / 1e6;
				}
				double ourMedian = Bench.median(ours);
				double theirMedian = Bench.median(theirs);
				System.out.printf("| %s by %s | %.0f ms | %.0f ms | %.2f |%n", question.measure(), question.by(),
						ourMedian, theirMedian, ourMedian / theirMedian);
			}
		}
	}

	/** The heap in use after a full collection (as near as System.gc() gets). */
	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	/** The groups the SQL gives, as "first|second" → figure (null groups as ""). */
	private static Map<String, Long> sql(JdbcTemplate jdbc, String sql) {
		Map<String, Long> groups = new HashMap<>();
		jdbc.query(sql, rs -> {
			groups.put(value(rs.getString(1)) + "|" + value(rs.getString(2)), rs.getLong(3));
		});
		return groups;
	}

	private static void check(StatsResult result, Map<String, Long> expected, Question question) {
		Map<String, Long> actual = new HashMap<>();
		result.rows()
			.forEach(row -> actual.put(value(row.values().get(0)) + "|" + value(row.values().get(1)),
					row.figure().value()));
		if (!actual.equals(expected)) {
			throw new IllegalStateException(question.measure() + " by " + question.by()
					+ ": statistics and SQL disagree (" + actual.size() + " and " + expected.size() + " groups)");
		}
	}

	private static String value(String value) {
		return (value != null) ? value : "";
	}

	/** Invented incidents of the fixture's shape, spread over fifteen years and a dozen regions. */
	private static void insertFacts(DataSource dataSource, int rows) throws SQLException {
		Random random = new Random(20120506);
		LocalDate first = LocalDate.of(2011, 12, 4);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO fact_incident (id, day, region, type, topic, organiser, agreement, detained, "
							+ "restricted, created_by, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")) {
				for (int i = 1; i <= rows; i++) {
					insert.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
					insert.setString(2, first.plusDays(random.nextInt(5500)).toString());
					insert.setString(3, REGIONS[random.nextInt(REGIONS.length)]);
					insert.setString(4, TYPES[random.nextInt(TYPES.length)]);
					insert.setString(5, "Тема " + random.nextInt(40));
					insert.setString(6, "Оргкомитет " + random.nextInt(60));
					insert.setString(7, (random.nextInt(10) == 0) ? "agreed"
							: ((random.nextInt(5) == 0) ? null : "not-agreed"));
					insert.setInt(8, random.nextInt(300));
					insert.setString(9, "bench-importer");
					insert.setLong(10, i);
					insert.addBatch();
					if (i % 5000 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			try (PreparedStatement position = connection.prepareStatement(
					"INSERT INTO projection_position (projection, last_seq) VALUES ('registry_record', ?)")) {
				position.setLong(1, rows);
				position.executeUpdate();
			}
			connection.commit();
		}
	}

}
