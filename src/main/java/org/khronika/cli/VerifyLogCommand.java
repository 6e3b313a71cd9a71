package org.khronika.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.SignatureVerifier;
import org.khronika.eventlog.Chain;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Head;
import org.khronika.eventlog.HeadWitness;
import org.khronika.eventlog.Verification;
import org.khronika.registry.DeepCheck;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify-log",
		description = "Check every entry's hash and link and every signed checkpoint, of the log and of the audit "
				+ "trail's chain, that a checkpoint is there every 100 entries, and that each chain extends the head "
				+ "witnessed beside the database (log-head.txt). Prints 'ok N entries' for each and exits 0, or names "
				+ "what fails and exits 1. Needs no passphrase.")
class VerifyLogCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@picocli.CommandLine.Option(names = "--print-head",
			description = "Print each chain's latest signed head, one line each, and the checkpoint key's fingerprint: "
					+ "keep them anywhere the database does not reach, and give a line to --since later.")
	boolean printHead;

	@picocli.CommandLine.Option(names = "--since", paramLabel = "HEAD",
			description = "Also prove that the log extends this head, printed earlier by --print-head "
					+ "('khronika-head/1 log SEQUENCE HASH SIGNATURE'): the same entry, the same hash, signed by this "
					+ "log's key, and the chain on from it.")
	String since;

	@picocli.CommandLine.Option(names = "--deep",
			description = "Also rebuild every read table from the log (in a transaction that is rolled back) and name "
					+ "each row that differs, and check accounts, roles and API tokens against the entries that made "
					+ "them. Writers wait while it runs.")
	boolean deep;

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
					// the entries' count not grouped: scripts read "ok N entries"
					out.println(prefix + "ok " + ok.entries() + ((ok.entries() == 1) ? " entry" : " entries") + " ("
							+ Counts.of(ok.checkpoints(), "signed checkpoint", "signed checkpoints") + ")");
				}
				else {
					Verification.Broken broken = (Verification.Broken) result;
					out.println(prefix + "FAILED at entry " + broken.sequence() + " (id " + broken.entryId() + "): "
							+ broken.reason());
					intact = false;
				}
				Optional<Head> witnessed = new HeadWitness(this.data.path()).read(chain.chain());
				if (witnessed.isPresent()) {
					intact &= extendsHead(chain, witnessed.get(), verifier, prefix, "witnessed in " + HeadWitness.FILE,
							out);
				}
				if (this.printHead) {
					chain.lastCheckpoint()
						.ifPresent(checkpoint -> out.println(Head.of(chain.chain(), checkpoint).line()));
				}
			}
			if (this.since != null) {
				Head given;
				try {
					given = Head.parse(this.since);
				}
				catch (IllegalArgumentException ex) {
					throw new Failures.CommandFailure("--since: " + ex.getMessage());
				}
				EventLog chain = chains.stream().filter(c -> c.chain().equals(given.chain())).findFirst().orElseThrow();
				intact &= extendsHead(chain, given.stopped(false), verifier,
						(chain.chain() == Chain.RECORDS) ? "" : chain.chain().name() + ": ", "given", out);
			}
			if (this.printHead) {
				out.println("checkpoint key sha256 " + keyFingerprint());
			}
			if (this.deep) {
				DeepCheck.Result deep = context.getBean(DeepCheck.class).run();
				if (deep.agrees()) {
					out.printf(
							"deep: ok, %s of %s, every account with its credentials and tokens, and every prisoner decision and snapshot agree with the log%n",
							Counts.of(deep.rows(), "row", "rows"), Counts.of(deep.tables(), "table", "tables"));
				}
				else {
					deep.differences().forEach(difference -> out.println("deep: FAILED: " + difference));
					intact = false;
				}
			}
		}
		out.flush();
		return intact ? 0 : 1;
	}

	/**
	 * Whether {@code chain} extends {@code head}, signed by the checkpoint key; says so,
	 * or what is wrong, on a line.
	 */
	private static boolean extendsHead(EventLog chain, Head head, SignatureVerifier verifier, String prefix,
			String which, PrintWriter out) {
		if (!head.signedBy(verifier::verifies)) {
			out.println(prefix + "FAILED: the head " + which + " (entry " + head.sequence()
					+ ") is not signed by this log's checkpoint key");
			return false;
		}
		Optional<String> problem = chain.problemWith(head);
		if (problem.isPresent()) {
			out.println(prefix + "FAILED against the head " + which + ": " + problem.get());
			return false;
		}
		out.println(prefix + "extends the head " + which + " at entry " + head.sequence());
		return true;
	}

	private String keyFingerprint() {
		try {
			byte[] key = java.nio.file.Files.readAllBytes(this.data.path().resolve("checkpoint-key.json"));
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key));
		}
		catch (java.io.IOException | java.security.NoSuchAlgorithmException ex) {
			throw new Failures.CommandFailure("the checkpoint key cannot be read: " + ex.getMessage());
		}
	}

}
