package org.khronika.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.SignatureVerifier;
import org.khronika.eventlog.Chain;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Verification;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify-log",
		description = "Check every entry's hash and link and every signed checkpoint, of the log and of the audit "
				+ "trail's chain. Prints 'ok N entries' for each and exits 0, or names the first entry that fails "
				+ "and exits 1. Needs no passphrase.")
class VerifyLogCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		boolean intact = true;
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			SignatureVerifier verifier = KeyringFile.checkpointVerifier(this.data.path());
			// the records' log first: its line is the one scripts read
			List<EventLog> chains = new ArrayList<>(context.getBeansOfType(EventLog.class).values());
			chains.sort(Comparator.comparing(chain -> chain.chain() != Chain.RECORDS));
			for (EventLog chain : chains) {
				String prefix = (chain.chain() == Chain.RECORDS) ? "" : chain.chain().name() + ": ";
				Verification result = chain.verify(verifier::verifies);
				if (result instanceof Verification.Intact ok) {
					out.println(
							prefix + "ok " + ok.entries() + " entries (" + ok.checkpoints() + " signed checkpoints)");
				}
				else {
					Verification.Broken broken = (Verification.Broken) result;
					out.println(prefix + "FAILED at entry " + broken.sequence() + " (id " + broken.entryId() + "): "
							+ broken.reason());
					intact = false;
				}
			}
		}
		out.flush();
		return intact ? 0 : 1;
	}

}
