package org.khronika.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.cli.Jar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} and {@code restore} as an operator runs them: a backup taken while the
 * server runs restores into a new directory with the same log head, every row of every
 * table and every figure; one taken during an import restores to a state its log
 * explains; a damaged one is refused before anything is written. The canary tests search
 * a backup file for what it must not show in clear.
 */
class BackupIT {

	@TempDir
	Path dir;

	@Test
	void aBackupTakenWhileServingRestoresTheSameHeadRowsAndFigures() throws Exception {
		Path data = this.dir.resolve("data");
		Path backup = this.dir.resolve("khronika.backup");
		run("init", "--unprotected-key", "--data=" + data);
		Jar.Served server = Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18441",
				"--data=" + data);
		Jar.Result made;
		Map<String, List<String>> original;
		try {
			made = run("backup", "--out", backup.toString(), "--data=" + data);
			// read while it still serves: its checkpoint at the stop comes after the
			// backup
			original = tables(sqlite(data));
		}
		finally {
			server.stop();
		}
		assertThat(made.out()).contains("Backed up ", "rows of 32 tables", "log head 24 ");
		assertThat(Files.readString(backup, java.nio.charset.StandardCharsets.ISO_8859_1))
			.startsWith("khronika-backup/1\n");

		Path restoredDir = this.dir.resolve("restored");
		Jar.Result restored = run("restore", backup.toString(), "--data=" + restoredDir);

