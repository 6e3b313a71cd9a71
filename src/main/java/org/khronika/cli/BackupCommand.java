package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.khronika.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup",
		description = "Write a consistent backup of the database and the keyring while Khronika runs: every table as "
				+ "one moment saw it, encrypted under the keyring, with the log's head in its header. The keyring "
				+ "is unlocked with KHRONIKA_PASSPHRASE or KHRONIKA_RECOVERY_KEY, else a prompt; the backup opens "
				+ "with the passphrase or recovery key of this keyring as it is now.")
class BackupCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Option(names = "--out", required = true, paramLabel = "FILE",
			description = "The backup file to write; it must not exist.")
	Path out;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		Path dir = this.data.existing();
		PrintWriter err = this.spec.commandLine().getErr();
		// no Spring context: its start would wait for the database's write lock, which a
		// long import holds nearly all the time, and a backup needs only to read
		Backups.Database database = RestoreCommand.database().orElse(Backups.Database.sqlite(dir));
		Backups.Summary summary = Backups.write(this.out.toAbsolutePath(), dir, RestoreCommand.unlock(dir), database,
				rows -> {
					err.print("\rbacked up " + Counts.of(rows, "row", "rows"));
					err.flush();
				});
		if (summary.rows() >= 100_000) {
			err.println();
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("Backed up %s of %s to %s; log head %s.%n", Counts.of(summary.rows(), "row", "rows"),
				Counts.of(summary.tables(), "table", "tables"), this.out, summary.header().logHead());
		out.println("It opens only with this keyring's passphrase or recovery key: keep them, apart from the file.");
		out.flush();
		return 0;
	}

}
