package org.khronika.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Role;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Dimension;
import org.khronika.catalog.Label;
import org.khronika.catalog.PublicationPlan;
import org.khronika.publish.Suppression.Shown;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

/**
 * The planned figures as they would be published: each computed by statistics over the
 * records that are not restricted (whoever asks: the same records the open data carries,
 * so that two editors publish the same figures), laid out as a table with its totals, and
 * suppressed, so that what a preview shows is what a publication would carry.
 */
public class Publication {

	/**
	 * A figure as published: the column codes (the values of its last dimension; "" where
	 * the records do not say), the row codes (of its first, for a figure of two), the
	 * cells row by row, the row and column totals (a figure of two dimensions) and the
	 * total, each as shown: a count, "&lt; k", or "x" for a count hidden beside one.
	 * {@code k} is empty for a measure that is never suppressed. Codes, not names: a
	 * publication is in every language ({@link #heading} names them).
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

	/**
	 * Whom published figures are counted as: an analyst named on no record (no account
	 * can have this login), who sees every record that is not restricted and no other.
	 */
	static final Actor PUBLIC_READER = new Actor("(publication)", Role.ANALYST);

	private final Statistics statistics;

	private final Catalog catalog;

	private final PublicationPlan plan;

	private final AccessPolicy policy;

	Publication(Statistics statistics, Catalog catalog, PublicationPlan plan, AccessPolicy policy) {
		this.statistics = statistics;
		this.catalog = catalog;
		this.plan = plan;
		this.policy = policy;
	}

	public PublicationPlan plan() {
		return this.plan;
	}

	/** Every planned figure as it would be published now, suppressed. */
	public List<Table> preview(Actor actor) {
		return preview(actor, Map.of());
	}

	/**
	 * Every planned figure as it would be published, suppressed, with what an earlier
	 * publication hid kept hidden ({@code hiddenBefore}: by figure code, the keys of
	 * {@link #hidden(Table)}).
	 * @throws AccessRefused unless {@code actor} may read statistics
	 */
	public List<Table> preview(Actor actor, Map<String, Set<String>> hiddenBefore) {
		AccessRefused.unless(this.policy.may(actor, Capability.READ_STATISTICS));
		return this.plan.figures()
			.stream()
			.map(figure -> table(PUBLIC_READER, figure, hiddenBefore.getOrDefault(figure.code(), Set.of())))
			.toList();
	}

	/**
	 * The elements of {@code table} not shown as their count, by their keys
	 * ({@link #elements}), so that a later publication with more rows or columns finds
	 * them again.
	 */
	public static Set<String> hidden(Table table) {
		Set<String> hidden = new TreeSet<>();
		elements(table).forEach((key, shown) -> {
			if (!isCount(shown)) {
				hidden.add(key);
			}
		});
		return hidden;
	}

	/**
	 * {@code table}'s elements as shown, by keys that name them by their codes
	 * ({@code cell:ROW:COLUMN}, {@code cell::COLUMN} in a figure of one dimension,
	 * {@code row:ROW}, {@code column:COLUMN}, {@code total}).
	 */
	public static Map<String, String> elements(Table table) {
		List<String> shown = new ArrayList<>();
		table.cells().forEach(shown::addAll);
		shown.addAll(table.rowTotals());
		shown.addAll(table.columnTotals());
		shown.add(table.total());
		return elements(table.figure().by().size(), table.rows(), table.columns(), shown);
	}

