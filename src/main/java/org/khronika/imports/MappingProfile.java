package org.khronika.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.khronika.registry.InputReader;
import org.khronika.registry.RecordKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which column of a table feeds which field of which kind of record, how values are
 * normalised, and which columns make a row's stable key. Profiles are data (YAML); a new
 * spreadsheet needs a new profile, not code. See {@code profiles/} for examples.
 *
 * @param name the profile's stable name: imported rows are remembered under it
 * @param key the columns whose values together identify a row across imports
 */
public record MappingProfile(String name, RecordKind kind, List<String> key, List<FieldRule> fields) {

	private static final Set<String> RULE_KEYS = Set.of("column", "value", "trim", "case", "split", "date-format",
			"map");

	public MappingProfile {
		key = List.copyOf(key);
		fields = List.copyOf(fields);
	}

	/** The columns the profile reads. */
	public List<String> columns() {
		List<String> columns = new ArrayList<>(this.key);
		this.fields.stream()
			.map(FieldRule::column)
			.filter(c -> c != null && !columns.contains(c))
			.forEach(columns::add);
		return columns;
	}

	/**
	 * Reads a profile.
	 * @throws ProfileException naming what is wrong: unreadable YAML (with its line), an
	 * unknown kind or field, a rule that cannot work
	 */
	public static MappingProfile load(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ProfileException("cannot read the profile " + file + ": " + ex.getClass().getSimpleName());
		}
		return read(file.toString(), text);
	}

	/**
	 * Reads a profile from its text; {@code file} names it in messages.
	 * @throws ProfileException as {@link #load(Path)}
	 */
	public static MappingProfile read(String file, String text) {
		Object document;
		try {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (YAMLException ex) {
			throw new ProfileException("the profile " + file + " is not valid YAML: "
					+ ex.getMessage().lines().findFirst().orElse("") + " (" + location(ex) + ")");
		}
		if (!(document instanceof Map<?, ?> root)) {
			throw new ProfileException(
					"the profile " + file + " must be a YAML mapping with name, kind, key and fields");
		}
		String name = text(root, "name", true);
		if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
			throw new ProfileException("profile name '" + name + "': lower-case latin letters, digits, '.', '_', '-'");
		}
		String kindCode = text(root, "kind", true);
		RecordKind kind = java.util.Arrays.stream(RecordKind.values())
			.filter(k -> k.code().equals(kindCode))
			.findFirst()
			.orElseThrow(() -> new ProfileException("kind '" + kindCode
					+ "' is not a kind of record: person, incident, " + "case, case-event or source"));
		List<String> key = strings(root.get("key"), "key");
		if (key.isEmpty()) {
			throw new ProfileException("'key' names at least one column that identifies a row");
		}
		if (!(root.get("fields") instanceof Map<?, ?> fieldMap) || fieldMap.isEmpty()) {
			throw new ProfileException("'fields' maps each field of a " + kind.code() + " to a column or a value");
		}
		Set<String> known = InputReader.values(InputReader.empty(kind)).keySet();
		List<FieldRule> fields = new ArrayList<>();
		for (Map.Entry<?, ?> entry : fieldMap.entrySet()) {
			String field = String.valueOf(entry.getKey());
			if (!known.contains(field)) {
				throw new ProfileException("'" + field + "' is not a field of a " + kind.code() + "; its fields: "
						+ String.join(", ", known));
			}
			fields.add(rule(field, entry.getValue()));
		}
		return new MappingProfile(name, kind, key, fields);
	}

	private static FieldRule rule(String field, Object spec) {
		if (!(spec instanceof Map<?, ?> map)) {
			throw new ProfileException("field '" + field + "': give a mapping such as { column: NAME }");
		}
		for (Object option : map.keySet()) {
			if (!RULE_KEYS.contains(String.valueOf(option))) {
				throw new ProfileException("field '" + field + "': unknown option '" + option + "'; options: "
						+ String.join(", ", RULE_KEYS));
			}
		}
		Map<String, String> vocabulary = null;
		if (map.get("map") instanceof Map<?, ?> entries) {
			vocabulary = new LinkedHashMap<>();
			for (Map.Entry<?, ?> e : entries.entrySet()) {
				vocabulary.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
			}
		}
		else if (map.containsKey("map")) {
			throw new ProfileException("field '" + field + "': 'map' is a mapping from cell values to field values");
		}
		Object trim = map.get("trim");
		return new FieldRule(field, optional(map, "column"), optional(map, "value"),
				trim == null || Boolean.TRUE.equals(trim), optional(map, "case"), optional(map, "split"),
				optional(map, "date-format"), vocabulary);
	}

	private static String optional(Map<?, ?> map, String name) {
		Object value = map.get(name);
		return (value == null) ? null : String.valueOf(value);
	}

	private static String text(Map<?, ?> map, String name, boolean required) {
		Object value = map.get(name);
		if (value == null && required) {
			throw new ProfileException("the profile needs '" + name + "'");
		}
		return (value == null) ? null : String.valueOf(value).strip();
	}

	private static List<String> strings(Object value, String name) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		if (value instanceof String single) {
			return List.of(single);
		}
		throw new ProfileException("'" + name + "' is a list of column names");
	}

	private static String location(YAMLException ex) {
		if (ex instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
			return "line " + (marked.getProblemMark().getLine() + 1);
		}
		return "unknown place";
	}

}
