package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.khronika.backup.Backups;
import org.khronika.crypto.Keyring;
import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.KeyringUnlock;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore",
		description = "Restore a backup into a new data directory and a new database: SQLite in the directory, or the "
				+ "empty PostgreSQL database KHRONIKA_DB_URL names. The backup is decrypted and checked whole before "
				+ "anything is written, and the restored log must end at the head the backup names. The keyring it "
				+ "carries is unlocked with KHRONIKA_PASSPHRASE or KHRONIKA_RECOVERY_KEY, else a prompt.")
class RestoreCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
	Path file;

	@Mixin
	DataDirectory data;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if (!Files.isRegularFile(this.file)) {
			throw new Failures.CommandFailure(Files.isDirectory(this.file)
					? this.file + " is a directory: give the backup's file" : "no backup file at " + this.file);
		}
		Path dir = this.data.path();
		if (KeyringFile.exists(dir)) {
			throw new Failures.CommandFailure(
					dir + " holds a keyring already: restore into a new directory, and keep the old one until the "
							+ "restored one is checked");
		}
		Optional<Backups.Database> database = database();
		PrintWriter err = this.spec.commandLine().getErr();
		// the migrations that make the schema run outside Spring: their progress is not
		// news
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Backups.Summary summary = Backups.restore(this.file, dir, database, RestoreCommand::unlock, rows -> {
			err.print("\rrestored " + Counts.of(rows, "row", "rows"));
			err.flush();
		});
		if (summary.rows() >= 100_000) {
			err.println();
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("Restored %s of %s from a backup of %s; the log ends at %s, as the backup says.%n",
				Counts.of(summary.rows(), "row", "rows"), Counts.of(summary.tables(), "table", "tables"),
				summary.header().created(), summary.header().logHead());
		out.println("Check it with 'verify-log --data " + dir + "', then start it with 'serve --data " + dir + "'.");
		out.flush();
		return 0;
	}

	/**
	 * PostgreSQL as {@code KHRONIKA_DB_URL} names it; empty for SQLite in the directory.
	 */
	static Optional<Backups.Database> database() {
		String url = System.getenv("KHRONIKA_DB_URL");
		return (url == null || url.isBlank()) ? Optional.empty() : Optional
			.of(new Backups.Database(url, System.getenv("KHRONIKA_DB_USER"), System.getenv("KHRONIKA_DB_PASSWORD")));
	}

	static Keyring unlock(Path dir) {
		if (!KeyringFile.isProtected(dir)) {
			return KeyringFile.unlockWithKeyFile(dir);
		}
		char[] secret = KeyringUnlock.secretFromEnvironmentOrConsole();
		if (secret == null) {
			throw new Failures.CommandFailure(
					"set KHRONIKA_PASSPHRASE (or KHRONIKA_RECOVERY_KEY) or run at a console: the backup opens with "
							+ "the passphrase or recovery key its keyring had when it was made");
		}
		try {
			return KeyringFile.unlock(dir, secret);
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

}
