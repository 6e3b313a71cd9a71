package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a record's fields by name, each of its field type's Java type (see
 * {@link FieldType}): what a kind builds its details from and takes them apart into. A
 * missing value is null, an empty list or false.
 */
public final class FieldValues {

	private final Map<String, Object> values = new LinkedHashMap<>();

	FieldValues() {
	}

	/** Sets {@code name}; a null or blank value, or an empty list, leaves it unset. */
	FieldValues put(String name, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof List<?> list && list.isEmpty()) || Boolean.FALSE.equals(value)) {
			this.values.remove(name);
		}
		else {
			this.values.put(name, (value instanceof List<?> list) ? List.copyOf(list) : value);
		}
		return this;
	}

	/** The value of {@code name}, or null. */
	public Object get(String name) {
		return this.values.get(name);
	}

	/** The values of a list field, or of a single one as a list of at most one. */
	public List<?> all(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		return (value instanceof List<?> list) ? list : List.of(value);
	}

	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	String text(String name) {
		return (String) this.values.get(name);
	}

	@SuppressWarnings("unchecked")
	List<String> texts(String name) {
		return (List<String>) this.values.getOrDefault(name, List.of());
	}

	Integer number(String name) {
		return (Integer) this.values.get(name);
	}

	Long amount(String name) {
		return (Long) this.values.get(name);
	}

	LocalDate date(String name) {
		return (LocalDate) this.values.get(name);
	}

	boolean flag(String name) {
		return Boolean.TRUE.equals(this.values.get(name));
	}

	@SuppressWarnings("unchecked")
	<T extends RecordId> T id(String name) {
		return (T) this.values.get(name);
	}

	@SuppressWarnings("unchecked")
	<T extends RecordId> List<T> ids(String name) {
		return (List<T>) this.values.getOrDefault(name, List.of());
	}

	/** The names of the fields that have a value. */
	public List<String> names() {
		return Collections.unmodifiableList(new ArrayList<>(this.values.keySet()));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FieldValues that && this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	/** The names of the set fields only: values can identify someone. */
	@Override
	public String toString() {
		return "FieldValues" + this.values.keySet();
	}

}
