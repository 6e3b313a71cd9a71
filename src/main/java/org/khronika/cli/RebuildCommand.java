package org.khronika.cli;

import java.util.concurrent.Callable;

import org.khronika.access.AuditTrail;
import org.khronika.eventlog.EventLog;
import org.khronika.registry.Registry;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rebuild",
		description = "Rebuild the read tables from the log: the records' tables, the audit trail and the prisoner "
				+ "decisions, each in one transaction. Needs no passphrase.")
class RebuildCommand implements Callable<Integer> {

	private static final int PROGRESS_EVERY = 10_000;

	@Mixin
	DataDirectory data;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		long replayed;
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			long total = context.getBean(EventLog.class).size();
			java.io.PrintWriter err = this.spec.commandLine().getErr();
			replayed = context.getBean(Registry.class).rebuild(PROGRESS_EVERY, done -> {
				err.printf(java.util.Locale.ROOT, "\rreplayed %,d of %s", done,
						Counts.of(total, "log entry", "log entries"));
				err.flush();
			});
			if (replayed >= PROGRESS_EVERY) {
				err.println();
			}
			context.getBean(AuditTrail.class).rebuild();
			context.getBean(org.khronika.publish.Decisions.class).rebuild();
		}
		this.spec.commandLine()
			.getOut()
			.println("rebuilt read tables from " + Counts.of(replayed, "log entry", "log entries"));
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}
