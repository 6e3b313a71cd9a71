package org.khronika.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.crypto.KeyringFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run from the built jar as a separate process. */
class CommandLineIT {

	private static final String PASSPHRASE = "a long and invented passphrase";

	@TempDir
	Path dir;

	@Test
	void aNewInstallationFromInitToVerifiedLog() throws Exception {
		Path data = this.dir.resolve("data");
		String dataOption = "--data=" + data;

		Jar.Result init = Jar.run(Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE), "init", dataOption);
		assertThat(init.exitCode()).as(init.all()).isZero();
		Matcher recovery = Pattern.compile("([0-9a-f]{4}-){15}[0-9a-f]{4}").matcher(init.out());
		assertThat(recovery.find()).as("the recovery key is printed once").isTrue();
		assertThat(KeyringFile.isProtected(data)).isTrue();

		Jar.Result user = Jar.run(Map.of("KHRONIKA_NEW_PASSWORD", "another invented password"), "user", "add",
				"--login", "anna", "--role", "admin", dataOption);
		assertThat(user.exitCode()).as(user.all()).isZero();
		assertThat(Jar.run(Map.of(), "user", "add", "--login", "Anna K", "--role", "admin", dataOption).err())
			.as("a login no account could have is refused before a password is asked for")
			.contains("a login is 2 to 64 characters")
			.doesNotContain("KHRONIKA_NEW_PASSWORD");
		Jar.Result token = Jar.run(Map.of(), "token", "create", "--login", "anna", dataOption);
		assertThat(token.exitCode()).as(token.all()).isZero();
		assertThat(token.out().strip()).matches("kht_[A-Za-z0-9_-]{43}");
		Jar.Result listed = Jar.run(Map.of(), "token", "list", "--login", "anna", dataOption);
		assertThat(listed.out()).as("a token is listed by its id, never shown again")
			.containsPattern("[0-9a-f]{12}  anna +admin .*active until ")
			.doesNotContain(token.out().strip());
		assertThat(Jar.run(Map.of(), "token", "list", "--login", "anne", dataOption).err())
			.contains("no account 'anne'");

