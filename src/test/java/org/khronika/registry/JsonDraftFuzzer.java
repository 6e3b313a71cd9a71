package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target (Jazzer, run by {@code FuzzIT}): any bytes as the JSON body the API takes
 * for a record, read as {@code RecordApi} reads it (Jackson, then
 * {@link RecordDraft#fromJson}) for the kind the first byte picks. Text that is not JSON
 * ends in a {@link JacksonException} (answered 400); JSON of the wrong shape must come
 * back as field problems, never as an exception.
 */
public final class JsonDraftFuzzer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RecordKind[] KINDS = RecordKind.values();

	private JsonDraftFuzzer() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		if (data.length == 0) {
			return;
		}
		RecordKind kind = KINDS[(data[0] & 0xff) % KINDS.length];
		Object parsed;
		try {
			parsed = JSON.readValue(new String(data, 1, data.length - 1, StandardCharsets.UTF_8),
					new TypeReference<Object>() {
					});
		}
		catch (JacksonException expected) {
			return;
		}
		if (parsed instanceof Map<?, ?> map) {
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) map;
			RecordDraft.fromJson(kind, object);
		}
	}

}
