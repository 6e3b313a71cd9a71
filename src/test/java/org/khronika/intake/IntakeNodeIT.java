package org.khronika.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.WebSession;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.intake.web.IntakeNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keyless intake node: a directory with only the intake key's public half, a
 * PostgreSQL role that may only insert reports. It takes a report that the staff node
 * then opens; it holds no key material; its role can read, change or delete nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeNodeIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static TestDatabase database;

	/** What the README tells an operator to run, for a role of this name. */
	static List<String> insertOnlyRole(String role) {
		return List.of("CREATE ROLE " + role + " LOGIN", "GRANT INSERT ON intake_report, intake_attachment TO " + role);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		database = TestApplication.register(registry, DATA, Engine.POSTGRESQL);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reports reports;

	@Autowired
	ApplicationContext context;

	@Test
	void theNodeTakesAReportItCanNeitherOpenNorReadBackAndHoldsNoKey() throws Exception {
		String role = "khronika_intake_" + System.nanoTime() % 1_000_000;
		insertOnlyRole(role).forEach(this.jdbc::execute);
		Path node = Files.createTempDirectory("khronika-intake-node-");
		Files.copy(DATA.resolve("intake-key.json"), node.resolve("intake-key.json"));

		try (ConfigurableApplicationContext intake = IntakeNode.start(node,
				Map.of("server.port", 0, "spring.datasource.url", database.url(), "spring.datasource.username", role,
						"logging.level.root", "WARN"))) {
			int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) intake).getWebServer()
				.getPort();
			WebSession reporter = new WebSession(port);
			assertThat(reporter.get("/report?lang=en").text()).contains("Report what happened")
				.doesNotContain("I have a receipt");
			byte[] photo = org.khronika.intake.files.Samples.jpeg();
			WebSession.Response sent = reporter.postMultipart("/report",
					Map.of("what", List.of("detention"), "region", List.of("moscow"), "person", List.of("Узлов Пётр"),
							"relation", List.of("witness")),
					List.of(new WebSession.Upload("files", "photo.jpg", "image/jpeg", photo)), Map.of());
			assertThat(sent.status()).isEqualTo(200);
			Matcher code = Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}").matcher(sent.body());
			assertThat(code.find()).isTrue();
			assertThat(sent.header("Set-Cookie")).isNull();

			// the staff node has it, and opens it
			assertThat(this.reports.status(Receipt.parse(code.group()).orElseThrow())).hasValue(ReportState.NEW);
			Staff editor = Staff.add(this.context, "node-editor", Role.EDITOR);
			String id = this.jdbc.queryForObject("SELECT id FROM intake_report WHERE region = 'moscow'", String.class);
			assertThat(this.reports.open(editor.actor(), id).orElseThrow().answers().person()).isEqualTo("Узлов Пётр");
			assertThat(this.reports.openFile(editor.actor(), id, 0, true).orElseThrow().content())
				.as("the photo, cleaned and sealed on the node, opens on the staff node")
				.isEqualTo(photo);
			assertThat(org.khronika.intake.files.MetadataRemoval
				.hidden(this.reports.openFile(editor.actor(), id, 0, false).orElseThrow().content())).isEmpty();

			// the node answers nothing else
			assertThat(reporter.get("/persons").status()).isEqualTo(403);
			assertThat(reporter.get("/report/status").status()).isEqualTo(403);
			assertThat(reporter.get("/intake").status()).isEqualTo(403);
			WebSession.Response edited = reporter.get("/report/a%2Fb");
			assertThat(edited.status()).isEqualTo(400);
			assertThat(edited.body()).as("the server's own refusal, on Khronika's page, leading back to the form")
				.contains("Запрос не понят", "href=\"/report\"")
				.doesNotContain("HTTP Status");
		}
		try (Stream<Path> files = Files.walk(node)) {
			assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
				.as("no key material but the public key, no database, no file of a report")
				.containsExactly("intake-key.json");
		}

		try (Connection asNode = DriverManager.getConnection(database.url(), role, "")) {
			for (String forbidden : List.of("SELECT * FROM intake_report", "SELECT receipt_hash FROM intake_report",
					"UPDATE intake_report SET state = 'spam'", "DELETE FROM intake_report",
					"SELECT * FROM intake_message", "SELECT * FROM intake_attachment", "DELETE FROM intake_attachment",
					"SELECT * FROM log_entry", "SELECT * FROM registry_record", "SELECT * FROM account",
					"INSERT INTO intake_message (report_id, position, sent_on, author, body) "
							+ "VALUES ('x', 1, '2026-01-01', 'monitor', 'x')",
					"CREATE TABLE taken (x INTEGER)")) {
				assertThatThrownBy(() -> asNode.createStatement().execute(forbidden)).as(forbidden)
					.hasMessageContaining("permission denied");
			}
		}
		this.jdbc.execute("DROP OWNED BY " + role);
		this.jdbc.execute("DROP ROLE " + role);
	}

}