		// someone who knew the passphrase leaves: a new passphrase, then a new recovery
		// key
		String newPassphrase = "the passphrase after a colleague left";
		Jar.Result changed = Jar.run(
				Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE, "KHRONIKA_NEW_PASSPHRASE", newPassphrase), "keys",
				"passphrase", dataOption);
		assertThat(changed.exitCode()).as(changed.all()).isZero();
		assertThat(Jar.run(Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE), "keys", "recovery", dataOption).err())
			.as("the old passphrase no longer unlocks")
			.contains("does not unlock the keyring");
		Jar.Result reissued = Jar.run(Map.of("KHRONIKA_PASSPHRASE", newPassphrase), "keys", "recovery", dataOption);
		assertThat(reissued.exitCode()).as(reissued.all()).isZero();
		Matcher newRecovery = Pattern.compile("([0-9a-f]{4}-){15}[0-9a-f]{4}").matcher(reissued.out());
		assertThat(newRecovery.find()).isTrue();
		assertThat(newRecovery.group()).isNotEqualTo(recovery.group());

		// the server accepts the (new) recovery key in place of the passphrase
		Jar.Served served = Jar.serve(Map.of("KHRONIKA_PASSPHRASE", newRecovery.group()), "serve", "--port", "18431",
				dataOption);
		try {
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:18431/api/v1/persons"))
					.header("Authorization", "Bearer " + token.out().strip())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"names\": [\"Пётр Тестов\"], \"birthYear\": 1987, \"region\": \"Москва\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		finally {
			served.stop();
		}

		Jar.Result verified = Jar.run(Map.of(), "verify-log", dataOption);
		assertThat(verified.exitCode()).as(verified.all()).isZero();
		// the person recorded through the API; then, in the audit trail's chain, the
		// account, its token and the entry of the person being shown back
		assertThat(verified.out()).startsWith("ok 1 entry (1 signed checkpoint)")
			.contains("audit trail: ok 3 entries (1 signed checkpoint)");
	}

	@Test
	void aWrongPassphraseAndDemoModeAreRefusedOnAProtectedDirectory() throws Exception {
		Path data = this.dir.resolve("data");
		assertThat(Jar.run(Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE), "init", "--data=" + data).exitCode()).isZero();

		Jar.Result refused = Jar.run(Map.of("KHRONIKA_PASSPHRASE", "not the passphrase"), "serve", "--port", "18432",
				"--data=" + data);

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("khronika: this passphrase or recovery key does not unlock the keyring");
		assertThat(refused.all()).doesNotContain("Exception").doesNotContain("\tat ");

		Jar.Result demo = Jar.run(Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE), "serve", "--demo", "--demo-persons=0",
				"--port", "18432", "--data=" + data);
		assertThat(demo.exitCode()).as("no demo login in a real installation").isEqualTo(1);
		assertThat(demo.err()).contains("--demo is only for demonstration directories");

		Jar.Result nowhere = Jar.run(Map.of(), "verify-log", "--data=" + this.dir.resolve("nowhere"));
		assertThat(nowhere.exitCode()).isEqualTo(1);
		assertThat(nowhere.err()).contains("no Khronika data directory at ", "run 'init --data ");
	}

	@Test
	void aServerThatCannotStartSaysWhyInOneLine() throws Exception {
		Path data = this.dir.resolve("data");
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", "--data=" + data).exitCode()).isZero();

		Jar.Result noDatabase = Jar.run(
				Map.of("KHRONIKA_DB_URL", "jdbc:postgresql://127.0.0.1:1/khronika", "KHRONIKA_DB_USER", "postgres"),
				"serve", "--port", "18433", "--data=" + data);
		assertThat(noDatabase.exitCode()).isEqualTo(1);
		assertThat(noDatabase.err()).contains("khronika: the database cannot be used (",
				"): its server cannot be reached (SQL state 08001); check KHRONIKA_DB_URL");
		Jar.Result noSuchDatabase = Jar.run(Map.of("KHRONIKA_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/khronika_never_made", "KHRONIKA_DB_USER", "postgres"), "serve",
				"--port", "18433", "--data=" + data);
		assertThat(noSuchDatabase.err())
			.contains("): no database of that name (SQL state 3D000); check KHRONIKA_DB_URL")
			.as("the database's own message is not repeated: it may quote what was stored")
			.doesNotContain("khronika_never_made");

		Path damaged = this.dir.resolve("damaged");
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", "--data=" + damaged).exitCode()).isZero();
		Files.writeString(damaged.resolve("khronika.db"), "a file that is not an SQLite database");
		Files.deleteIfExists(damaged.resolve("khronika.db-wal"));
		Jar.Result notADatabase = Jar.run(Map.of(), "serve", "--port", "18433", "--data=" + damaged);
		assertThat(notADatabase.exitCode()).isEqualTo(1);
		assertThat(notADatabase.err())
			.contains("): khronika.db in the data directory is not a database: restore a backup ('restore')");

		Path file = Files.writeString(this.dir.resolve("a-file"), "");
		Jar.Result noBackups = Jar.run(Map.of("KHRONIKA_BACKUP_DIRECTORY", file.resolve("backups").toString()), "serve",
				"--port", "18433", "--data=" + data);
		assertThat(noBackups.exitCode()).isEqualTo(1);
		assertThat(noBackups.err()).contains("khronika: the backup directory could not be made or read: ");

		Jar.Served first = Jar.serve(Map.of(), "serve", "--port", "18441", "--data=" + data);
		Jar.Result second;
		try {
			second = Jar.run(Map.of(), "serve", "--port", "18442", "--data=" + data);
		}
		finally {
			first.stop();
		}
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.err())
			.contains("khronika: another Khronika server runs on the data directory " + data + ": stop it first");
		Jar.Served again = Jar.serve(Map.of(), "serve", "--port", "18442", "--data=" + data);
		again.stop();
		assertThat(again.printed()).as("the lock goes with the server that held it").contains("Khronika is running");

		Path newer = this.dir.resolve("newer");
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", "--data=" + newer).exitCode()).isZero();
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve("khronika.db"))) {
			// as a later build's migration would leave it
			connection.createStatement()
				.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
						+ "checksum, installed_by, execution_time, success) "
						+ "VALUES (999, '999', 'a later build', 'SQL', 'V999__later.sql', 1, 'khronika', 1, 1)");
		}
		Jar.Result tooNew = Jar.run(Map.of(), "serve", "--port", "18433", "--data=" + newer);
		assertThat(tooNew.exitCode()).isEqualTo(1);
		assertThat(tooNew.err()).containsPattern(
				"khronika: the database was migrated by a newer Khronika, to schema version 999; this build knows "
						+ "versions up to \\d+: run that newer build");

		Jar.Result noPort = Jar.run(Map.of(), "serve", "--port", "70000", "--data=" + data);
		assertThat(noPort.exitCode()).isEqualTo(1);
		assertThat(noPort.err()).contains("khronika: --port: 70000 is not a port; 1 to 65535");
		assertThat(
				Jar.run(Map.of(), "serve", "--demo", "--demo-persons=-5", "--data=" + this.dir.resolve("demo")).err())
			.contains("khronika: --demo-persons: -5; 0 or more");
		assertThat(this.dir.resolve("demo")).as("refused before anything is made").doesNotExist();

		try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
			Jar.Result portInUse = Jar.run(Map.of(), "serve", "--port", Integer.toString(taken.getLocalPort()),
					"--data=" + data);
			assertThat(portInUse.exitCode()).isEqualTo(1);
			assertThat(portInUse.err())
				.contains("khronika: port " + taken.getLocalPort() + " is in use: stop what listens there");
			assertThat(List.of(noDatabase, noSuchDatabase, notADatabase, noBackups, second, tooNew, noPort, portInUse))
				.as("no stack trace, no exception's message")
				.allSatisfy(result -> assertThat(result.all()).doesNotContain("\tat ", "Application run failed"));
		}
	}

	@Test
	void verifyLogNamesTheFirstTamperedEntryThenShredAndRebuildKeepTheChainIntact() throws Exception {
		Path data = this.dir.resolve("demo");
		String dataOption = "--data=" + data;
		// the jar itself, as the README starts it (other tests start its extracted copy)
		Jar.Served demo = Jar.serveAsBuilt(Map.of(), "serve", "--demo", "--port", "18433", dataOption);
		demo.stop();
		assertThat(demo.printed()).contains("UNPROTECTED", "Log in as 'demo' with the password ");
		int records = loaded(demo);

		Jar.Result intact = Jar.run(Map.of(), "verify-log", dataOption);
		assertThat(intact.exitCode()).as(intact.all()).isZero();
		// the synthetic records; the demo account's creation is in the audit trail's
		// chain
		assertThat(intact.out()).startsWith("ok " + records + " entries").contains("audit trail: ok 1 entry");

		String person = firstPerson(data);
		Jar.Result shred = Jar.run(Map.of(), "shred", "--person", person, "--as", "demo", dataOption);
		assertThat(shred.exitCode()).as(shred.all()).isZero();
		assertThat(shred.out()).contains("shredded person " + person, "These records refer to the person", "case ");
		assertThat(Jar.run(Map.of(), "shred", "--person", person, "--as", "demo", dataOption).err())
			.contains("was shredded already");

		Jar.Result rebuilt = Jar.run(Map.of(), "rebuild", dataOption);
		assertThat(rebuilt.exitCode()).as(rebuilt.all()).isZero();
		// the shredding; the records shown as mentioning the person are in the audit
		// trail's chain
		int shredded = records + 1;
		assertThat(rebuilt.out())
			.contains(String.format(java.util.Locale.ROOT, "rebuilt read tables from %,d log entries", shredded));
		assertThat(Jar.run(Map.of(), "verify-log", dataOption).out()).startsWith("ok " + shredded + " entries")
			.contains("audit trail: ok 2 entries");

		// the head, kept anywhere; the log extends it, and no longer does once cut back
		Jar.Result head = Jar.run(Map.of(), "verify-log", "--print-head", dataOption);
		String line = head.out()
			.lines()
			.filter(l -> l.startsWith("khronika-head/1 log " + shredded + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError(head.all()));
		assertThat(head.out()).containsPattern("checkpoint key sha256 [0-9a-f]{64}")
			.contains("extends the head witnessed in log-head.txt at entry " + shredded);
		assertThat(Jar.run(Map.of(), "verify-log", "--since", line, dataOption).out())
			.contains("extends the head given at entry " + shredded);
		int kept = shredded - 2;
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"))) {
			connection.createStatement().executeUpdate("DELETE FROM log_entry WHERE seq > " + kept);
			connection.createStatement().executeUpdate("DELETE FROM log_checkpoint WHERE seq > " + kept);
		}
		Jar.Result cut = Jar.run(Map.of(), "verify-log", "--since", line, dataOption);
		assertThat(cut.exitCode()).isEqualTo(1);
		assertThat(cut.out()).startsWith("ok " + kept + " entries")
			.contains("FAILED against the head witnessed in log-head.txt: the log ends at entry " + kept
					+ ", before the head witnessed at entry " + shredded + ": 2 entries were removed")
			.contains("FAILED against the head given: the log ends at entry " + kept);
		Jar.Result refused = Jar.run(Map.of(), "serve", "--port", "18439", dataOption);
		assertThat(refused.exitCode()).as("the server does not start on a log cut back").isEqualTo(1);
		assertThat(refused.err()).contains("refusing to start: the log ends at entry " + kept);

		String[] tampered = tamper(data);
		Jar.Result broken = Jar.run(Map.of(), "verify-log", dataOption);
		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(broken.out()).startsWith("FAILED at entry " + tampered[0] + " (id " + tampered[1] + ")")
			.contains("changed after it was written");
	}

	@Test
	void aPreviewOfThePublicationShowsSmallCountsOfPeopleAsBelowFiveAndCountsOfEventsAsTheyAre() throws Exception {
		Path data = this.dir.resolve("publish");
		String dataOption = "--data=" + data;
		Jar.Served demo = Jar.serve(Map.of(), "serve", "--demo", "--port", "18436", dataOption);
		demo.stop();
		int records = loaded(demo);

		Jar.Result preview = Jar.run(Map.of(), "publish", "preview", "--lang", "en", "--as", "demo", dataOption);

		assertThat(preview.exitCode()).as(preview.all()).isZero();
		assertThat(preview.out()).contains("== detained-by-year: People detained at public events, by year",
				"Not suppressed: it counts events, not people.", "== persons-by-region: Persons prosecuted by region",
				"Counts from 1 to 4 are shown as '< 5'", "== cases-by-year-and-article: Cases by year and law article");
		String persons = preview.out()
			.substring(preview.out().indexOf("== persons-by-region"), preview.out().indexOf("== cases-by-year"));
		assertThat(persons).as("the demo's three persons in one region are a small count").contains("< 5");
		assertThat(persons.lines().skip(3).findFirst().orElseThrow()).as("no count of persons below 5 is shown")
			.doesNotContainPattern("(^|\\s)[1-4](\\s|$)");

		Jar.Result snapshot = Jar.run(Map.of(), "publish", "snapshot", "--as", "demo", dataOption);
		assertThat(snapshot.exitCode()).as(snapshot.all()).isZero();
		assertThat(snapshot.out()).containsPattern(
				"snapshot [0-9a-f-]{36} as of \\d{4}-\\d{2}-\\d{2}, log position " + records + ", sha256 [0-9a-f]{64}");
		assertThat(Jar.run(Map.of(), "publish", "snapshots", dataOption).out()).contains("matches its log entry");
		String day;
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"));
				java.sql.Statement statement = connection.createStatement()) {
			java.sql.ResultSet taken = statement.executeQuery("SELECT taken_on FROM publication_snapshot");
			taken.next();
			day = taken.getString(1);
			statement.executeUpdate("UPDATE publication_snapshot SET taken_on = '2020-01-01'");
		}
		Jar.Result misdated = Jar.run(Map.of(), "publish", "snapshots", dataOption);
		assertThat(misdated.exitCode()).as("for a script, as verify-log").isEqualTo(1);
		assertThat(misdated.out()).contains("2020-01-01", "DOES NOT MATCH its log entry");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"));
				java.sql.PreparedStatement statement = connection
					.prepareStatement("UPDATE publication_snapshot SET taken_on = ?")) {
			statement.setString(1, day);
			statement.executeUpdate();
		}
		assertThat(Jar.run(Map.of(), "publish", "snapshots", dataOption).exitCode()).as("put back").isZero();
		assertThat(Jar.run(Map.of(), "publish", "changes", dataOption).err()).as("one snapshot is not two")
			.contains("two snapshots are needed");
		Jar.run(Map.of(), "publish", "snapshot", "--as", "demo", dataOption);
		assertThat(Jar.run(Map.of(), "publish", "changes", "--lang", "en", dataOption).out())
			.as("nothing was recorded between the two")
			.contains(": 0 counts moved");
		assertThat(Jar.run(Map.of(), "verify-log", dataOption).out()).as("the snapshots' entries are in the chain")
			.startsWith("ok " + (records + 2) + " entries");

		// the static site of the latest snapshot, signed, checked with and without
		// Khronika
		Path site = this.dir.resolve("site");
		Jar.Result written = Jar.run(Map.of(), "publish", "site", "--out", site.toString(), dataOption);
		assertThat(written.exitCode()).as(written.all()).isZero();
		assertThat(written.out()).contains("written to " + site);
		Jar.Result verified = Jar.run(Map.of(), "publish", "verify", site.toString(), "--key",
				data.resolve("publication-key.pem").toString());
		assertThat(verified.exitCode()).as(verified.all()).isZero();
		assertThat(verified.out()).startsWith("verified: every file of " + site);
		assertThat(openSsl(site)).as("OpenSSL alone checks the signature").isZero();
		assertThat(Jar.run(Map.of(), "publish", "site", "--out", site.toString(), dataOption).err())
			.as("a site is never written over another")
			.contains("is not empty");

		// its open data, imported through a profile into another Khronika, gives the same
		// incident figures
		Path other = this.dir.resolve("reimport");
		String otherOption = "--data=" + other;
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", otherOption).exitCode()).isZero();
		assertThat(Jar
			.run(Map.of("KHRONIKA_NEW_PASSWORD", "a long enough password 1"), "user", "add", "--login", "reader",
					"--role", "admin", otherOption)
			.exitCode()).isZero();
		Jar.Result imported = Jar.run(Map.of(), "import", "--as", "reader", "--profile",
				"profiles/khronika-open-data-incidents.yaml", site.resolve("data/incidents.csv").toString(),
				otherOption);
		assertThat(imported.exitCode()).as(imported.all()).isZero();
		String again = Jar.run(Map.of(), "publish", "preview", "--lang", "en", "--as", "reader", otherOption).out();
		for (String figure : List.of("== detained-by-year", "== incidents-by-region")) {
			assertThat(section(again, figure)).as(figure).isEqualTo(section(preview.out(), figure));
		}

		// a changed byte anywhere fails the check
		Path page = site.resolve("en/index.html");
		byte[] bytes = java.nio.file.Files.readAllBytes(page);
		bytes[bytes.length / 2] ^= 1;
		java.nio.file.Files.write(page, bytes);
		Jar.Result tampered = Jar.run(Map.of(), "publish", "verify", site.toString());
		assertThat(tampered.exitCode()).isEqualTo(1);
		assertThat(tampered.out()).contains("FAILED: en/index.html was changed");

		// what is not a site, or not a key, is named as such
		Jar.Result noSite = Jar.run(Map.of(), "publish", "verify", site.resolve("missing").toString());
		assertThat(noSite.exitCode()).isEqualTo(1);
		assertThat(noSite.err()).contains("no site directory at " + site.resolve("missing"));
		assertThat(Jar.run(Map.of(), "publish", "verify", page.toString()).err())
			.contains(page + " is a file: give the site's directory");
		assertThat(Jar.run(Map.of(), "publish", "verify", site.toString(), "--key", page.toString()).err())
			.contains("the key " + page + " is not an Ed25519 public key in PEM");
		assertThat(Jar.run(Map.of(), "publish", "verify", site.toString(), "--key", site.resolve("none.pem").toString())
			.err()).contains("no key file at " + site.resolve("none.pem"));
		assertThat(Jar.run(Map.of(), "restore", site.toString(), "--data=" + this.dir.resolve("restored")).err())
			.contains(site + " is a directory: give the backup's file");
	}

	/**
	 * How many synthetic records the demo said it loaded: a few hundred persons,
	 * incidents and cases, and their events and sources.
	 */
	private static int loaded(Jar.Served demo) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Loaded (\\d+) synthetic demo records\\.")
			.matcher(demo.printed());
		assertThat(matcher.find()).as(demo.printed()).isTrue();
		int records = Integer.parseInt(matcher.group(1));
		assertThat(records).as("enough to show statistics, search and linkage at work").isGreaterThan(1000);
		return records;
	}

	/** A figure's lines in a preview, from its heading to the next. */
	private static String section(String preview, String heading) {
		int start = preview.indexOf(heading);
		int end = preview.indexOf("\n== ", start + 1);
		return preview.substring(start, (end < 0) ? preview.length() : end);
	}

	private static int openSsl(Path site) throws Exception {
		Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "publication-key.pem",
				"-rawin", "-in", "manifest.txt", "-sigfile", "manifest.sig")
			.directory(site.toFile())
			.redirectErrorStream(true)
			.start();
		openssl.getInputStream().readAllBytes();
		return openssl.waitFor();
	}

	@Test
	void linkageProposesTheDemosPersonRecordedTwiceAndTheClustersFollowTheDecision() throws Exception {
		Path data = this.dir.resolve("linkage");
		String dataOption = "--data=" + data;
		Jar.Served demo = Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18435", dataOption);
		demo.stop();
		assertThat(demo.printed()).as("the demo's first start proposes its persons recorded twice")
			.contains("Proposed as recorded twice: pairs of persons 1, of incidents 1");
		assertThat(Jar.run(Map.of(), "linkage", "proposals", "--format", "csv", "--as", "demo", dataOption).out())
			.as("before any run")
			.contains("Соколов = Sokolov (transliteration)");

		Jar.Result run = Jar.run(Map.of(), "linkage", "run", "--as", "demo", dataOption);
		assertThat(run.exitCode()).as(run.all()).isZero();
		assertThat(run.out()).contains("5 persons", "1 proposal (", "4 incidents, 1 proposal;");
		assertThat(run.err()).as("progress").contains("read: ");

		Jar.Result none = Jar.run(Map.of(), "linkage", "proposals", "--limit", "0", "--as", "demo", dataOption);
		assertThat(none.exitCode()).isEqualTo(1);
		assertThat(none.err()).contains("--limit: 0; at least 1 proposal");
		Jar.Result proposals = Jar.run(Map.of(), "linkage", "proposals", "--format", "csv", "--as", "demo", dataOption);
		List<String> lines = proposals.out().lines().toList();
		assertThat(lines.get(0)).isEqualTo("left,right,score,reasons");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("Соколов = Sokolov (transliteration)", "born 1979 in both");
		String[] pair = lines.get(1).split(",");
		// a person is named by the least id of its records
		String least = (pair[0].compareTo(pair[1]) < 0) ? pair[0] : pair[1];
		String other = least.equals(pair[0]) ? pair[1] : pair[0];

		Jar.Result proposed = Jar.run(Map.of(), "linkage", "clusters", "--format", "csv", "--proposed", "--as", "demo",
				dataOption);
		assertThat(proposed.out().lines().findFirst()).hasValue("record,key,cluster");
		assertThat(proposed.out()).contains(least + ",," + least, other + ",," + least);
		assertThat(Jar.run(Map.of(), "linkage", "clusters", "--as", "demo", dataOption).out())
			.as("nothing confirmed yet")
			.contains(other + ",," + other);

		assertThat(Jar.run(Map.of(), "linkage", "confirm", pair[0], pair[1], "--as", "demo", dataOption).out())
			.contains("Linked");
		assertThat(Jar.run(Map.of(), "linkage", "clusters", "--as", "demo", dataOption).out())
			.contains(other + ",," + least);
		Jar.Result again = Jar.run(Map.of(), "linkage", "confirm", pair[0], pair[1], "--as", "demo", dataOption);
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.err()).contains("These two records are linked as one person already.");
		assertThat(Jar.run(Map.of(), "linkage", "reject", pair[0], pair[1], "--as", "demo", dataOption).err())
			.contains("take the link back on the person's page first");

		// the protest reported twice
		List<String> incidents = Jar
			.run(Map.of(), "linkage", "proposals", "--kind", "incident", "--format", "csv", "--as", "demo", dataOption)
			.out()
			.lines()
			.toList();
		assertThat(incidents).hasSize(2);
		assertThat(incidents.get(1)).contains("0.750",
				"the same place: Гостиный двор = Невский проспект, Гостиный двор", "detained: 27 and 30");
		String[] protest = incidents.get(1).split(",");
		assertThat(Jar
			.run(Map.of(), "linkage", "confirm", protest[0], protest[1], "--kind", "incident", "--as", "demo",
					dataOption)
			.out()).contains("Linked");
		assertThat(Jar.run(Map.of(), "stats", "--measure", "incidents", "--format", "csv", "--as", "demo", dataOption)
			.out()
			.lines()
			.toList()).as("four incident records, one incident reported twice").containsExactly("incidents", "3");
		Jar.Result wrongKind = Jar.run(Map.of(), "linkage", "reject", protest[0], protest[1], "--kind", "place", "--as",
				"demo", dataOption);
		assertThat(wrongKind.exitCode()).isEqualTo(1);
		assertThat(wrongKind.err()).contains("--kind: 'place'; person or incident");
	}

	@Test
	void anIntakeTokenIsPrintedOnceAndCanBeRevoked() throws Exception {
		Path data = this.dir.resolve("intake-token");
		String dataOption = "--data=" + data;
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", dataOption).exitCode()).isZero();

		Jar.Result created = Jar.run(Map.of(), "intake-token", "create", "--label", "telegram-bot", dataOption);
		assertThat(created.exitCode()).as(created.all()).isZero();
		assertThat(created.out().strip()).matches("khronika-intake-[a-z2-9]{32}");
		Jar.Result again = Jar.run(Map.of(), "intake-token", "create", "--label", "telegram-bot", dataOption);
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.err()).contains("a token named 'telegram-bot' exists already");

		assertThat(Jar.run(Map.of(), "intake-token", "revoke", "--label", "telegram-bot", dataOption).out())
			.contains("Revoked intake token telegram-bot");
		assertThat(Jar.run(Map.of(), "intake-token", "revoke", "--label", "nobody", dataOption).err())
			.contains("no intake token labelled 'nobody'");

		// an intake node never runs where there is a keyring, nor on SQLite
		Jar.Result keyring = Jar.run(Map.of(), "serve", "--intake-only", dataOption);
		assertThat(keyring.exitCode()).isEqualTo(1);
		assertThat(keyring.err()).contains("holds a keyring: an intake node must hold none");
		Path node = this.dir.resolve("intake-node");
		java.nio.file.Files.createDirectories(node);
		java.nio.file.Files.copy(data.resolve("intake-key.json"), node.resolve("intake-key.json"));
		Jar.Result sqlite = Jar.run(Map.of(), "serve", "--intake-only", "--data=" + node);
		assertThat(sqlite.exitCode()).isEqualTo(1);
		assertThat(sqlite.err()).contains("set KHRONIKA_DB_URL");
	}

	@Test
	void theSameCommandsWorkOnPostgresql() throws Exception {
		Path data = this.dir.resolve("data");
		try (TestDatabase database = TestDatabases.postgres()) {
			Map<String, String> postgres = Map.of("KHRONIKA_DB_URL", database.url(), "KHRONIKA_DB_USER", "postgres");
			assertThat(Jar.run(postgres, "init", "--unprotected-key", "--data=" + data).exitCode()).isZero();
			Jar.Served demo = Jar.serve(postgres, "serve", "--demo", "--demo-persons=0", "--port", "18434",
					"--data=" + data);
			demo.stop();

			Jar.Result verified = Jar.run(postgres, "verify-log", "--data=" + data);

			assertThat(verified.exitCode()).as(verified.all()).isZero();
			assertThat(verified.out()).startsWith("ok 24 entries").contains("audit trail: ok 1 entry");
			assertThat(Jar.run(postgres, "rebuild", "--data=" + data).out()).contains("from 24 log entries");
			try (Connection connection = database.dataSource().getConnection();
					ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM registry_record")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(24);
			}
		}
	}

	@Test
	void commandsThatShowOrChangeRecordsActAsANamedAccountWithItsRole() throws Exception {
		Path data = this.dir.resolve("roles");
		String dataOption = "--data=" + data;
		Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18435", dataOption).stop();
		for (String role : List.of("editor", "lawyer", "operator", "analyst")) {
			Jar.Result added = Jar.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password"), "user", "add",
					"--login", "as-" + role, "--role", role, dataOption);
			assertThat(added.exitCode()).as(added.all()).isZero();
		}
		String person = firstPerson(data);

		Jar.Result anonymous = Jar.run(Map.of(), "shred", "--person", person, dataOption);
		assertThat(anonymous.exitCode()).as("no account named").isEqualTo(2);
		assertThat(anonymous.err()).contains("--as");
		assertThat(Jar.run(Map.of(), "shred", "--person", person, "--as", "nobody", dataOption).err())
			.contains("no enabled account 'nobody'");
		assertThat(Jar.run(Map.of(), "shred", "--person", person, "--as", "as-editor", dataOption).err())
			.contains("access denied: only an admin may shred a person");
		for (String role : List.of("lawyer", "operator", "analyst")) {
			Jar.Result refused = Jar.run(Map.of(), "shred", "--person", person, "--as", "as-" + role, dataOption);
			assertThat(refused.exitCode()).as(role).isEqualTo(1);
			assertThat(refused.err()).as(role).containsAnyOf("there is no person", "access denied");
		}
		for (String role : List.of("editor", "lawyer", "operator", "analyst")) {
			Jar.Result audit = Jar.run(Map.of(), "audit", "--user", "demo", "--as", "as-" + role, dataOption);
			assertThat(audit.exitCode()).as(role).isEqualTo(1);
			assertThat(audit.err()).as(role).contains("access denied");
		}
		assertThat(Jar.run(Map.of(), "audit", "--user", "demo", dataOption).exitCode()).isEqualTo(2);
		for (String limit : List.of("0", "-5", "1001")) {
			Jar.Result refused = Jar.run(Map.of(), "audit", "--user", "demo", "--as", "demo", "--limit", limit,
					dataOption);
			assertThat(refused.exitCode()).as(limit).isEqualTo(1);
			assertThat(refused.err()).as(limit).contains("--limit: " + limit + "; from 1 to 1000 entries");
		}

		Jar.Result shred = Jar.run(Map.of(), "shred", "--person", person, "--as", "demo", dataOption);
		assertThat(shred.exitCode()).as(shred.all()).isZero();
		Jar.Result trail = Jar.run(Map.of(), "audit", "--user", "demo", "--as", "demo", dataOption);
		assertThat(trail.exitCode()).as(trail.all()).isZero();
		assertThat(trail.out()).contains("demo", "list", "mentioning");
		Jar.Result byUser = Jar.run(Map.of(), "audit", "--user", "cli", "--as", "demo", dataOption);
		assertThat(byUser.out()).contains("account-added", "as-lawyer lawyer");
	}

	@Test
	void importShowsProgressReportsRefusedRowsAndChangesNothingTheSecondTime() throws Exception {
		Path data = this.dir.resolve("import");
		String dataOption = "--data=" + data;
		initWithEditor(dataOption);
		String profile = "profiles/ovdinfo-moscow-2011-2012.yaml";
		String fixture = org.khronika.Fixtures.ovdInfoMoscow().toAbsolutePath().toString();

		Jar.Result dry = Jar.run(Map.of(), "import", "--as", "ed", "--profile", profile, "--dry-run", dataOption,
				fixture);
		assertThat(dry.exitCode()).as(dry.all()).isZero();
		assertThat(dry.out()).contains("dry run: 180 rows read, 180 would be new, 0 already imported, 0 refused");
		Jar.Result first = Jar.run(Map.of(), "import", "--as", "ed", "--profile", profile, dataOption, fixture);
		assertThat(first.exitCode()).as(first.all()).isZero();
		assertThat(first.out()).contains("180 rows read: 180 created, 0 updated, 0 unchanged, 0 refused");
		assertThat(first.err()).contains("write [", "rows/s", "100%");
		Jar.Result second = Jar.run(Map.of(), "import", "--as", "ed", "--profile", profile, dataOption, fixture);
		assertThat(second.out()).contains("180 rows read: 0 created, 0 updated, 180 unchanged, 0 refused");
		// the 180 incidents: the second import wrote nothing
		assertThat(Jar.run(Map.of(), "verify-log", dataOption).out()).startsWith("ok 180 entries");

		Path bad = this.dir.resolve("bad.csv");
		java.nio.file.Files.writeString(bad,
				"date,agreement,type,subject,organizator,comment,place,total,id\n31.02.2013,согласовано,митинг,x,,,y,1,1\n");
		Jar.Result refused = Jar.run(Map.of(), "import", "--as", "ed", "--profile", profile, dataOption,
				bad.toString());
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.out()).contains("row 2, column date: «31.02.2013» is not a date of the form dd.MM.yyyy",
				"1 refused");
		Jar.Result directory = Jar.run(Map.of(), "import", "--as", "ed", "--profile", profile, dataOption,
				this.dir.toString());
		assertThat(directory.exitCode()).isEqualTo(1);
		assertThat(directory.err()).contains(this.dir + " is a directory: give the table's file");
		Jar.Result analyst = Jar.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password"), "user", "add", "--login",
				"an", "--role", "analyst", dataOption);
		assertThat(analyst.exitCode()).isZero();
		assertThat(Jar.run(Map.of(), "import", "--as", "an", "--profile", profile, dataOption, fixture).err())
			.contains("may not record incidents");
	}

	@Test
	void aRowKeyAnEarlierBuildKeptInClearIsSealedAndScrubbedWhenTheServerStarts() throws Exception {
		Path data = this.dir.resolve("clear-keys");
		String dataOption = "--data=" + data;
		initWithEditor(dataOption);
		Path profile = this.dir.resolve("persons-by-name.yaml");
		Files.writeString(profile, """
				name: persons-by-name
				kind: person
				key: [name]
				fields:
				  names: { column: name }
				""");
		Path table = this.dir.resolve("persons.csv");
		Files.writeString(table, "name\nКлючев Пётр Саввич\n");
		String[] importTable = { "import", "--as", "ed", "--profile", profile.toString(), dataOption,
				table.toString() };
		assertThat(Jar.run(Map.of(), importTable).out()).contains("1 row read: 1 created");
		// as a build before 7 December 2026 kept it: the key in clear, no sealed copy
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"))) {
			assertThat(connection.createStatement()
				.executeUpdate("UPDATE import_key SET row_key = 'Ключев Пётр Саввич', row_key_sealed = NULL"))
				.isEqualTo(1);
		}

		Jar.serve(Map.of(), "serve", "--port", "18440", dataOption).stop();

		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"));
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT row_key, row_key_sealed IS NOT NULL FROM import_key")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).as("a keyed fingerprint in place of the name").matches("[0-9a-f]{64}");
			assertThat(rs.getBoolean(2)).as("and a sealed copy").isTrue();
		}
		assertThat(org.khronika.DiskFiles.holding(data, "Ключев Пётр Саввич"))
			.as("the name is in no file of the data directory: the row it replaced was scrubbed")
			.isEmpty();
		assertThat(Jar.run(Map.of(), importTable).out()).as("the row is found again by the sealed key")
			.contains("1 row read: 0 created, 0 updated, 1 unchanged");
	}

	/** Makes a data directory with an unprotected key and an editor, {@code ed}. */
	private static void initWithEditor(String dataOption) throws Exception {
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", dataOption).exitCode()).isZero();
		assertThat(Jar
			.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password"), "user", "add", "--login", "ed", "--role",
					"editor", dataOption)
			.exitCode()).isZero();
	}

	private static String firstPerson(Path data) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"));
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT r.id FROM registry_record r WHERE r.kind = 'person' AND EXISTS "
							+ "(SELECT 1 FROM registry_link l WHERE l.to_id = r.id AND l.relation = 'person') ORDER BY r.created_at LIMIT 1")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * Flips one bit in the sealed part of a stored entry in the middle of the log, as
	 * someone with the disk could; returns its sequence number and entry id.
	 */
	private static String[] tamper(Path data) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("khronika.db"))) {
			ResultSet rs = connection.createStatement()
				.executeQuery("SELECT seq, entry_id, sealed_part FROM log_entry "
						+ "WHERE seq >= 5 AND sealed_part IS NOT NULL AND length(sealed_part) > 0 ORDER BY seq LIMIT 1");
			rs.next();
			int sequence = rs.getInt(1);
			String entryId = rs.getString(2);
			byte[] sealed = rs.getBytes(3);
			rs.close();
			sealed[sealed.length / 2] ^= 0x01;
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE log_entry SET sealed_part = ? WHERE seq = ?")) {
				update.setBytes(1, sealed);
				update.setInt(2, sequence);
				update.executeUpdate();
			}
			return new String[] { Integer.toString(sequence), entryId };
		}
	}

}
