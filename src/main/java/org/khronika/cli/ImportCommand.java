package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
		description = "Import a CSV or XLSX table through a mapping profile. Every row is checked first; if the file cannot be "
				+ "read to its end nothing is written. Valid rows are written through the log, invalid ones listed with "
				+ "their row and column. Importing the same file again changes nothing; a corrected row updates its "
				+ "record. Exits 1 if any row was refused.")
class ImportCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Mixin
	CommandLineActor actor;

	@Option(names = "--profile", required = true, paramLabel = "FILE", description = "The mapping profile (YAML).")
	Path profile;

	@Option(names = "--dry-run", description = "Check every row and report; write nothing.")
	boolean dryRun;

	@Parameters(paramLabel = "INPUT",
			description = "The table: CSV in UTF-8 (with or without BOM) or Windows-1251, or XLSX (its first sheet).")
	Path input;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if (!Files.isReadable(this.input)) {
			throw new Failures.CommandFailure("cannot read " + this.input);
		}
		if (Files.isDirectory(this.input)) {
			throw new Failures.CommandFailure(this.input + " is a directory: give the table's file");
		}
		MappingProfile profile = MappingProfile.load(this.profile);
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		ImportReport report;
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			Actor actor = this.actor.resolve(context.getBean(Accounts.class));
			ProgressBar bar = new ProgressBar(err);
			report = context.getBean(Importer.class).run(actor, profile, this.input, this.dryRun, bar::update);
			bar.finish();
		}
		for (ImportReport.RowProblem problem : report.problems()) {
			out.println(problem);
		}
		long refused = report.problems().stream().map(ImportReport.RowProblem::row).distinct().count();
		if (report.blank() > 0) {
			out.println(Counts.of(report.blank(), "blank row", "blank rows") + " (every cell empty) skipped");
		}
		if (report.dryRun()) {
			for (ImportReport.KnownPerson known : report.known()) {
				out.printf("row %d: may be a person recorded already: %s%n", known.row(),
						String.join(", ", known.persons().stream().map(Object::toString).toList()));
			}
			if (report.lookupCapped()) {
				out.printf("only the first %,d new rows were looked up among the persons recorded already%n",
						report.lookedUp());
			}
			out.printf("dry run: %s, %d would be new, %d already imported, %d refused; nothing written%n",
					Counts.of(report.rows(), "row read", "rows read"), report.created(), report.updated(), refused);
		}
		else {
			out.printf("%s: %d created, %d updated, %d unchanged, %d refused%n",
					Counts.of(report.rows(), "row read", "rows read"), report.created(), report.updated(),
					report.unchanged(), refused);
		}
		out.flush();
		return (refused > 0) ? 1 : 0;
	}

	/** One line on stderr, redrawn: phase, rows, rows per second, and the time left. */
	static final class ProgressBar {

		private final PrintWriter err;

		private final long started = System.nanoTime();

		private String phase;

		private long phaseStarted = System.nanoTime();

		/** When the last update came: the next phase began then. */
		private long lastUpdate = System.nanoTime();

		private boolean drawn;

		ProgressBar(PrintWriter err) {
			this.err = err;
		}

		void update(String phase, long rows, double fraction) {
			if (!phase.equals(this.phase)) {
				if (this.drawn) {
					this.err.println();
				}
				this.phase = phase;
				this.phaseStarted = this.lastUpdate;
			}
			this.lastUpdate = System.nanoTime();
			double seconds = Math.max(1e-3, (System.nanoTime() - this.phaseStarted) / 1e9);
			long rate = Math.round(rows / seconds);
			String eta = (fraction > 0.01 && fraction < 1)
					? " · " + Math.round(seconds * (1 - fraction) / fraction) + " s left" : "";
			if (Double.isNaN(fraction)) {
				// an XLSX sheet does not tell how much of it is left
				this.err.printf("\r%-5s %,d rows · %,d rows/s   ", phase, rows, rate);
			}
			else {
				int width = 30;
				int filled = (int) Math.round(width * fraction);
				this.err.printf("\r%-5s [%s%s] %3d%% · %,d rows · %,d rows/s%s   ", phase, "#".repeat(filled),
						" ".repeat(width - filled), Math.round(fraction * 100), rows, rate, eta);
			}
			this.err.flush();
			this.drawn = true;
		}

		void finish() {
			if (this.drawn) {
				this.err.printf("%ndone in %.1f s%n", (System.nanoTime() - this.started) / 1e9);
				this.err.flush();
			}
		}

	}

}
