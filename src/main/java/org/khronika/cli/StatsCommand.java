package org.khronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsFormat;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats",
		description = "Compute a figure: a measure, by up to two dimensions, over a date range, with filters. "
				+ "Counts the records the account (--as) may see; opens nothing sealed. "
				+ "Measures and dimensions are defined in the catalog (catalog/metrics.yaml); "
				+ "'--format table' prints each measure's definition under the table.")
class StatsCommand implements Callable<Integer> {

	@Mixin
	DataDirectory data;

	@Mixin
	CommandLineActor actor;

	@Option(names = "--measure", required = true, paramLabel = "M",
			description = "incidents, detained, persons, cases, charges, fines, in-custody or conviction-rate.")
	String measure;

	@Option(names = "--by", paramLabel = "D[,D2]",
			description = "Up to two dimensions: day, month, year, region, type, topic, organiser, agreement, "
					+ "article, kind, trigger, informant, status, outcome.")
	String by;

	@Option(names = "--from", paramLabel = "DATE", description = "Records dated on or after (YYYY-MM-DD).")
	String from;

	@Option(names = "--to", paramLabel = "DATE", description = "Records dated on or before (YYYY-MM-DD).")
	String to;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "For in-custody: the day to count on (YYYY-MM-DD); today if not given.")
	String asOf;

	@Option(names = "--where", paramLabel = "FIELD=VALUE",
			description = "Only records with this value (repeatable; one field repeated means any of its values).")
	List<String> where;

	@Option(names = "--format", defaultValue = "table", paramLabel = "csv|table",
			description = "csv: a header row, then one row per group (the dimension values, then the figure), "
					+ "then the total; table (default): the same, aligned, with the measure's definition.")
	String format;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if (!this.format.equals("csv") && !this.format.equals("table")) {
			throw new Failures.CommandFailure("--format: '" + this.format + "'; csv or table");
		}
		StatsQuery query = StatsQuery.parse(this.measure, this.by, this.from, this.to, this.where, this.asOf);
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = Contexts.start(this.data.path())) {
			Actor reader = this.actor.resolve(context.getBean(Accounts.class));
			StatsResult result = context.getBean(Statistics.class).compute(reader, query);
			if (this.format.equals("csv")) {
				StatsFormat.csv(result, out);
			}
			else {
				out.print(StatsFormat.table(result));
				out.println();
				out.println(result.metric().code() + ": " + result.metric().definition().en());
				only(result.query()).ifPresent(out::println);
				out.println("As " + reader.login() + " may see the records, at log position " + result.position()
						+ ", on " + result.day() + ".");
			}
		}
		out.flush();
		return 0;
	}

	/**
	 * What the figures were narrowed to, said under the table so that a figure copied
	 * from it is not read as the whole: the dates and the filters, if any.
	 */
	static java.util.Optional<String> only(StatsQuery query) {
		List<String> only = new java.util.ArrayList<>();
		if (query.from() != null) {
			only.add("from " + query.from());
		}
		if (query.to() != null) {
			only.add("to " + query.to());
		}
		query.where()
			.forEach((field, values) -> only.add(field + " = "
					+ String.join(" or ", values.stream().map(v -> v.isEmpty() ? "not stated" : v).toList())));
		return only.isEmpty() ? java.util.Optional.empty()
				: java.util.Optional.of("Counted only where: " + String.join(", ", only) + ".");
	}

}