		assertThat(restored.out()).contains("the log ends at 24 ", "as the backup says");
		assertThat(run("verify-log", "--data=" + restoredDir).out()).startsWith("ok 24 entries")
			.contains("audit trail: ok 1 entry");
		assertThat(tables(sqlite(restoredDir))).as("every row of every table").isEqualTo(original);
		String figures = run("publish", "preview", "--lang", "en", "--as", "demo", "--data=" + data).out();
		assertThat(figures).contains("== persons-by-region");
		assertThat(run("publish", "preview", "--lang", "en", "--as", "demo", "--data=" + restoredDir).out())
			.as("every figure")
			.isEqualTo(figures);
		Jar.serve(Map.of(), "serve", "--port", "18442", "--data=" + restoredDir).stop();
		assertThat(run("verify-log", "--data=" + restoredDir).out()).as("the restored directory serves and stops")
			.startsWith("ok 24 entries");
	}

	@Test
	void aBackupTakenDuringAnImportRestoresToAStateItsLogExplains() throws Exception {
		Path data = this.dir.resolve("data");
		run("init", "--unprotected-key", "--data=" + data);
		Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18443", "--data=" + data).stop();
		Path table = this.dir.resolve("incidents.csv");
		StringBuilder csv = new StringBuilder("id,date,region,type,topic,agreement,detained\n");
		for (int row = 0; row < 6000; row++) {
			csv.append(java.util.UUID.nameUUIDFromBytes(new byte[] { (byte) (row >> 8), (byte) row }))
				.append(",2024-03-")
				.append(String.format("%02d", 1 + row % 28))
				.append(",saint-petersburg,protest,Против войны,not-agreed,")
				.append(1 + row % 30)
				.append('\n');
		}
		Files.writeString(table, csv);

		CompletableFuture<Jar.Result> imported = CompletableFuture
			.supplyAsync(() -> runQuietly("import", table.toString(), "--profile",
					"profiles/khronika-open-data-incidents.yaml", "--as", "demo", "--data=" + data));
		List<Path> backups = new ArrayList<>();
		while (!imported.isDone() || backups.isEmpty()) {
			Path backup = this.dir.resolve("during-" + backups.size() + ".backup");
			run("backup", "--out", backup.toString(), "--data=" + data);
			backups.add(backup);
			// a few backups through the import, not hundreds: each is restored and
			// rebuilt
			Thread.sleep(1000);
		}
		assertThat(imported.get().exitCode()).as(imported.get().all()).isZero();

		List<Integer> records = new ArrayList<>();
		for (Path backup : backups) {
			Path restoredDir = this.dir.resolve("restored-" + backup.getFileName());
			run("restore", backup.toString(), "--data=" + restoredDir);
			assertThat(run("verify-log", "--data=" + restoredDir).exitCode()).isZero();
			Map<String, List<String>> restored = tables(sqlite(restoredDir));
			records.add(restored.get("registry_record").size());
			run("rebuild", "--data=" + restoredDir);
			assertThat(tables(sqlite(restoredDir))).as("the read tables are what the log says, in " + backup)
				.isEqualTo(restored);
		}
		assertThat(records).as("records in each backup: one at least was taken while the import wrote")
			.anyMatch(count -> count > 24 && count < 24 + 6000);
	}

	@Test
	void aDamagedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
		Path data = this.dir.resolve("data");
		Path backup = this.dir.resolve("khronika.backup");
		run("init", "--unprotected-key", "--data=" + data);
		Jar.serve(Map.of(), "serve", "--demo", "--demo-persons=0", "--port", "18444", "--data=" + data).stop();
		run("backup", "--out", backup.toString(), "--data=" + data);
		byte[] whole = Files.readAllBytes(backup);

		byte[] flipped = whole.clone();
		flipped[whole.length - 2000] ^= 0x01;
		assertRefused(flipped, "is damaged");
		assertRefused(Arrays.copyOf(whole, whole.length - 100), "is damaged");
		String header = new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] otherHead = header.replaceFirst("\"log_entry\":\"24 ", "\"log_entry\":\"25 ")
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(otherHead).isNotEqualTo(whole);
		assertRefused(otherHead, "is damaged");
		assertRefused("date,region\n2024-01-01,Москва\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"it is not a Khronika backup");

		Jar.Result overData = Jar.run(Map.of(), "restore", backup.toString(), "--data=" + data);
		assertThat(overData.exitCode()).isEqualTo(1);
		assertThat(overData.err()).contains("holds a keyring already");
		Jar.Result again = Jar.run(Map.of(), "backup", "--out", backup.toString(), "--data=" + data);
		assertThat(again.err()).contains("exists already: a backup never replaces a file");
		Path nowhere = this.dir.resolve("not-made").resolve("khronika.backup");
		Jar.Result noDirectory = Jar.run(Map.of(), "backup", "--out", nowhere.toString(), "--data=" + data);
		assertThat(noDirectory.exitCode()).isEqualTo(1);
		assertThat(noDirectory.err()).isEqualTo("khronika: no directory " + nowhere.getParent()
				+ " to write khronika.backup in: make it first, or give another file\n");
	}

	@Test
	void aPostgresqlBackupRestoresIntoANewPostgresqlDatabase() throws Exception {
		Path data = this.dir.resolve("data");
		Path backup = this.dir.resolve("khronika.backup");
		try (TestDatabase source = TestDatabases.postgres(); TestDatabase target = TestDatabases.postgres()) {
			Map<String, String> from = Map.of("KHRONIKA_DB_URL", source.url(), "KHRONIKA_DB_USER", "postgres");
			Map<String, String> to = Map.of("KHRONIKA_DB_URL", target.url(), "KHRONIKA_DB_USER", "postgres");
			assertThat(Jar.run(from, "init", "--unprotected-key", "--data=" + data).exitCode()).isZero();
			Jar.Served server = Jar.serve(from, "serve", "--demo", "--demo-persons=0", "--port", "18445",
					"--data=" + data);
			Map<String, List<String>> original;
			try {
				Jar.Result made = Jar.run(from, "backup", "--out", backup.toString(), "--data=" + data);
				assertThat(made.exitCode()).as(made.all()).isZero();
				original = tables(source.dataSource().getConnection());
			}
			finally {
				server.stop();
			}

			Path restoredDir = this.dir.resolve("restored");
			Jar.Result restored = Jar.run(to, "restore", backup.toString(), "--data=" + restoredDir);

			assertThat(restored.exitCode()).as(restored.all()).isZero();
			Jar.Result verified = Jar.run(to, "verify-log", "--data=" + restoredDir);
			assertThat(verified.out()).as(verified.all()).startsWith("ok 24 entries");
			assertThat(tables(target.dataSource().getConnection())).as("every row of every table").isEqualTo(original);
			Jar.Result intoUsed = Jar.run(to, "restore", backup.toString(), "--data=" + this.dir.resolve("again"));
			assertThat(intoUsed.err()).contains("is not empty: a backup is restored only into a new one");
			assertThat(Files.exists(this.dir.resolve("again").resolve("keyring.json"))).isFalse();
		}
	}

	private void assertRefused(byte[] content, String message) throws Exception {
		Path file = Files.write(this.dir.resolve("damaged-" + System.nanoTime()), content);
		Path target = this.dir.resolve("target-" + System.nanoTime());
		Jar.Result result = Jar.run(Map.of(), "restore", file.toString(), "--data=" + target);
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.err()).contains(message).doesNotContain("Exception");
		assertThat(Files.exists(target.resolve("keyring.json"))).as("no keyring is left").isFalse();
		assertThat(Files.exists(target.resolve("khronika.db"))).as("no database is left").isFalse();
	}

	private static Jar.Result run(String... arguments) throws Exception {
		Jar.Result result = Jar.run(Map.of(), arguments);
		assertThat(result.exitCode()).as(String.join(" ", arguments) + ": " + result.all()).isZero();
		return result;
	}

	/** Runs a command as a process of its own, as an import beside a backup would be. */
	private static Jar.Result runQuietly(String... arguments) {
		try {
			return Jar.run(Map.of("TZ", "UTC"), arguments);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Connection sqlite(Path dataDir) throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("khronika.db"));
	}

	/** Every table but Flyway's, its rows as text, in order. */
	private static Map<String, List<String>> tables(Connection connection) throws SQLException {
		try (connection) {
			Map<String, List<String>> tables = new LinkedHashMap<>();
			for (String table : TableDump.tablesInDependencyOrder(connection)) {
				List<String> rows = new ArrayList<>();
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
					while (rs.next()) {
						StringBuilder row = new StringBuilder();
						for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
							Object value = rs.getObject(c);
							row.append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value))
								.append('|');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				tables.put(table, rows);
			}
			return tables;
		}
	}

}
