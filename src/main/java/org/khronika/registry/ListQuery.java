package org.khronika.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a list as asked: filters, a date range, an order, the page and its size.
 * {@link #parse} reads it from a page's or the API's parameters; a bad one is refused
 * with {@link InvalidQuery}, naming the parameter.
 *
 * @param filters a value per filter, by code or by name (a region's name, "УК 207.3")
 * @param from the first day (inclusive) of the kind's date, or null
 * @param to the last day (inclusive), or null
 * @param page counts from 0
 */
public record ListQuery(RecordKind kind, Map<Filter, String> filters, LocalDate from, LocalDate to, Sort sort,
		boolean ascending, int page, int size) {

	/** The largest page. */
	public static final int MAX_SIZE = 500;

	/** What a list can be filtered by; each kind's list says which apply to it. */
	public enum Filter {

		REGION("region"), KIND("kind"), STATUS("status"), ARTICLE("article");

		private final String parameter;

		Filter(String parameter) {
			this.parameter = parameter;
		}

		public String parameter() {
			return this.parameter;
		}

	}

	/**
	 * What a list can be ordered by: the kind's own date (an incident's, a case's
	 * opening, an event's; when the record was made for persons and sources), when it was
	 * recorded, or when it last changed.
	 */
	public enum Sort {

		DATE("date"), CREATED("created"), UPDATED("updated");

		private final String parameter;

		Sort(String parameter) {
			this.parameter = parameter;
		}

		public String parameter() {
			return this.parameter;
		}

	}

	public ListQuery {
		filters = Map.copyOf(filters);
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("a page counts from 0 and holds 1 to " + MAX_SIZE + " records");
		}
	}

	/** The first page, most recently changed first, unfiltered. */
	public static ListQuery of(RecordKind kind, int page, int size) {
		return new ListQuery(kind, Map.of(), null, null, Sort.UPDATED, false, page, size);
	}

	/**
	 * The query {@code parameters} state: {@code region}, {@code kind}, {@code status},
	 * {@code article}, {@code from}, {@code to} (YYYY-MM-DD), {@code sort} ({@code date},
	 * {@code created} or {@code updated}, with a leading {@code -} for newest first;
	 * default {@code -updated}), {@code page} (from 0) and {@code size}. Blank values are
	 * no filter; other parameters are ignored.
	 * @throws InvalidQuery naming the first parameter that is malformed
	 */
	public static ListQuery parse(RecordKind kind, Map<String, String> parameters, int defaultSize) {
		Map<Filter, String> filters = new EnumMap<>(Filter.class);
		for (Filter filter : Filter.values()) {
			given(parameters, filter.parameter()).ifPresent(value -> filters.put(filter, value));
		}
		LocalDate from = date(parameters, "from");
		LocalDate to = date(parameters, "to");
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidQuery("to", "to_before_from");
		}
		String sortText = given(parameters, "sort").orElse("-updated");
		boolean ascending = !sortText.startsWith("-");
		String sortName = ascending ? sortText : sortText.substring(1);
		Sort sort = java.util.Arrays.stream(Sort.values())
			.filter(s -> s.parameter().equals(sortName))
			.findFirst()
			.orElseThrow(() -> new InvalidQuery("sort", "unknown_sort", sortText));
		int page = number(parameters, "page", 0, 0, 1_000_000);
		int size = number(parameters, "size", defaultSize, 1, MAX_SIZE);
		return new ListQuery(kind, filters, from, to, sort, ascending, page, size);
	}

	private static Optional<String> given(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
	}

	private static LocalDate date(Map<String, String> parameters, String name) {
		Optional<String> text = given(parameters, name);
		try {
			return text.map(LocalDate::parse).orElse(null);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidQuery(name, "not_a_date");
		}
	}

	private static int number(Map<String, String> parameters, String name, int missing, int min, int max) {
		Optional<String> text = given(parameters, name);
		if (text.isEmpty()) {
			return missing;
		}
		if (!text.get().matches("-?[0-9]{1,9}")) {
			throw new InvalidQuery(name, "not_a_number");
		}
		int value = Integer.parseInt(text.get());
		if (value < min || value > max) {
			throw new InvalidQuery(name, "out_of_range", min, max);
		}
		return value;
	}

}
