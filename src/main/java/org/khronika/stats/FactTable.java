package org.khronika.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.khronika.catalog.Label;
import org.khronika.catalog.Named;

/**
 * The facts of one kind of record (incidents or cases) held in memory column by column,
 * every value a small integer: dates as days, months and years; codes and free text as
 * indexes into a dictionary per column. Counting a million records by two columns is then
 * one pass over a few arrays. Rows are updated in place when a record changes; no row is
 * ever removed, since records are never deleted. Not thread-safe: {@link FactCache}
 * guards it.
 */
final class FactTable {

	/** The value of a column a record does not fill. */
	static final int NONE = Integer.MIN_VALUE;

	/** Date columns: their value is the number itself. */
	enum Encoding {

		/** Days since 1970-01-01. */
		DAY,
		/** Months since year 0: {@code year * 12 + month - 1}. */
		MONTH,
		/** The year. */
		YEAR,
		/** An index into the column's dictionary. */
		CODE,
		/** A plain number. */
		NUMBER

	}

	private final Map<String, Encoding> encodings = new LinkedHashMap<>();

	private final Map<String, int[]> columns = new HashMap<>();

	private final Map<String, Dictionary> dictionaries = new HashMap<>();

	/** Multi-valued coded columns (a case's articles): each row holds its codes. */
	private final Map<String, int[][]> multiColumns = new HashMap<>();

	private final Map<UUID, Integer> index = new HashMap<>();

	private UUID[] ids = new UUID[1024];

	private boolean[] restricted = new boolean[1024];

	private final Dictionary creators = new Dictionary();

	private int[] creator = new int[1024];

	/** The users named on each record (on a case: its assigned lawyers); mostly none. */
	@SuppressWarnings("unchecked")
	private Set<String>[] named = new Set[1024];

	/** A case's events that decide custody; none for incidents. */
	@SuppressWarnings("unchecked")
	private List<Custody.Event>[] custody = new List[1024];

	private long[] amounts = new long[1024];

	private int size;

	FactTable(Map<String, Encoding> columns, List<String> multiColumns) {
		this.encodings.putAll(columns);
		columns.forEach((name, encoding) -> {
			this.columns.put(name, new int[1024]);
			if (encoding == Encoding.CODE) {
				this.dictionaries.put(name, new Dictionary());
			}
		});
		for (String name : multiColumns) {
			this.multiColumns.put(name, new int[1024][]);
			this.dictionaries.put(name, new Dictionary());
		}
	}

	int size() {
		return this.size;
	}

	/** The row of record {@code id}, added empty if the table does not have it yet. */
	int row(UUID id) {
		Integer existing = this.index.get(id);
		if (existing != null) {
			return existing;
		}
		if (this.size == this.ids.length) {
			grow();
		}
		int row = this.size++;
		this.ids[row] = id;
		this.index.put(id, row);
		return row;
	}

	private void grow() {
		int capacity = this.ids.length * 2;
		this.ids = Arrays.copyOf(this.ids, capacity);
		this.restricted = Arrays.copyOf(this.restricted, capacity);
		this.creator = Arrays.copyOf(this.creator, capacity);
		this.named = Arrays.copyOf(this.named, capacity);
		this.custody = Arrays.copyOf(this.custody, capacity);
		this.amounts = Arrays.copyOf(this.amounts, capacity);
		this.columns.replaceAll((name, values) -> Arrays.copyOf(values, capacity));
		this.multiColumns.replaceAll((name, values) -> Arrays.copyOf(values, capacity));
	}

	void access(int row, boolean restricted, String creator, Set<String> named) {
		this.restricted[row] = restricted;
		this.creator[row] = this.creators.code(creator);
		this.named[row] = named.isEmpty() ? Set.of() : Set.copyOf(named);
	}

	/** Sets a date column and the month and year columns derived from it. */
	void date(int row, LocalDate date) {
		this.columns.get("day")[row] = (date != null) ? (int) date.toEpochDay() : NONE;
		this.columns.get("month")[row] = (date != null) ? date.getYear() * 12 + date.getMonthValue() - 1 : NONE;
		this.columns.get("year")[row] = (date != null) ? date.getYear() : NONE;
	}

	void code(int row, String column, String value) {
		this.columns.get(column)[row] = (value != null) ? this.dictionaries.get(column).code(value) : NONE;
	}

	void number(int row, String column, Integer value) {
		this.columns.get(column)[row] = (value != null) ? value : NONE;
	}

	void day(int row, String column, LocalDate value) {
		this.columns.get(column)[row] = (value != null) ? (int) value.toEpochDay() : NONE;
	}

