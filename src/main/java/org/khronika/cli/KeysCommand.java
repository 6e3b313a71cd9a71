package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.khronika.crypto.KeyRotation;
import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.crypto.RecoveryKey;
import org.khronika.crypto.SubjectKeyStore;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "keys",
		description = "Change how the keyring is unlocked. The current passphrase (or recovery key) "
				+ "comes from KHRONIKA_PASSPHRASE or KHRONIKA_RECOVERY_KEY, else a prompt.",
		subcommands = { KeysCommand.Passphrase.class, KeysCommand.Recovery.class, KeysCommand.Rotate.class })
class KeysCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	static char[] currentSecret() {
		char[] current = KeyringUnlock.secretFromEnvironmentOrConsole();
		if (current == null) {
			throw new Failures.CommandFailure(
					"set KHRONIKA_PASSPHRASE (or KHRONIKA_RECOVERY_KEY) or run at a console to type the current one");
		}
		return current;
	}

	@Command(name = "passphrase",
			description = "Replace the passphrase (from KHRONIKA_NEW_PASSPHRASE, else asked twice). "
					+ "The recovery key stays valid.")
	static class Passphrase implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Path dir = this.data.existing();
			char[] current = currentSecret();
			char[] replacement = Secrets.fromEnvironmentOrPrompt("KHRONIKA_NEW_PASSPHRASE", "New passphrase");
			if (replacement == null) {
				throw new Failures.CommandFailure(
						"set KHRONIKA_NEW_PASSPHRASE or run at a console to type the new passphrase");
			}
			try {
				KeyringFile.changePassphrase(dir, current, replacement);
			}
			finally {
				Arrays.fill(current, '\0');
				Arrays.fill(replacement, '\0');
			}
			this.spec.commandLine()
				.getOut()
				.println("The passphrase of " + dir + " is changed; the old one no longer unlocks it.");
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

	@Command(name = "rotate",
			description = "Make a new master key primary and wrap every subject key under it again while Khronika keeps "
					+ "serving, then retire the old master key. No sealed field is rewritten and the passphrase and "
					+ "recovery key stay as they are; a backup made before opens with the keyring it carries.")
	static class Rotate implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Path dir = this.data.existing();
			char[] secret = KeyringFile.isProtected(dir) ? currentSecret() : null;
			PrintWriter err = this.spec.commandLine().getErr();
			KeyRotation.Result result;
			try (ConfigurableApplicationContext context = Contexts.start(dir)) {
				result = KeyRotation.rotate(dir, secret, context.getBean(SubjectKeyStore.class), done -> {
					err.print("\r" + Counts.of(done, "subject key", "subject keys") + " done");
					err.flush();
				});
				err.println();
			}
			finally {
				if (secret != null) {
					Arrays.fill(secret, '\0');
				}
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.printf(
					"Rotated the master key: %s wrapped again under the new one (%,d already were, "
							+ "%,d shredded meanwhile); %s retired.%n",
					Counts.of(result.rewrapped(), "subject key", "subject keys"), result.alreadyNew(),
					result.goneMeanwhile(), Counts.of(result.retired(), "old master key", "old master keys"));
			out.println("Other nodes on this database: copy this keyring.json to their data directories now; "
					+ "each picks it up without a restart.");
			out.flush();
			return 0;
		}

	}

	@Command(name = "recovery", description = "Issue a new recovery key, shown once; the old one stops working.")
	static class Recovery implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			Path dir = this.data.existing();
			char[] current = currentSecret();
			RecoveryKey recovery;
			try {
				recovery = KeyringFile.replaceRecoveryKey(dir, current);
			}
			finally {
				Arrays.fill(current, '\0');
			}
			PrintWriter out = this.spec.commandLine().getOut();
			Secrets.showRecoveryKey(out, "New recovery key (shown once; the old one no longer unlocks the keyring):",
					recovery);
			out.flush();
			return 0;
		}

	}

}
