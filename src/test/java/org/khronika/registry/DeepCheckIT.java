package org.khronika.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.cli.Jar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify-log --deep}: the tables beside the log, changed behind Khronika's back
 * the ways issue 13 tried (a record un-restricted in the read table, an admin API token
 * inserted, every row of the audit trail deleted, a role raised), one link of a record
 * deleted, another account's password copied in, a prisoner listed with no editor's
 * decision, an intake token inserted and a revoked one made live again, are each named;
 * and a server asked to check at start stops writes and says why.
 */
class DeepCheckIT {

	@TempDir
	Path dir;

	@Test
	void everyTableChangedBehindTheLogsBackIsNamedAndStopsWrites() throws Exception {
		Path data = this.dir.resolve("data");
		String dataOption = "--data=" + data;
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", dataOption).exitCode()).isZero();
		Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18471", dataOption).stop();
		assertThat(Jar
			.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password 5"), "user", "add", "--login", "an-editor",
					"--role", "editor", dataOption)
			.exitCode()).isZero();
		assertThat(Jar
			.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password 6"), "user", "add", "--login", "a-writer",
					"--role", "editor", dataOption)
			.exitCode()).isZero();
		String token = Jar.run(Map.of(), "token", "create", "--login", "a-writer", "--role", "editor", dataOption)
			.out()
			.strip();
		for (String label : new String[] { "a-bot", "a-stopped-bot" }) {
			assertThat(Jar.run(Map.of(), "intake-token", "create", "--label", label, dataOption).exitCode()).isZero();
		}
		assertThat(Jar.run(Map.of(), "intake-token", "revoke", "--label", "a-stopped-bot", dataOption).exitCode())
			.isZero();

		Jar.Result clean = Jar.run(Map.of(), "verify-log", "--deep", dataOption);
		assertThat(clean.exitCode()).as(clean.all()).isZero();
		assertThat(clean.out()).containsPattern(
				"deep: ok, [\\d,]+ rows of \\d+ tables, every account with its credentials and tokens, and every prisoner decision and snapshot agree with the log");

		String record;
		String link;
		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"));
				Statement sql = db.createStatement()) {
			try (ResultSet rs = sql.executeQuery("SELECT id FROM registry_record WHERE kind = 'case' LIMIT 1")) {
				rs.next();
				record = rs.getString(1);
			}
			sql.executeUpdate("UPDATE registry_record SET restricted = NOT restricted WHERE id = '" + record + "'");
			try (ResultSet rs = sql.executeQuery("SELECT from_id, relation, to_id FROM registry_link WHERE from_id IN "
					+ "(SELECT from_id FROM registry_link GROUP BY from_id HAVING COUNT(*) > 1) LIMIT 1")) {
				assertThat(rs.next()).as("a record with several links").isTrue();
				link = rs.getString(1) + " / " + rs.getString(2) + " / " + rs.getString(3);
			}
			// one link of several: its record keeps others, so only the row's whole key
			// tells that it is gone
			sql.executeUpdate(
					"DELETE FROM registry_link WHERE from_id || ' / ' || relation || ' / ' || to_id = '" + link + "'");
			sql.executeUpdate("INSERT INTO api_token (token_hash, login, role, label, created_at, expires_at) VALUES "
					+ "('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'demo', 'admin', 'x', "
					+ "'2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')");
			sql.executeUpdate("DELETE FROM audit_trail");
			// a table of an operator's own, without a primary key, whose rows are alike:
			// the log makes none of it, and nothing of it differs
			sql.executeUpdate("CREATE TABLE operator_notes (note TEXT)");
			sql.executeUpdate("INSERT INTO operator_notes VALUES ('checked'), ('checked')");
			sql.executeUpdate("UPDATE account SET role = 'admin' WHERE login = 'an-editor'");
			sql.executeUpdate("INSERT INTO prisoner_decision (person_id, methodology, reasons, decided_by, decided_on) "
					+ "VALUES ('" + record + "', 'editors-decision', X'01', 'an-editor', '2026-01-01')");
			sql.executeUpdate("UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE login = "
					+ "'a-writer') WHERE login = 'an-editor'");
			// a bot of one's own to hand in reports, and a stopped one started again
			sql.executeUpdate("INSERT INTO intake_token (token_hash, label, created_on, revoked) VALUES "
					+ "('fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210', 'a-planted-bot', "
					+ "'2026-01-01', FALSE)");
			sql.executeUpdate("UPDATE intake_token SET revoked = FALSE WHERE label = 'a-stopped-bot'");
		}

		Jar.Result tampered = Jar.run(Map.of(), "verify-log", "--deep", dataOption);

		assertThat(tampered.exitCode()).isEqualTo(1);
		assertThat(tampered.out()).startsWith("ok ")
			.contains("deep: FAILED: registry_record row " + record + " is not what the log makes it (it differs)",
					"deep: FAILED: registry_link row " + link + " is missing: the log makes it",
					"deep: FAILED: API token 0123456789ab of demo is in the table, but no log entry made it",
					"deep: FAILED: audit_trail row ", "is missing: the log makes it",
					"deep: FAILED: account an-editor has the role admin in the table, editor in the log",
					"deep: FAILED: account an-editor has a password in the table that no log entry set",
					"deep: FAILED: prisoner_decision row " + record
							+ " / editors-decision is not what the log makes it (the log has no such decision)",
					"deep: FAILED: intake token a-planted-bot (fedcba987654) is in the table, but no log entry made it");
		assertThat(tampered.out()).containsPattern(
				"deep: FAILED: intake token a-stopped-bot \\([0-9a-f]{12}\\) is revoked in the log, but live in the table");
		assertThat(tampered.out()).doesNotContain("operator_notes", "intake token a-bot ");

		assertThat(Jar.run(Map.of(), "verify-log", "--deep", dataOption).out())
			.as("the check rolls its rebuild back: it repairs nothing")
			.contains("deep: FAILED: registry_record row " + record + " is not what the log makes it (it differs)",
					"deep: FAILED: audit_trail row ");

		Jar.Served server = Jar.serve(Map.of("KHRONIKA_VERIFY_DEEP_AT_START", "true"), "serve", "--port", "18472",
				dataOption);
		try {
			HttpResponse<String> write = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18472/api/v1/persons"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"names\": [\"Глубокая Проверка\"]}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
			assertThat(write.body()).contains("\"code\":\"writes_stopped\"", "Nothing of this change was saved");
			HttpResponse<String> ready = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18472/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(ready.statusCode()).as("not ready while writes are stopped: " + ready.body()).isEqualTo(503);
		}
		finally {
			server.stop();
		}
	}

}
