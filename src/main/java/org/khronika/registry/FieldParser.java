package org.khronika.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.LawArticle;

/**
 * Reads a draft's text into typed field values, field by field, against the catalog and
 * the records the actor may see: every problem is collected, none thrown. Text is
 * trimmed; blank text is no value.
 */
final class FieldParser {

	private final Catalog catalog;

	private final Predicate<RecordId> visible;

	private final List<FieldProblem> problems = new ArrayList<>();

	/**
	 * @param visible whether a referred record exists and may be referred to
	 */
	FieldParser(Catalog catalog, Predicate<RecordId> visible) {
		this.catalog = catalog;
		this.visible = visible;
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

	FieldValues parse(RecordDraft draft) {
		FieldValues values = new FieldValues();
		for (Field field : draft.kind().fields()) {
			List<String> given = draft.get(field.name()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
			int before = this.problems.size();
			Object value = field.type().isList() ? list(field, given) : single(field, given);
			if (this.problems.size() == before && field.required() && (value == null
					|| (value instanceof List<?> list && list.isEmpty()) || Boolean.FALSE.equals(value))) {
				reject(field.name(), field.requiredCode());
			}
			values.put(field.name(), value);
		}
		return values;
	}

	private Object single(Field field, List<String> given) {
		if (given.isEmpty()) {
			return (field.type() == FieldType.FLAG) ? Boolean.FALSE : null;
		}
		return value(field, field.name(), given.get(0));
	}

	private List<Object> list(Field field, List<String> given) {
		int most = (field.type() == FieldType.LINES) ? PersonDetails.MAX_NAMES : 1000;
		if (given.size() > most) {
			reject(field.name(), "too_many", most);
			return List.of();
		}
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Object value = value(field, field.name() + "[" + i + "]", given.get(i));
			if (value != null && !values.contains(value)) {
				values.add(value);
			}
		}
		return values;
	}

	private Object value(Field field, String name, String text) {
		return switch (field.type()) {
			case TEXT, LONG_TEXT, LINES -> text(name, text, field.max());
			case NUMBER -> {
				Long number = number(name, text);
				if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
					reject(name, "number_out_of_range");
					yield null;
				}
				yield (number != null) ? number.intValue() : null;
			}
			case AMOUNT -> number(name, text);
			case DATE -> date(name, text);
			case FLAG -> "true".equals(text) || "on".equals(text);
			case TERM -> term(name, field.vocabulary(), text);
			case REGION -> region(name, text);
			case ARTICLES -> article(name, text);
			case REFERENCE, REFERENCES -> reference(name, field.target(), text);
			case GRADE -> grade(name, text);
		};
	}

	private void reject(String field, String code, Object... arguments) {
		this.problems.add(FieldProblem.of(field, code, arguments));
	}

	private String text(String field, String text, int max) {
		if (text.length() > max) {
			reject(field, "too_long", max);
			return null;
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			reject(field, "control_characters");
			return null;
		}
		return text;
	}

	private Long number(String field, String text) {
		String digits = text.replace(" ", "").replace("\u00a0", "");
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			reject(field, digits.matches("-?[0-9]+") ? "number_out_of_range" : "not_a_number");
			return null;
		}
	}

	private LocalDate date(String field, String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isBefore(LocalDate.of(1900, 1, 1))) {
				reject(field, "date_too_early");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			reject(field, "not_a_date");
			return null;
		}
	}

	private String term(String field, String vocabulary, String code) {
		if (text(field, code, Field.SHORT) == null) {
			return null;
		}
		if (!this.catalog.vocabulary(vocabulary).contains(code)) {
			reject(field, "unknown_term", code);
			return null;
		}
		return code;
	}

	private String region(String field, String text) {
		if (text(field, text, Field.SHORT) == null) {
			return null;
		}
		Optional<String> code = this.catalog.findRegion(text).map(r -> r.code());
		if (code.isEmpty()) {
			reject(field, "unknown_region", text);
			return null;
		}
		return code.get();
	}

	private String article(String field, String text) {
		Optional<LawArticle> article = this.catalog.findArticle(text);
		if (article.isEmpty()) {
			reject(field, "unknown_article", text);
			return null;
		}
		return article.get().code();
	}

	private RecordId reference(String field, RecordKind kind, String text) {
		Optional<UUID> uuid = RecordId.parseUuid(text);
		RecordId id = uuid.map(kind::id).orElse(null);
		if (id == null || !this.visible.test(id)) {
			reject(field, "no_such_record", kind.code(), (text.length() > 64) ? text.substring(0, 64) : text);
			return null;
		}
		return id;
	}

	private String grade(String field, String text) {
		String grade = text.toUpperCase(Locale.ROOT);
		if (!grade.matches("[A-F][1-6]")) {
			reject(field, "reliability_format");
			return null;
		}
		return grade;
	}

}
