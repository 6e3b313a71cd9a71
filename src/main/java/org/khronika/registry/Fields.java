package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writing and reading the field maps of {@link RecordDetails}: nulls and empty lists are
 * left out.
 */
final class Fields {

	private final Map<String, Object> values;

	private Fields(Map<String, Object> values) {
		this.values = (values != null) ? values : Map.of();
	}

	static Fields of(Map<String, Object> values) {
		return new Fields(values);
	}

	static Builder builder() {
		return new Builder();
	}

	String text(String name) {
		Object value = this.values.get(name);
		return (value != null) ? value.toString() : null;
	}

	Integer integer(String name) {
		Object value = this.values.get(name);
		return (value instanceof Number n) ? Integer.valueOf(n.intValue()) : null;
	}

	Long longValue(String name) {
		Object value = this.values.get(name);
		return (value instanceof Number n) ? Long.valueOf(n.longValue()) : null;
	}

	boolean flag(String name) {
		return Boolean.TRUE.equals(this.values.get(name));
	}

	LocalDate date(String name) {
		String text = text(name);
		return (text != null) ? LocalDate.parse(text) : null;
	}

	List<String> texts(String name) {
		Object value = this.values.get(name);
		List<String> texts = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(item -> texts.add(item.toString()));
		}
		return texts;
	}

	<T> List<T> ids(String name, Function<UUID, T> factory) {
		return texts(name).stream().map(UUID::fromString).map(factory).toList();
	}

	static final class Builder {

		private final Map<String, Object> values = new LinkedHashMap<>();

		Builder put(String name, Object value) {
			if (value instanceof List<?> list) {
				if (!list.isEmpty()) {
					this.values.put(name, list.stream().map(Object::toString).toList());
				}
			}
			else if (value instanceof LocalDate || value instanceof RecordId) {
				this.values.put(name, value.toString());
			}
			else if (value instanceof Boolean flag) {
				if (flag) {
					this.values.put(name, true);
				}
			}
			else if (value != null && !(value instanceof String s && s.isEmpty())) {
				this.values.put(name, value);
			}
			return this;
		}

		Map<String, Object> build() {
			return Map.copyOf(this.values);
		}

	}

}
