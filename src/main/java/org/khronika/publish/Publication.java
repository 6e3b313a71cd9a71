package org.khronika.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Dimension;
import org.khronika.catalog.Label;
import org.khronika.catalog.PublicationPlan;
import org.khronika.publish.Suppression.Shown;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

/**
 * The planned figures as they would be published: each computed by statistics (as the
 * account computing them may see the records), laid out as a table with its totals, and
 * suppressed, so that what a preview shows is what a publication would carry.
 */
public class Publication {

	/**
	 * A figure as published: the column headings (the values of its last dimension), the
	 * row headings (of its first, for a figure of two), the cells row by row, the row and
	 * column totals (a figure of two dimensions) and the total, each as shown: a count,
	 * "&lt; k", or "x" for a count hidden beside one. {@code k} is empty for a measure
	 * that is never suppressed.
	 */
	public record Table(PublicationPlan.Figure figure, List<String> columns, List<String> rows,
			List<List<String>> cells, List<String> rowTotals, List<String> columnTotals, String total,
			Optional<Integer> k, long position) {

		public Table {
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
			cells = cells.stream().map(List::copyOf).toList();
			rowTotals = List.copyOf(rowTotals);
			columnTotals = List.copyOf(columnTotals);
		}

	}

	/** How a hidden count is shown. */
	public static final String HIDDEN = "x";

	private final Statistics statistics;

	private final Catalog catalog;

	private final PublicationPlan plan;

	Publication(Statistics statistics, Catalog catalog, PublicationPlan plan) {
		this.statistics = statistics;
		this.catalog = catalog;
		this.plan = plan;
	}

	public PublicationPlan plan() {
		return this.plan;
	}

	/**
	 * Every planned figure as {@code actor}'s records give it, suppressed, in
	 * {@code locale}.
	 */
	public List<Table> preview(Actor actor, Locale locale) {
		return this.plan.figures().stream().map(figure -> table(actor, figure, locale)).toList();
	}

	private Table table(Actor actor, PublicationPlan.Figure figure, Locale locale) {
		StatsResult result = compute(actor, figure, figure.by());
		Optional<Integer> k = this.plan.threshold(figure.measure());
		int dimensions = figure.by().size();
		if (dimensions == 0) {
			long[] values = { result.total().value() };
			String[] shown = shown(values, List.of(), k);
			return new Table(figure, List.of(), List.of(), List.of(), List.of(), List.of(), shown[0], k,
					result.position());
		}
		if (dimensions == 1) {
			List<String> columns = new ArrayList<>();
			long[] values = new long[result.rows().size() + 1];
			for (int i = 0; i < result.rows().size(); i++) {
				columns.add(heading(figure.by().get(0), result.rows().get(i).values().get(0), locale));
				values[i] = result.rows().get(i).figure().value();
			}
			values[values.length - 1] = result.total().value();
			String[] shown = shown(values, Suppression.line(columns.size()), k);
			return new Table(figure, columns, List.of(), List.of(List.of(shown).subList(0, columns.size())), List.of(),
					List.of(), shown[shown.length - 1], k, result.position());
		}
		// two dimensions: the cells, and each dimension's own totals (a count that is not
		// additive, a person in two rows, is right in its totals and not their sum)
		StatsResult byRow = compute(actor, figure, figure.by().subList(0, 1));
		StatsResult byColumn = compute(actor, figure, figure.by().subList(1, 2));
		Map<String, Long> rowTotals = totals(byRow);
		Map<String, Long> columnTotals = totals(byColumn);
		List<String> rowValues = new ArrayList<>(rowTotals.keySet());
		List<String> columnValues = new ArrayList<>(columnTotals.keySet());
		int rows = rowValues.size();
		int columns = columnValues.size();
		long[] values = new long[Suppression.gridSize(rows, columns)];
		for (StatsResult.Row row : result.rows()) {
			int r = rowValues.indexOf(row.values().get(0));
			int c = columnValues.indexOf(row.values().get(1));
			if (r >= 0 && c >= 0) {
				values[r * columns + c] = row.figure().value();
			}
		}
		for (int r = 0; r < rows; r++) {
			values[rows * columns + r] = rowTotals.get(rowValues.get(r));
		}
		for (int c = 0; c < columns; c++) {
			values[rows * columns + rows + c] = columnTotals.get(columnValues.get(c));
		}
		values[values.length - 1] = result.total().value();
		String[] shown = shown(values, (rows == 1) ? Suppression.grid(1, columns) : Suppression.grid(rows, columns), k);
		List<List<String>> cells = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			cells.add(List.of(shown).subList(r * columns, (r + 1) * columns));
		}
		return new Table(figure,
				columnValues.stream().map(value -> heading(figure.by().get(1), value, locale)).toList(),
				rowValues.stream().map(value -> heading(figure.by().get(0), value, locale)).toList(), cells,
				List.of(shown).subList(rows * columns, rows * columns + rows),
				List.of(shown).subList(rows * columns + rows, rows * columns + rows + columns), shown[shown.length - 1],
				k, result.position());
	}

	private StatsResult compute(Actor actor, PublicationPlan.Figure figure, List<String> by) {
		return this.statistics.compute(actor,
				new StatsQuery(figure.measure(), by, figure.from(), figure.to(), figure.where(), null));
	}

	private static Map<String, Long> totals(StatsResult result) {
		Map<String, Long> totals = new LinkedHashMap<>();
		result.rows().forEach(row -> totals.put(row.values().get(0), row.figure().value()));
		return totals;
	}

	/** The values as shown, suppressed below {@code k} if there is one. */
	private static String[] shown(long[] values, List<Suppression.Relation> relations, Optional<Integer> k) {
		String[] shown = new String[values.length];
		Shown[] how = k.isPresent() ? Suppression.apply(values, relations, k.get(), Set.of()) : null;
		for (int i = 0; i < values.length; i++) {
			shown[i] = (how == null || how[i] == Shown.VALUE) ? String.valueOf(values[i])
					: (how[i] == Shown.BELOW_K) ? "< " + k.get() : HIDDEN;
		}
		return shown;
	}

	/**
	 * A dimension value's name in {@code locale}: "not stated" where the records say
	 * none.
	 */
	private String heading(String dimension, String value, Locale locale) {
		if (value == null) {
			return new Label("не указано", "not stated").in(locale);
		}
		String values = this.catalog.dimension(dimension).map(Dimension::values).orElse(null);
		return this.catalog.valueLabel(values, value).map(label -> label.in(locale)).orElse(value);
	}

}
