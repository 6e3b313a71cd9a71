package org.khronika.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.SignatureVerifier;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Verification;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify-log", description = "Check every entry's hash and link and every signed checkpoint. "
		+ "Prints 'ok N entries' and exits 0, or names the first entry that fails and exits 1. Needs no passphrase.")
class VerifyLogCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Verification result;
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			SignatureVerifier verifier = KeyringFile.checkpointVerifier(this.data.path());
			result = context.getBean(EventLog.class).verify(verifier::verifies);
		}
		if (result instanceof Verification.Intact intact) {
			out.println("ok " + intact.entries() + " entries (" + intact.checkpoints() + " signed checkpoints)");
			out.flush();
			return 0;
		}
		Verification.Broken broken = (Verification.Broken) result;
		out.println("FAILED at entry " + broken.sequence() + " (id " + broken.entryId() + "): " + broken.reason());
		out.flush();
		return 1;
	}

}
