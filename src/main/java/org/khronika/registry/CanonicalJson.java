package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of field maps: keys sorted, no white space, UTF-8. Log hashes cover
 * these bytes, so their form is pinned by {@code EventTypesTest}.
 */
final class CanonicalJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private CanonicalJson() {
	}

	static String write(Map<String, Object> fields) {
		return JSON.writeValueAsString(new TreeMap<>(fields));
	}

	static byte[] bytes(Map<String, Object> fields) {
		return write(fields).getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, Object> read(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	static Map<String, Object> read(byte[] json) {
		return read(new String(json, StandardCharsets.UTF_8));
	}

}