	void codes(int row, String column, List<String> values) {
		Dictionary dictionary = this.dictionaries.get(column);
		this.multiColumns.get(column)[row] = values.stream().distinct().mapToInt(dictionary::code).toArray();
	}

	void amount(int row, Long value) {
		this.amounts[row] = (value != null) ? value : 0;
	}

	boolean has(String column) {
		return this.columns.containsKey(column) || this.multiColumns.containsKey(column);
	}

	boolean isMulti(String column) {
		return this.multiColumns.containsKey(column);
	}

	int[] column(String column) {
		return this.columns.get(column);
	}

	int[][] multiColumn(String column) {
		return this.multiColumns.get(column);
	}

	UUID id(int row) {
		return this.ids[row];
	}

	boolean restricted(int row) {
		return this.restricted[row];
	}

	String creator(int row) {
		return this.creators.value(this.creator[row]);
	}

	Set<String> named(int row) {
		return this.named[row];
	}

	void custody(int row, List<Custody.Event> events) {
		this.custody[row] = List.copyOf(events);
	}

	/** The case's events that decide custody. */
	List<Custody.Event> custody(int row) {
		List<Custody.Event> events = this.custody[row];
		return (events != null) ? events : List.of();
	}

	long amount(int row) {
		return this.amounts[row];
	}

	/**
	 * A value not written as its column's values are ({@code 2024-13} for a month), with
	 * how they are written.
	 */
	static final class Malformed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Named format;

		Malformed(Named format) {
			super(format.code(), null, false, false);
			this.format = format;
		}

		Named format() {
			return this.format;
		}

	}

	/**
	 * The code the table uses for {@code value} in {@code column}, or empty if none.
	 * @throws Malformed if the column's values are days, months or numbers and
	 * {@code value} is none
	 */
	java.util.OptionalInt encode(String column, String value) {
		Encoding encoding = this.multiColumns.containsKey(column) ? Encoding.CODE : this.encodings.get(column);
		try {
			return switch (encoding) {
				case DAY -> java.util.OptionalInt.of((int) LocalDate.parse(value).toEpochDay());
				case MONTH -> {
					java.time.YearMonth month = java.time.YearMonth.parse(value);
					yield java.util.OptionalInt.of(month.getYear() * 12 + month.getMonthValue() - 1);
				}
				case YEAR -> java.util.OptionalInt.of(Integer.parseInt(value));
				case NUMBER -> java.util.OptionalInt.of(Integer.parseInt(value));
				case CODE -> this.dictionaries.get(column).find(value);
			};
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			throw new Malformed(switch (encoding) {
				case DAY -> new Named("YYYY-MM-DD", new Label("ГГГГ-ММ-ДД", "YYYY-MM-DD"));
				case MONTH -> new Named("YYYY-MM", new Label("ГГГГ-ММ", "YYYY-MM"));
				default -> new Named("a number", new Label("число", "a number"));
			});
		}
	}

	/**
	 * The value {@code code} stands for in {@code column}, as the records and the CLI
	 * write it.
	 */
	String decode(String column, int code) {
		if (code == NONE) {
			return null;
		}
		Encoding encoding = this.multiColumns.containsKey(column) ? Encoding.CODE : this.encodings.get(column);
		return switch (encoding) {
			case DAY -> LocalDate.ofEpochDay(code).toString();
			case MONTH -> "%04d-%02d".formatted(Math.floorDiv(code, 12), Math.floorMod(code, 12) + 1);
			case YEAR, NUMBER -> Integer.toString(code);
			case CODE -> this.dictionaries.get(column).value(code);
		};
	}

	/** Whether {@code column} is a date: its groups go in time order. */
	boolean isDate(String column) {
		Encoding encoding = this.encodings.get(column);
		return encoding == Encoding.DAY || encoding == Encoding.MONTH || encoding == Encoding.YEAR;
	}

	/** Strings to small integers and back; one per coded column. */
	private static final class Dictionary {

		private final Map<String, Integer> codes = new HashMap<>();

		private final List<String> values = new ArrayList<>();

		int code(String value) {
			Integer code = this.codes.get(value);
			if (code == null) {
				code = this.values.size();
				this.values.add(value);
				this.codes.put(value, code);
			}
			return code;
		}

		java.util.OptionalInt find(String value) {
			Integer code = this.codes.get(value);
			return (code != null) ? java.util.OptionalInt.of(code) : java.util.OptionalInt.empty();
		}

		String value(int code) {
			return this.values.get(code);
		}

	}

}
