package org.khronika.registry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link RecordInput} from an HTML form or a parsed JSON object, field by field,
 * by the names of the input record's components. A value of the wrong type is a
 * {@link FieldProblem} ({@code not_a_number}, {@code not_a_date}, …), never an exception,
 * so every edge reports every bad field at once.
 */
public final class InputReader {

	/** JSON fields a client may send back unchanged from a GET; they are not input. */
	private static final Set<String> READ_ONLY = Set.of("id", "version", "shredded", "createdAt", "createdBy",
			"updatedAt", "updatedBy");

	private InputReader() {
	}

	public static Class<? extends RecordInput> inputType(RecordKind kind) {
		return switch (kind) {
			case PERSON -> PersonInput.class;
			case INCIDENT -> IncidentInput.class;
			case CASE -> CaseInput.class;
			case CASE_EVENT -> CaseEventInput.class;
			case SOURCE -> SourceInput.class;
		};
	}

	/** An input with no values, for an empty form. */
	public static RecordInput empty(RecordKind kind) {
		return fromForm(kind, Map.of(), new ArrayList<>());
	}

	/**
	 * Reads a submitted form: every value is text; lists have several values; a person's
	 * names come from one text, a spelling per line.
	 */
	public static RecordInput fromForm(RecordKind kind, Map<String, List<String>> form, List<FieldProblem> problems) {
		return build(kind, (component) -> {
			List<String> given = form.get(component.getName());
			if (component.getType() == List.class) {
				if ("names".equals(component.getName())) {
					String text = (given == null || given.isEmpty()) ? null : given.get(0);
					return (text == null) ? List.of()
							: Arrays.stream(text.split("\\R")).filter(s -> !s.isBlank()).toList();
				}
				return (given == null) ? List.of() : given;
			}
			String text = (given == null || given.isEmpty()) ? null : given.get(0);
			return convertText(component, text, problems);
		});
	}

	/**
	 * Reads a JSON object (as parsed into maps, lists, strings, numbers and booleans).
	 * Unknown fields are problems, so a misspelt field is never silently ignored.
	 */
	public static RecordInput fromJson(RecordKind kind, Map<String, Object> json, List<FieldProblem> problems) {
		Set<String> known = new java.util.HashSet<>(READ_ONLY);
		Arrays.stream(inputType(kind).getRecordComponents()).map(RecordComponent::getName).forEach(known::add);
		json.keySet()
			.stream()
			.filter(key -> !known.contains(key))
			.sorted()
			.forEach(key -> problems.add(FieldProblem.of(key, "unknown_field")));
		return build(kind, (component) -> convertJson(component, json.get(component.getName()), problems));
	}

	/**
	 * The values that show {@code input}, by field name: lists as lists of text, the rest
	 * as text.
	 */
	public static Map<String, Object> values(RecordInput input) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (RecordComponent component : input.getClass().getRecordComponents()) {
			Object value = read(component, input);
			if (value instanceof List<?> list) {
				values.put(component.getName(), list.stream().map(Object::toString).toList());
			}
			else if (value instanceof LocalDate date) {
				values.put(component.getName(), date.toString());
			}
			else {
				values.put(component.getName(), value);
			}
		}
		return values;
	}

	private static Object convertText(RecordComponent component, String text, List<FieldProblem> problems) {
		Class<?> type = component.getType();
		if (text == null || text.isBlank()) {
			return (type == Boolean.class) ? Boolean.FALSE : null;
		}
		String value = text.strip();
		String name = component.getName();
		if (type == Boolean.class) {
			return "true".equals(value) || "on".equals(value);
		}
		if (type == Integer.class || type == Long.class) {
			try {
				long number = Long.parseLong(value.replace(" ", "").replace("\u00a0", ""));
				return (type == Integer.class) ? (Object) toInteger(name, number, problems) : (Object) number;
			}
			catch (NumberFormatException ex) {
				problems.add(FieldProblem.of(name, "not_a_number"));
				return null;
			}
		}
		if (type == LocalDate.class) {
			return date(name, value, problems);
		}
		return value;
	}

	private static Object convertJson(RecordComponent component, Object value, List<FieldProblem> problems) {
		Class<?> type = component.getType();
		String name = component.getName();
		if (value == null) {
			return (type == List.class) ? List.of() : (type == Boolean.class) ? Boolean.FALSE : null;
		}
		if (type == List.class) {
			if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
				problems.add(FieldProblem.of(name, "not_a_list"));
				return List.of();
			}
			return list.stream().map(String.class::cast).toList();
		}
		if (type == Boolean.class) {
			if (value instanceof Boolean flag) {
				return flag;
			}
			problems.add(FieldProblem.of(name, "not_a_boolean"));
			return Boolean.FALSE;
		}
		if (type == Integer.class || type == Long.class) {
			if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
				problems.add(FieldProblem.of(name, "not_a_number"));
				return null;
			}
			if (value instanceof BigInteger big && big.bitLength() > 63) {
				problems.add(FieldProblem.of(name, "out_of_range", Long.MIN_VALUE, Long.MAX_VALUE));
				return null;
			}
			long number = ((Number) value).longValue();
			return (type == Integer.class) ? (Object) toInteger(name, number, problems) : (Object) number;
		}
		if (!(value instanceof String text)) {
			problems.add(FieldProblem.of(name, (type == LocalDate.class) ? "not_a_date" : "not_text"));
			return null;
		}
		return (type == LocalDate.class) ? (text.isBlank() ? null : date(name, text.strip(), problems)) : text;
	}

	private static Integer toInteger(String name, long number, List<FieldProblem> problems) {
		if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
			problems.add(FieldProblem.of(name, "not_a_number"));
			return null;
		}
		return (int) number;
	}

	private static LocalDate date(String name, String text, List<FieldProblem> problems) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(name, "not_a_date"));
			return null;
		}
	}

	private static RecordInput build(RecordKind kind, java.util.function.Function<RecordComponent, Object> valueOf) {
		Class<? extends RecordInput> type = inputType(kind);
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = Arrays.stream(components).map(valueOf).toArray();
		try {
			return type
				.getDeclaredConstructor(
						Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
				.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("input records have a canonical constructor", ex);
		}
	}

	private static Object read(RecordComponent component, RecordInput input) {
		try {
			return component.getAccessor().invoke(input);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