	/**
	 * The elements of a table of {@code dimensions} with these row and column codes, as
	 * {@code shown} in the numbering {@link Suppression} uses, by their keys.
	 */
	static Map<String, String> elements(int dimensions, List<String> rows, List<String> columns, List<String> shown) {
		List<String> keys = keys(rows, columns, dimensions);
		Map<String, String> elements = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			elements.put(keys.get(i), shown.get(i));
		}
		return elements;
	}

	/**
	 * An element of figure {@code figureCode} in words, from its key ({@link #elements}):
	 * "Cases by year and law article, 2024, УК 207.3".
	 */
	public String describe(String figureCode, String key, Locale locale) {
		Optional<PublicationPlan.Figure> planned = this.plan.figures()
			.stream()
			.filter(figure -> figure.code().equals(figureCode))
			.findFirst();
		if (planned.isEmpty()) {
			return figureCode + ", " + key;
		}
		List<String> by = planned.get().by();
		String[] parts = key.split(":", -1);
		String total = new Label("итого", "total").in(locale);
		String where = switch (parts[0]) {
			case "cell" ->
				(by.size() == 2) ? heading(by.get(0), parts[1], locale) + ", " + heading(by.get(1), parts[2], locale)
						: heading(by.get(0), parts[2], locale);
			case "row" -> heading(by.get(0), parts[1], locale) + ", " + total;
			case "column" -> heading(by.get(1), parts[1], locale) + ", " + total;
			default -> total;
		};
		return planned.get().title().in(locale) + ", " + where;
	}

	/** Whether an element is shown as its count (not "&lt; k", not hidden). */
	static boolean isCount(String shown) {
		return !shown.isEmpty() && shown.chars().allMatch(Character::isDigit);
	}

	/**
	 * An element as a page writes it: a count with the language's thousands separator
	 * ({@code numbers}), "&lt; k" and "x" as they are. Files of data keep the bare
	 * digits.
	 */
	public static String written(String shown, java.text.NumberFormat numbers) {
		return isCount(shown) ? numbers.format(Long.parseLong(shown)) : shown;
	}

	/** The keys of a table's elements, in the numbering {@link Suppression} uses. */
	private static List<String> keys(List<String> rows, List<String> columns, int dimensions) {
		List<String> keys = new ArrayList<>();
		if (dimensions == 2) {
			rows.forEach(row -> columns.forEach(column -> keys.add("cell:" + row + ":" + column)));
			rows.forEach(row -> keys.add("row:" + row));
			columns.forEach(column -> keys.add("column:" + column));
		}
		else {
			columns.forEach(column -> keys.add("cell::" + column));
		}
		keys.add("total");
		return keys;
	}

	private Table table(Actor actor, PublicationPlan.Figure figure, Set<String> hiddenBefore) {
		StatsResult result = compute(actor, figure, figure.by());
		Optional<Integer> k = this.plan.threshold(figure.measure());
		int dimensions = figure.by().size();
		if (dimensions < 2) {
			List<String> columns = new ArrayList<>();
			long[] values = new long[result.rows().size() + 1];
			for (int i = 0; i < result.rows().size() && dimensions == 1; i++) {
				columns.add(code(result.rows().get(i).values().get(0)));
				values[i] = result.rows().get(i).figure().value();
			}
			values = java.util.Arrays.copyOf(values, columns.size() + 1);
			values[columns.size()] = result.total().value();
			String[] shown = shown(values, (dimensions == 0) ? List.of() : Suppression.line(columns.size()), k,
					before(keys(List.of(), columns, dimensions), hiddenBefore));
			List<List<String>> cells = (dimensions == 0) ? List.of()
					: List.of(List.of(shown).subList(0, columns.size()));
			return new Table(figure, columns, List.of(), cells, List.of(), List.of(), shown[columns.size()], k,
					result.position());
		}
		// two dimensions: the cells, and each dimension's own totals (a count that is not
		// additive, a person in two rows, is right in its totals and not their sum)
		Map<String, Long> rowTotals = totals(compute(actor, figure, figure.by().subList(0, 1)));
		Map<String, Long> columnTotals = totals(compute(actor, figure, figure.by().subList(1, 2)));
		List<String> rowCodes = new ArrayList<>(rowTotals.keySet());
		List<String> columnCodes = new ArrayList<>(columnTotals.keySet());
		int rows = rowCodes.size();
		int columns = columnCodes.size();
		long[] values = new long[Suppression.gridSize(rows, columns)];
		for (StatsResult.Row row : result.rows()) {
			int r = rowCodes.indexOf(code(row.values().get(0)));
			int c = columnCodes.indexOf(code(row.values().get(1)));
			if (r >= 0 && c >= 0) {
				values[r * columns + c] = row.figure().value();
			}
		}
		for (int r = 0; r < rows; r++) {
			values[rows * columns + r] = rowTotals.get(rowCodes.get(r));
		}
		for (int c = 0; c < columns; c++) {
			values[rows * columns + rows + c] = columnTotals.get(columnCodes.get(c));
		}
		values[values.length - 1] = result.total().value();
		String[] shown = shown(values, Suppression.grid(rows, columns), k,
				before(keys(rowCodes, columnCodes, 2), hiddenBefore));
		List<String> all = List.of(shown);
		List<List<String>> cells = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			cells.add(all.subList(r * columns, (r + 1) * columns));
		}
		return new Table(figure, columnCodes, rowCodes, cells, all.subList(rows * columns, rows * columns + rows),
				all.subList(rows * columns + rows, rows * columns + rows + columns), shown[shown.length - 1], k,
				result.position());
	}

	private StatsResult compute(Actor actor, PublicationPlan.Figure figure, List<String> by) {
		return this.statistics.compute(actor,
				new StatsQuery(figure.measure(), by, figure.from(), figure.to(), figure.where(), null));
	}

	private static Map<String, Long> totals(StatsResult result) {
		Map<String, Long> totals = new LinkedHashMap<>();
		result.rows().forEach(row -> totals.put(code(row.values().get(0)), row.figure().value()));
		return totals;
	}

	private static String code(String value) {
		return (value != null) ? value : "";
	}

	/** The numbers of the elements whose keys an earlier publication hid. */
	private static Set<Integer> before(List<String> keys, Set<String> hiddenBefore) {
		Set<Integer> numbers = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			if (hiddenBefore.contains(keys.get(i))) {
				numbers.add(i);
			}
		}
		return numbers;
	}

	/** The values as shown, suppressed below {@code k} if there is one. */
	private static String[] shown(long[] values, List<Suppression.Relation> relations, Optional<Integer> k,
			Set<Integer> hiddenBefore) {
		String[] shown = new String[values.length];
		Shown[] how = k.isPresent() ? Suppression.apply(values, relations, k.get(), hiddenBefore) : null;
		for (int i = 0; i < values.length; i++) {
			shown[i] = (how == null || how[i] == Shown.VALUE) ? String.valueOf(values[i])
					: (how[i] == Shown.BELOW_K) ? "< " + k.get() : HIDDEN;
		}
		return shown;
	}

	/**
	 * A dimension value's name in {@code locale}: "not stated" where the records say none
	 * (code "").
	 */
	public String heading(String dimension, String value, Locale locale) {
		if (value == null || value.isEmpty()) {
			return new Label("не указано", "not stated").in(locale);
		}
		String values = this.catalog.dimension(dimension).map(Dimension::values).orElse(null);
		return this.catalog.valueLabel(values, value).map(label -> label.in(locale)).orElse(value);
	}

}
