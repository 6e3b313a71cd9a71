package org.khronika.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind's facts as a typed table: one row per record, with a column for each public
 * field that lists are sorted and filtered by and statistics count, and the record's
 * access facts ({@code restricted}, {@code created_by}) and {@code last_seq}. Kept by
 * {@link TypedTableProjection} in the same transaction as the log; read by
 * {@link Registry#list} and by statistics ({@link Facts}). Opens nothing: public fields
 * only.
 *
 * @param table the table's name
 * @param date the column lists sort and limit by date, or null (then they use when the
 * record was made)
 * @param columns the columns, each from the record's field values
 */
record TypedTable(String table, String date, List<Column> columns) {

	/**
	 * The value of a column of text whose field does not apply to the record (a case's
	 * informant, when it did not start with a denunciation): not "not stated".
	 */
	static final String NOT_APPLICABLE = "n/a";

	/**
	 * A column of the table.
	 *
	 * @param filter the list filter it answers, or null
	 * @param field the field it holds (its codes, for a filter, by code or by name), or
	 * null for a column computed otherwise
	 * @param value its value for a record's field values: a string, number, boolean, day
	 * or null
	 */
	record Column(String name, ListQuery.Filter filter, String field, Function<FieldValues, Object> value) {
	}

	TypedTable {
		columns = List.copyOf(columns);
		for (Column column : columns) {
			if (!column.name().matches("[a-z_]+")) {
				throw new IllegalArgumentException("a column name is lower-case letters and '_': " + column.name());
			}
		}
	}

	static Column column(String name, Function<FieldValues, Object> value) {
		return new Column(name, null, null, value);
	}

	/**
	 * A column of the value of {@code field}, or {@link #NOT_APPLICABLE} where the field
	 * does not apply.
	 */
	static Column field(String name, String field) {
		return filtered(name, null, field);
	}

	/** As {@link #field}, a column lists filter by {@code filter}. */
	static Column filtered(String name, ListQuery.Filter filter, String field) {
		return new Column(name, filter, field, values -> values.get(field));
	}

	/**
	 * A column of the codes of a list field, separated by spaces (empty for none), which
	 * lists filter by {@code filter}.
	 */
	static Column codes(String name, ListQuery.Filter filter, String field) {
		return new Column(name, filter, field,
				values -> String.join(" ", values.all(field).stream().map(Object::toString).toList()));
	}

	/** The column answering {@code filter}, or empty if the list has none. */
	Optional<Column> column(ListQuery.Filter filter) {
		return this.columns.stream().filter(c -> c.filter() == filter).findFirst();
	}

}
