package org.khronika.registry;

/**
 * What a field holds, which decides how it is read from text, stored in the log, shown
 * and edited. The Java type of its value is given for each.
 */
public enum FieldType {

	/** One line of text: {@code String}. */
	TEXT(false),
	/** Free text over several lines: {@code String}. */
	LONG_TEXT(false),
	/** Several values, one per line in a form: {@code List<String>}. */
	LINES(true),
	/** A whole number: {@code Integer}. */
	NUMBER(false),
	/** An amount of money in roubles: {@code Long}. */
	AMOUNT(false),
	/** A day: {@code LocalDate}. */
	DATE(false),
	/** Yes or no: {@code Boolean}. */
	FLAG(false),
	/** A code of the catalog's vocabulary named by the field: {@code String}. */
	TERM(false),
	/** A region's code: {@code String}. */
	REGION(false),
	/** Law articles' codes: {@code List<String>}. */
	ARTICLES(true),
	/** Another record of the field's target kind: {@code RecordId}. */
	REFERENCE(false),
	/** Other records of the field's target kind: {@code List<RecordId>}. */
	REFERENCES(true),
	/** A grade on the Admiralty scale, a letter A–F and a digit 1–6: {@code String}. */
	GRADE(false);

	private final boolean list;

	FieldType(boolean list) {
		this.list = list;
	}

	/** Whether the field holds several values. */
	public boolean isList() {
		return this.list;
	}

}
