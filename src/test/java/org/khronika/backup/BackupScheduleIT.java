package org.khronika.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.WebSession;
import org.khronika.cli.Jar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started with a backup directory in its environment, as the README's unit does,
 * backs itself up there on its own, with the keyring it unlocked at its start (no
 * passphrase stored anywhere); deletes its backups older than it keeps them, and nothing
 * else there; and says when it last did in its metrics. Each backup restores.
 */
class BackupScheduleIT {

	private static final int PORT = 18461;

	private static final String METRICS_TOKEN = "invented-metrics-token-7730";

	private static final Pattern LAST_WRITTEN = Pattern
		.compile("(?m)^khronika_backup_last_written_seconds(?:\\{[^}]*\\})? ([0-9.E+]+)$");

	@TempDir
	Path dir;

	@Test
	void theServerBacksItselfUpKeepsOnlyTheBackupsItShouldAndSaysWhenItLastDid() throws Exception {
		Path data = this.dir.resolve("data");
		Path backups = this.dir.resolve("backups");
		Jar.Result init = Jar.run(Map.of(), "init", "--unprotected-key", "--data=" + data);
		assertThat(init.exitCode()).as(init.all()).isZero();
		Files.createDirectories(backups);
		Path old = backups.resolve("khronika-20200101T000000Z.backup");
		Files.writeString(old, "a backup of 2020, long past the 14 days kept");
		Path notes = backups.resolve("notes.txt");
		Files.writeString(notes, "an admin's file, not a backup of the server's");
		Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		Jar.Served server = Jar.serve(
				Map.of("KHRONIKA_BACKUP_DIRECTORY", backups.toString(), "KHRONIKA_BACKUP_EVERY", "2s",
						"KHRONIKA_METRICS_TOKEN", METRICS_TOKEN),
				"serve", "--port", Integer.toString(PORT), "--data=" + data);
		List<Path> written;
		String metrics;
		try {
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (written(backups, before).size() < 2 && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			written = written(backups, before);
			metrics = new WebSession(PORT)
				.get("/actuator/prometheus", Map.of("Authorization", "Bearer " + METRICS_TOKEN))
				.body();
		}
		finally {
			server.stop();
		}
		assertThat(server.printed()).contains("backups every PT2S into " + backups + ", kept 14 days");
		assertThat(written).as("one every two seconds").hasSizeGreaterThanOrEqualTo(2);
		assertThat(old).as("older than kept: deleted").doesNotExist();
		assertThat(notes).as("not a backup of the server's: left alone").exists();
		assertThat(Files.getPosixFilePermissions(written.get(0))).as("readable by its owner only")
			.containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
		Matcher last = LAST_WRITTEN.matcher(metrics);
		assertThat(last.find()).as(metrics).isTrue();
		assertThat(Double.parseDouble(last.group(1))).as("the last backup's moment")
			.isGreaterThanOrEqualTo(before.getEpochSecond());

		Path into = this.dir.resolve("restored");
		Jar.Result restore = Jar.run(Map.of(), "restore", written.get(0).toString(), "--data=" + into);
		assertThat(restore.exitCode()).as(restore.all()).isZero();
		assertThat(Jar.run(Map.of(), "verify-log", "--data=" + into).out()).startsWith("ok ");
	}

	/** The backups the server wrote since {@code before}, oldest first. */
	private static List<Path> written(Path backups, Instant before) throws IOException {
		try (Stream<Path> files = Files.list(backups)) {
			return files
				.filter(file -> BackupSchedule.takenAt(file.getFileName().toString())
					.filter(taken -> !taken.isBefore(before))
					.isPresent())
				.sorted()
				.toList();
		}
	}

}
