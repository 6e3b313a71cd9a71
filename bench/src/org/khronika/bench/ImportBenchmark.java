package org.khronika.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Imports a synthetic table of the OVD-Info fixture's shape (its columns, kinds of value
 * and share of empty cells; every value invented) through the shipped profile, end to
 * end: both passes, the log, the sealing of descriptions, the projections and the fact
 * tables. Then, in the same run and the same database, inserts the same rows with plain
 * batched INSERTs into a table of their own: the floor any import stands on.
 *
 * <pre>bench/run import [ROWS]</pre>
 */
public final class ImportBenchmark {

	private static final String[] TYPES = { "пикет", "одиночный пикет", "митинг", "марш", "акция", "агитация",
			"прогулки, оккупай", "оккупай", "эколагерь", "флеш-моб", "Стратегия-31", "активист", "другое" };

	private static final String[] TOPICS = { "За честные выборы", "Против войны", "Экология", "Против цензуры",
			"Свобода собраний", "Солидарность с задержанными", "Социальные права", "" };

	private static final String[] PLACES = { "площадь Вымышленная", "бульвар Придуманный", "сквер Условный",
			"улица Примерная, 1", "набережная Тестовая", "" };

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		Path dir = Bench.temporaryDirectory("khronika-bench-import-");
		Path table = dir.resolve("synthetic.csv");
		List<String[]> generated = generate(rows);
		write(generated, table);
		System.out.printf("machine: %s%n", Bench.machine());
		System.out.printf("table: %,d rows, %,d bytes%n", rows, Files.size(table));
		try (ConfigurableApplicationContext context = Bench.start(dir.resolve("data"))) {
			Actor editor = new Actor("bench-editor", Role.EDITOR);
			context.getBean(Accounts.class)
				.add(new Actor("cli", Role.ADMIN), editor.login(), "bench-password-123".toCharArray(), Role.EDITOR,
						true);
			Importer importer = context.getBean(Importer.class);
			MappingProfile profile = MappingProfile.load(Path.of("profiles/ovdinfo-moscow-2011-2012.yaml"));

			long started = System.nanoTime();
			ImportReport report = importer.run(editor, profile, table, false, (phase, done, fraction) -> {
			});
			double importSeconds = (System.nanoTime() - started) / 1e9;
			if (report.created() != rows || !report.problems().isEmpty()) {
				throw new IllegalStateException("the import did not create every row: " + report.created() + " of "
						+ rows + ", " + report.problems().size() + " problems");
			}

			started = System.nanoTime();
			plainInserts(context.getBean(DataSource.class), generated);
			double insertSeconds = (System.nanoTime() - started) / 1e9;

			System.out.printf("import through the profile: %.1f s, %,.0f rows/s%n", importSeconds,
					rows / importSeconds);
			System.out.printf("plain INSERT, batches of 500: %.1f s, %,.0f rows/s%n", insertSeconds,
					rows / insertSeconds);
			System.out.printf("ratio: the import takes %.1f× as long as plain INSERTs%n",
					importSeconds / insertSeconds);
		}
	}

	/** Rows like the fixture's: date, agreement, type, subject, organiser, comment, place, total, id. */
	static List<String[]> generate(int rows) {
		Random random = new Random(20111204);
		DateTimeFormatter format = DateTimeFormatter.ofPattern("dd.MM.yyyy");
		LocalDate first = LocalDate.of(2011, 12, 4);
		List<String[]> generated = new ArrayList<>(rows);
		for (int i = 1; i <= rows; i++) {
			LocalDate date = first.plusDays(random.nextInt(5000));
			String agreement = (random.nextInt(10) == 0) ? "согласовано" : "не согласовано";
			String comment = (random.nextInt(4) == 0) ? "Вымышленный комментарий № " + i + ": задержания у метро." : "";
			generated.add(new String[] { date.format(format), agreement, TYPES[random.nextInt(TYPES.length)],
					TOPICS[random.nextInt(TOPICS.length)], "Оргкомитет " + (1 + random.nextInt(60)), comment,
					PLACES[random.nextInt(PLACES.length)], Integer.toString(random.nextInt(300)),
					Integer.toString(i) });
		}
		return generated;
	}

	static void write(List<String[]> rows, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			csv.printRecord("date", "agreement", "type", "subject", "organizator", "comment", "place", "total", "id");
			for (String[] row : rows) {
				csv.printRecord((Object[]) row);
			}
		}
	}

	/** The same rows, as they are, into a table of their own: one INSERT each, 500 per commit. */
	static void plainInserts(DataSource dataSource, List<String[]> rows) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement()
				.execute("CREATE TABLE bench_plain (row_date VARCHAR(10), agreement VARCHAR(40), type VARCHAR(40), "
						+ "subject VARCHAR(300), organiser VARCHAR(300), comment TEXT, place VARCHAR(300), "
						+ "total INTEGER, row_id VARCHAR(20))");
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO bench_plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				int inBatch = 0;
				for (String[] row : rows) {
					for (int i = 0; i < 7; i++) {
						insert.setString(i + 1, row[i]);
					}
					insert.setInt(8, Integer.parseInt(row[7]));
					insert.setString(9, row[8]);
					insert.addBatch();
					if (++inBatch == 500) {
						insert.executeBatch();
						connection.commit();
						inBatch = 0;
					}
				}
				insert.executeBatch();
				connection.commit();
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

}
