package org.khronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.registry.RecordId;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit",
		description = "Show the audit trail: who read a person's record (--person), or what an account did (--user). "
				+ "Newest first. Needs an admin account (--as); reading the trail is itself not audited.")
class AuditCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Mixin
	CommandLineActor actor;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Subject subject;

	static class Subject {

		@Option(names = { "--person", "--record" }, paramLabel = "ID",
				description = "Every read of this person (or any record).")
		String record;

		@Option(names = "--user", paramLabel = "LOGIN", description = "Everything this account did and read.")
		String user;

	}

	@Option(names = "--limit", defaultValue = "100",
			description = "At most this many entries, 1 to 1000 (default ${DEFAULT-VALUE}).")
	int limit;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if (this.subject.record != null && RecordId.parseUuid(this.subject.record).isEmpty()) {
			throw new Failures.CommandFailure("'" + this.subject.record + "' is not a record id");
		}
		if (this.limit < 1 || this.limit > AuditTrail.MOST_SHOWN) {
			throw new Failures.CommandFailure(
					"--limit: " + this.limit + "; from 1 to " + AuditTrail.MOST_SHOWN + " entries");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			Actor reader = this.actor.resolve(context.getBean(Accounts.class));
			AuditTrail trail = context.getBean(AuditTrail.class);
			List<AuditTrail.Item> items = (this.subject.record != null)
					? trail.byRecord(reader, this.subject.record, this.limit)
					: trail.byUser(reader, this.subject.user, this.limit);
			for (AuditTrail.Item item : items) {
				out.printf("%8d  %s  %-20s %-24s %s%s%n", item.sequence(), item.at(), item.actor(), item.action(),
						(item.detail() != null) ? item.detail() + " " : "",
						item.recordIds().isEmpty() ? "" : item.recordIds().size() + " record(s)");
			}
			if (items.isEmpty()) {
				out.println("no entries");
			}
		}
		out.flush();
		return 0;
	}

}
