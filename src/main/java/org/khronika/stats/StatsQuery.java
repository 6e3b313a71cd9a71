package org.khronika.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statistics question: one measure, broken down by up to two dimensions, over records
 * dated from {@code from} to {@code to} (inclusive; either may be open), with filters
 * (dimension = one of the values).
 *
 * @param asOf the day a measure of people on a day ({@code in-custody}) is counted on;
 * null: today
 */
public record StatsQuery(String measure, List<String> by, LocalDate from, LocalDate to, Map<String, List<String>> where,
		LocalDate asOf) {

	/** At most this many dimensions at once. */
	public static final int MAX_DIMENSIONS = 2;

	public StatsQuery {
		by = List.copyOf(by);
		// in the order given, as the page and the command line repeat them
		Map<String, List<String>> filters = new LinkedHashMap<>();
		where.forEach((field, values) -> filters.put(field, List.copyOf(values)));
		where = java.util.Collections.unmodifiableMap(filters);
	}

	/**
	 * The question as the CLI and the web page state it: {@code by} comma-separated
	 * ({@code month,type}), dates as {@code 2012-05-06}, filters as {@code field=value}
	 * (repeat a field for several values).
	 * @throws StatsException naming the parameter that is malformed
	 */
	public static StatsQuery parse(String measure, String by, String from, String to, List<String> where) {
		return parse(measure, by, from, to, where, null);
	}

	/**
	 * As {@link #parse(String, String, String, String, List)}, with the day a measure on
	 * a day is counted on ({@code asOf}, YYYY-MM-DD; blank for today).
	 * @throws StatsException naming the parameter that is malformed
	 */
	public static StatsQuery parse(String measure, String by, String from, String to, List<String> where, String asOf) {
		if (measure == null || measure.isBlank()) {
			throw new StatsException("stats.measureRequired");
		}
		List<String> dimensions = (by == null || by.isBlank()) ? List.of()
				: Arrays.stream(by.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String filter : (where != null) ? where : List.<String>of()) {
			if (filter == null || filter.isBlank()) {
				continue;
			}
			int equals = filter.indexOf('=');
			if (equals < 1) {
				throw new StatsException("stats.whereForm", filter);
			}
			filters.computeIfAbsent(filter.substring(0, equals).strip(), f -> new ArrayList<>())
				.add(filter.substring(equals + 1).strip());
		}
		return new StatsQuery(measure.strip(), dimensions, date("from", from), date("to", to), filters,
				date("as-of", asOf));
	}

	private static LocalDate date(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new StatsException("stats.notADate", parameter, text.strip());
		}
	}

	/** The filters as {@code field=value} strings, as {@link #parse} takes them. */
	public List<String> whereStrings() {
		List<String> strings = new ArrayList<>();
		this.where.forEach((field, values) -> values.forEach(value -> strings.add(field + "=" + value)));
		return strings;
	}

}
