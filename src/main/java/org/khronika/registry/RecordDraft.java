package org.khronika.registry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What someone entered for one record, field by field, as text: what forms, the JSON API,
 * import rows and (later) intake give. Any field may be missing or wrong; the registry
 * checks a draft with the same rules whichever path it came by. A list field may hold
 * several values: every spelling in a split cell is one value.
 *
 * @param values the values by field name; fields the kind does not have are dropped
 */
public record RecordDraft(RecordKind kind, Map<String, List<String>> values) {

	/** JSON fields a client may send back unchanged from a GET; they are not input. */
	private static final Set<String> READ_ONLY = Set.of("id", "version", "shredded", "redacted", "createdAt",
			"createdBy", "updatedAt", "updatedBy");

	public RecordDraft {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		for (Field field : kind.fields()) {
			List<String> given = values.get(field.name());
			if (given != null) {
				copy.put(field.name(), given.stream().map(v -> (v != null) ? v : "").toList());
			}
		}
		values = java.util.Collections.unmodifiableMap(copy);
	}

	/**
	 * A draft of these values, each one value as given (a split import cell, an API
	 * list).
	 */
	public static RecordDraft of(RecordKind kind, Map<String, List<String>> values) {
		return new RecordDraft(kind, values);
	}

	/**
	 * A submitted form: every value is text; a field of several lines (a person's names)
	 * comes as one text, a value per line.
	 */
	public static RecordDraft fromForm(RecordKind kind, Map<String, List<String>> form) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Field field : kind.fields()) {
			List<String> given = form.get(field.name());
			if (given == null) {
				continue;
			}
			if (field.type() == FieldType.LINES) {
				List<String> lines = new ArrayList<>();
				given.forEach(text -> Arrays.stream(((text != null) ? text : "").split("\\R"))
					.filter(line -> !line.isBlank())
					.forEach(lines::add));
				values.put(field.name(), lines);
			}
			else {
				values.put(field.name(), given);
			}
		}
		return new RecordDraft(kind, values);
	}

	/** A JSON object read into a draft, and what could not be read. */
	public record Read(RecordDraft draft, List<FieldProblem> problems) {

		public Read {
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Reads a JSON object (as parsed into maps, lists, strings, numbers and booleans):
	 * numbers must be JSON numbers, lists arrays of strings, flags booleans, the rest
	 * strings. Unknown fields are problems, so a misspelt field is never silently
	 * ignored.
	 */
	public static Read fromJson(RecordKind kind, Map<String, Object> json) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> known = new java.util.HashSet<>(READ_ONLY);
		kind.fields().forEach(f -> known.add(f.name()));
		json.keySet()
			.stream()
			.filter(key -> !known.contains(key))
			.sorted()
			.forEach(key -> problems.add(FieldProblem.of(key, "unknown_field")));
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Field field : kind.fields()) {
			Object value = json.get(field.name());
			if (value == null) {
				continue;
			}
			String name = field.name();
			if (field.type().isList()) {
				if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
					problems.add(FieldProblem.of(name, "not_a_list"));
					continue;
				}
				values.put(name, list.stream().map(String.class::cast).toList());
			}
			else if (field.type() == FieldType.FLAG) {
				if (!(value instanceof Boolean flag)) {
					problems.add(FieldProblem.of(name, "not_a_boolean"));
					continue;
				}
				values.put(name, List.of(flag.toString()));
			}
			else if (field.type() == FieldType.NUMBER || field.type() == FieldType.AMOUNT) {
				if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
					problems.add(FieldProblem.of(name, "not_a_number"));
					continue;
				}
				values.put(name, List.of(value.toString()));
			}
			else if (!(value instanceof String text)) {
				problems.add(FieldProblem.of(name, (field.type() == FieldType.DATE) ? "not_a_date" : "not_text"));
			}
			else {
				values.put(name, List.of(text));
			}
		}
		return new Read(new RecordDraft(kind, values), problems);
	}

	/** The draft that shows {@code details}: to fill an edit form. */
	public static RecordDraft of(RecordDetails details) {
		Kind<RecordDetails> kind = Kinds.of(details);
		FieldValues fieldValues = kind.values(details);
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (Field field : kind.fields()) {
			List<String> texts = fieldValues.all(field.name()).stream().map(Object::toString).toList();
			if (!texts.isEmpty()) {
				values.put(field.name(), texts);
			}
		}
		return new RecordDraft(details.kind(), values);
	}

	/** A draft with no values yet, to be filled with {@link #with(String, String...)}. */
	public static RecordDraft empty(RecordKind kind) {
		return new RecordDraft(kind, Map.of());
	}

	/** The draft with {@code field} set to {@code given} (several for a list field). */
	public RecordDraft with(String field, String... given) {
		if (this.kind.field(field).isEmpty()) {
			throw new IllegalArgumentException("a " + this.kind.code() + " has no field " + field);
		}
		return with(field, List.of(given));
	}

	/** The values of {@code field}; empty if none were given. */
	public List<String> get(String field) {
		return this.values.getOrDefault(field, List.of());
	}

	/** The draft with {@code field} set to {@code given}. */
	public RecordDraft with(String field, List<String> given) {
		Map<String, List<String>> changed = new LinkedHashMap<>(this.values);
		changed.put(field, given);
		return new RecordDraft(this.kind, changed);
	}

	/** Never the values: a draft may hold identifying text. */
	@Override
	public String toString() {
		return "RecordDraft[" + this.kind.code() + ", values hidden]";
	}

}
