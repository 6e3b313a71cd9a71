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
 */
public record ListColumn(String name, boolean sealed, BiFunction<RecordDetails, Labels, String> cell) {
}
