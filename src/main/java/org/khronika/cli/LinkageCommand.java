package org.khronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.imports.Importer;
import org.khronika.linkage.Linkage;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.SaveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

@Command(name = "linkage",
		description = "Find person records that are one person, and incident records that are one incident: "
				+ "score all (run), list the proposals, confirm or reject one, print which records form one "
				+ "person (clusters).",
		subcommands = { LinkageCommand.Run.class, LinkageCommand.Proposals.class, LinkageCommand.Confirm.class,
				LinkageCommand.Reject.class, LinkageCommand.Clusters.class })
class LinkageCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	/** The parts every linkage command has: the data directory and the account. */
	abstract static class Base implements Callable<Integer> {

		@Mixin
		DataDirectory data;

		@Mixin
		CommandLineActor actor;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
				Actor as = this.actor.resolve(context.getBean(Accounts.class));
				int status = call(context, as, out);
				out.flush();
				return status;
			}
		}

		abstract int call(ConfigurableApplicationContext context, Actor as, PrintWriter out) throws Exception;

	}

	@Command(name = "run",
			description = "Score every person record against its candidates and replace the "
					+ "proposals, then the incidents, printing progress; prints how many records, candidate pairs and "
					+ "proposals.")
	static class Run extends Base {

		@Override
		int call(ConfigurableApplicationContext context, Actor as, PrintWriter out) {
			PrintWriter err = this.spec.commandLine().getErr();
			String[] last = { "" };
			Linkage.Summary summary = context.getBean(Linkage.class).run(as, (phase, done, total) -> {
				String line = String.format(Locale.ROOT, "%s: %,d of %,d", phase, done, total);
				if (!line.equals(last[0])) {
					err.println(line);
					err.flush();
					last[0] = line;
				}
			});
			out.printf(Locale.ROOT, "%s, %s, %s (probability ≥ %.2f); %s, %s; in %.1f s%n",
					Counts.of(summary.persons(), "person", "persons"),
					Counts.of(summary.candidates(), "candidate pair", "candidate pairs"),
					Counts.of(summary.proposals(), "proposal", "proposals"), Linkage.THRESHOLD,
					Counts.of(summary.incidents(), "incident", "incidents"),
					Counts.of(summary.incidentProposals(), "proposal", "proposals"),
					summary.took().toMillis() / 1000.0);
			return 0;
		}

	}

	/** Which records a command is about: persons (the default) or incidents. */
	static class Kind {

		@Option(names = "--kind", defaultValue = "person", paramLabel = "person|incident",
				description = "Person records (default) or incident records.")
		String kind;

		RecordKind resolve() {
			return switch (this.kind) {
				case "person" -> RecordKind.PERSON;
				case "incident" -> RecordKind.INCIDENT;
				default -> throw new Failures.CommandFailure("--kind: '" + this.kind + "'; person or incident");
			};
		}

	}

	@Command(name = "proposals", description = "The open proposals, most probable first: left,right,score,reasons "
			+ "(for incidents the score is the share of the fields compared that agree).")
	static class Proposals extends Base {

		@Mixin
		Kind kind;

		@Option(names = "--format", defaultValue = "table", paramLabel = "csv|table",
				description = "csv: a header row, then one row per proposal; table (default): aligned.")
		String format;

		@Option(names = "--limit", defaultValue = "1000", description = "At most this many proposals.")
		int limit;

		@Override
		int call(ConfigurableApplicationContext context, Actor as, PrintWriter out) throws Exception {
			if (!this.format.equals("csv") && !this.format.equals("table")) {
				throw new Failures.CommandFailure("--format: '" + this.format + "'; csv or table");
			}
			if (this.limit < 1) {
				throw new Failures.CommandFailure("--limit: " + this.limit + "; at least 1 proposal");
			}
			RecordLabels labels = new RecordLabels(context.getBean(Catalog.class), context.getBean(MessageSource.class),
					Locale.ENGLISH, "search.hiddenTitle")
				.withIsoDates();
			Linkage linkage = context.getBean(Linkage.class);
			List<Linkage.Proposal> proposals = (this.kind.resolve() == RecordKind.INCIDENT)
					? linkage.incidentProposals(as, this.limit) : linkage.proposals(as, this.limit);
			CSVPrinter csv = this.format.equals("csv") ? new CSVPrinter(out, CSVFormat.RFC4180) : null;
			if (csv != null) {
				csv.printRecord("left", "right", "score", "reasons");
			}
			for (Linkage.Proposal proposal : proposals) {
				String reasons = String.join("; ", proposal.reasons().stream().map(r -> r.words(labels)).toList());
				String score = String.format(Locale.ROOT, "%.3f", proposal.probability());
				if (csv != null) {
					csv.printRecord(proposal.left().id(), proposal.right().id(), score, reasons);
				}
				else {
					out.printf("%s  %s  %s  %s%n", proposal.left().id(), proposal.right().id(), score, reasons);
				}
			}
			if (csv != null) {
				csv.flush();
			}
			return 0;
		}

	}

	/** A decision on one pair: confirm or reject. */
	abstract static class Decide extends Base {

		@Parameters(index = "0", paramLabel = "LEFT", description = "One record's id.")
		String left;

		@Parameters(index = "1", paramLabel = "RIGHT", description = "The other's id.")
		String right;

		@Mixin
		Kind kind;

		@Override
		int call(ConfigurableApplicationContext context, Actor as, PrintWriter out) {
			RecordKind of = this.kind.resolve();
			SaveResult result = decide(context.getBean(Linkage.class), as, id(of, this.left), id(of, this.right));
			if (result instanceof SaveResult.Refused refused) {
				String message = Linkage.refusalMessage(refused, of, confirming());
				throw new Failures.CommandFailure(refused.refusal().code() + ": "
						+ context.getBean(MessageSource.class).getMessage(message, null, message, Locale.ENGLISH));
			}
			out.println(done() + " " + this.left + " " + this.right);
			return 0;
		}

		abstract SaveResult decide(Linkage linkage, Actor as, RecordId left, RecordId right);

		abstract String done();

		abstract boolean confirming();

		private static RecordId id(RecordKind kind, String id) {
			return RecordId.parseUuid(id)
				.map(kind::id)
				.orElseThrow(() -> new Failures.CommandFailure("not a record id: '" + id + "'"));
		}

	}

	@Command(name = "confirm", description = "Link two person records as one person (a person.linked entry), "
			+ "or with --kind incident two incident records as one incident.")
	static class Confirm extends Decide {

		@Override
		SaveResult decide(Linkage linkage, Actor as, RecordId left, RecordId right) {
			return linkage.confirm(as, left, right);
		}

		@Override
		String done() {
			return "Linked";
		}

		@Override
		boolean confirming() {
			return true;
		}

	}

	@Command(name = "reject", description = "Record that two person records are two people (two incident records "
			+ "two incidents, with --kind incident); never proposed again.")
	static class Reject extends Decide {

		@Override
		SaveResult decide(Linkage linkage, Actor as, RecordId left, RecordId right) {
			return linkage.reject(as, left, right);
		}

		@Override
		String done() {
			return "Rejected";
		}

		@Override
		boolean confirming() {
			return false;
		}

	}

	@Command(name = "clusters", description = "Every person record and the person it belongs to: "
			+ "record,key,cluster (key: the import row it came from, profile:key; empty if not imported).")
	static class Clusters extends Base {

		@Option(names = "--format", defaultValue = "csv", paramLabel = "csv", description = "csv (the only one).")
		String format;

		@Option(names = "--proposed",
				description = "As if every open proposal at or above the default threshold were confirmed.")
		boolean proposed;

		@Override
		int call(ConfigurableApplicationContext context, Actor as, PrintWriter out) throws Exception {
			if (!this.format.equals("csv")) {
				throw new Failures.CommandFailure("--format: '" + this.format + "'; csv");
			}
			Map<String, String> keys = context.getBean(Importer.class).rowKeys();
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
			csv.printRecord("record", "key", "cluster");
			for (Linkage.Member member : context.getBean(Linkage.class).members(as, this.proposed)) {
				csv.printRecord(member.record(), keys.getOrDefault(member.record(), ""), member.cluster());
			}
			csv.flush();
			return 0;
		}

	}

}
