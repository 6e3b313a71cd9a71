package org.khronika.imports;

import org.khronika.catalog.Message;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one field of a record is made from a row: from a column (or a constant), trimmed,
 * put in one case, split into several values, read as a date in a given format, and
 * mapped through a vocabulary (compared ignoring case).
 *
 * @param column the column it comes from, or null for a constant
 * @param value the constant, when there is no column
 * @param trim strip white space (default)
 * @param letterCase {@code lower}, {@code upper} or null
 * @param split the delimiter between several values in one cell, or null
 * @param dateFormat the cell's date pattern ({@code dd.MM.yyyy}), or null
 * @param map cell value → field value; a value not in it is a problem of the row
 */
record FieldRule(String field, String column, String value, boolean trim, String letterCase, String split,
		String dateFormat, Map<String, String> map) {

	FieldRule {
		if ((column == null) == (value == null)) {
			throw new ProfileException("profile.columnOrValue", field);
		}
		if (letterCase != null && !List.of("lower", "upper").contains(letterCase)) {
			throw new ProfileException("profile.badCase", field, letterCase);
		}
		if (dateFormat != null) {
			try {
				DateTimeFormatter.ofPattern(dateFormat);
			}
			catch (IllegalArgumentException | ClassCastException ex) {
				// the JDK throws ClassCastException for a pad letter before some fields
				// ("pn"): found by ProfileFuzzer
				throw new ProfileException("profile.badDateFormat", field, dateFormat);
			}
		}
		if (map != null) {
			Map<String, String> folded = new TreeMap<>();
			map.forEach((from, to) -> folded.put(fold(from), to));
			map = folded;
		}
	}

	/**
	 * The field's values for a cell, or a problem (a sentence) if the cell cannot be
	 * read.
	 */
	sealed interface Outcome {

	}

	record Values(List<String> values) implements Outcome {
	}

	record Problem(Message message) implements Outcome {
	}

	Outcome apply(String cell) {
		String raw = (this.column == null) ? this.value : cell;
		if (raw == null) {
			return new Values(List.of());
		}
		List<String> parts = (this.split != null) ? List.of(raw.split(java.util.regex.Pattern.quote(this.split)))
				: List.of(raw);
		List<String> values = new ArrayList<>();
		for (String part : parts) {
			String text = this.trim ? part.strip() : part;
			if (this.letterCase != null) {
				text = "lower".equals(this.letterCase) ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT);
			}
			if (text.isEmpty()) {
				continue;
			}
			if (this.map != null) {
				String mapped = this.map.get(fold(text));
				if (mapped == null) {
					return new Problem(Message.of("import.notInMap", text, this.field));
				}
				text = mapped;
			}
			if (this.dateFormat != null && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				// an ISO date (a spreadsheet's date cell) is taken as it is
				try {
					text = LocalDate
						.parse(text,
								DateTimeFormatter.ofPattern(this.dateFormat.replace("yyyy", "uuuu"))
									.withResolverStyle(ResolverStyle.STRICT))
						.toString();
				}
				catch (DateTimeParseException ex) {
					return new Problem(Message.of("import.notADateOfForm", text, this.dateFormat));
				}
			}
			values.add(text);
		}
		return new Values(values);
	}

	private static String fold(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
