package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.RecoveryKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", description = "Create the data directory, its database and its keyring.")
class InitCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Option(names = "--unprotected-key", description = "Write the keyring key in plain to keyring.key: no passphrase, "
			+ "and anyone who copies the data directory can read everything. For demonstrations and tests.")
	boolean unprotected;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Path dir = this.data.path();
		if (this.unprotected) {
			KeyringFile.createUnprotected(dir);
			this.spec.commandLine()
				.getErr()
				.println("WARNING: the keyring key lies unprotected in " + dir.resolve("keyring.key")
						+ ". Anyone who copies this directory can read every sealed field. Never use it for real data.");
		}
		else {
			char[] passphrase = Secrets.fromEnvironmentOrPrompt("KHRONIKA_PASSPHRASE",
					"New passphrase for the keyring");
			if (passphrase == null) {
				throw new Failures.CommandFailure(
						"set KHRONIKA_PASSPHRASE or run init at a console to type a passphrase");
			}
			RecoveryKey recovery;
			try {
				recovery = KeyringFile.createProtected(dir, passphrase);
			}
			finally {
				Arrays.fill(passphrase, '\0');
			}
			Secrets.showRecoveryKey(out, "Recovery key (shown once; it unlocks the keyring if the passphrase is lost):",
					recovery);
		}
		Contexts.start(dir).close();
		out.println("Initialised " + dir);
		out.flush();
		return 0;
	}

}
