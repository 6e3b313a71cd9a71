package org.khronika.registry;

import java.time.LocalDate;

/**
 * What a page model needs to put a record into words in the reader's language: the
 * catalog's labels, the page's messages, and the titles of the other records the reader
 * may see. Implemented by the web layer for one page.
 */
public interface Labels {

	/** The label of {@code code} in {@code vocabulary}, or the code if it has none. */
	String term(String vocabulary, String code);

	String region(String code);

	/** A law article's short name: "УК 207.3". */
	String article(String code);

	/**
	 * The title of record {@code id}, or words saying that it exists but the reader may
	 * not see it.
	 */
	String title(RecordId id);

	/** A message of the page's language. */
	String message(String code, Object... arguments);

	/** A day as the page shows it. */
	String date(LocalDate day);

	/**
	 * {@code title}, a line about {@code record}, split around the day it shows (an
	 * incident's, a case event's) for a page's {@code <time datetime>}; whole if it shows
	 * none.
	 */
	default DatedTitle dated(RecordView record, String title) {
		LocalDate day = (record.details() != null && record.kind().dated()) ? record.kind().date(record.details())
				: null;
		return DatedTitle.of(title, day, (day != null) ? date(day) : null);
	}

}
