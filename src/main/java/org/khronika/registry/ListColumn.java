package org.khronika.registry;

import java.util.function.BiFunction;

/**
 * A column of a kind's list page, after the record's title.
 *
 * @param name a field's name (the column takes its label), or another word labelled by
 * the message {@code field.<name>}
 * @param sealed whether it shows a sealed field: a reader who sees public fields only is
 * told it is hidden
 * @param cell the cell's text for a record, in the page's words
 * @param aside the same as a line beside the record's title says it, where no header
 * names the column: words for what would be a bare number or "no", or nothing
 */
public record ListColumn(String name, boolean sealed, BiFunction<RecordDetails, Labels, String> cell,
		BiFunction<RecordDetails, Labels, String> aside) {

	/** A column whose cell says what it is without its header (a region, a status). */
	public ListColumn(String name, boolean sealed, BiFunction<RecordDetails, Labels, String> cell) {
		this(name, sealed, cell, cell);
	}

}
