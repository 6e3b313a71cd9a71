package org.khronika.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.khronika.catalog.Dimension;
import org.khronika.catalog.Metric;
import org.khronika.stats.StatsResult.Figure;

/**
 * Figures as a table, the one form the page, the CSV and the command line all show: a
 * column per dimension (value codes), then the figure named after the measure, then what
 * the measure gives beside it ({@code amount}, {@code numerator} and {@code denominator},
 * {@code unknown}, {@code lapsed}); a line per group and the total last.
 */
public record Tabulation(List<String> header, List<Line> lines) {

	/**
	 * A line: the dimension values of its group (codes; null where not stated), its
	 * figure, and its share of the total (null for shares, whose figure is a share).
	 */
	public record Line(List<String> values, Figure figure, Double share, boolean total) {

		public Line {
			values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
		}

	}

	public Tabulation {
		header = List.copyOf(header);
		lines = List.copyOf(lines);
	}

	public static Tabulation of(StatsResult result) {
		List<String> header = new ArrayList<>(result.dimensions().stream().map(Dimension::code).toList());
		header.addAll(figureHeader(result.metric()));
		List<Line> lines = new ArrayList<>();
		long total = result.total().value();
		for (StatsResult.Row row : result.rows()) {
			Double share = (result.isShare() || total == 0) ? null : (double) row.figure().value() / total;
			lines.add(new Line(row.values(), row.figure(), share, false));
		}
		List<String> totals = new ArrayList<>();
		result.dimensions().forEach(d -> totals.add(null));
		lines.add(new Line(totals, result.total(), result.isShare() ? null : (total > 0) ? 1.0 : null, true));
		return new Tabulation(header, lines);
	}

	/** The figure's columns: the measure's code, then what it gives beside it. */
	public static List<String> figureHeader(Metric metric) {
		List<String> header = new ArrayList<>(List.of(metric.code()));
		if (metric.amount() != null) {
			header.add("amount");
		}
		if (metric.aggregate() == Metric.Aggregate.SHARE) {
			header.add("numerator");
			header.add("denominator");
		}
		if (metric.aggregate() == Metric.Aggregate.SUM_DETAINED) {
			header.add("unknown");
		}
		if (metric.onDay()) {
			header.add("lapsed");
		}
		return header;
	}

	/** A figure's cells as plain numbers: a share as a fraction with four decimals. */
	public static List<String> figureCells(Metric metric, Figure figure) {
		List<String> cells = new ArrayList<>();
		if (metric.aggregate() == Metric.Aggregate.SHARE) {
			cells.add((figure.rate() != null) ? String.format(Locale.ROOT, "%.4f", figure.rate()) : "");
		}
		else {
			cells.add(Long.toString(figure.value()));
		}
		for (Long beside : new Long[] { figure.amount(), figure.numerator(), figure.denominator(), figure.unknown(),
				figure.lapsed() }) {
			if (beside != null) {
				cells.add(Long.toString(beside));
			}
		}
		return cells;
	}

}
