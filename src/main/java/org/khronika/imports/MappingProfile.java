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

import org.khronika.registry.Field;
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
		if (Files.isDirectory(file)) {
			throw new ProfileException("profile.directory", file);
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new ProfileException("profile.missing", file);
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new ProfileException("profile.notUtf8", file);
		}
		catch (IOException ex) {
			throw new ProfileException("profile.cannotRead", file, ex.getClass().getSimpleName());
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
			throw new ProfileException("profile.notYaml", file, ex.getMessage().lines().findFirst().orElse(""),
					location(ex));
		}
		catch (NumberFormatException ex) {
			// SnakeYAML takes a plain scalar such as "._" for a float it cannot then read
			throw new ProfileException("profile.notANumber", file);
		}
		if (!(document instanceof Map<?, ?> root)) {
			throw new ProfileException("profile.notMapping", file);
		}
		String name = text(root, "name", true);
		if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
			throw new ProfileException("profile.badName", name);
		}
		String kindCode = text(root, "kind", true);
		RecordKind kind = java.util.Arrays.stream(RecordKind.values())
			.filter(k -> k.code().equals(kindCode))
			.findFirst()
			.orElseThrow(() -> new ProfileException("profile.unknownKind", kindCode));
		List<String> key = strings(root.get("key"), "key");
		if (key.isEmpty()) {
			throw new ProfileException("profile.noKey");
		}
		if (!(root.get("fields") instanceof Map<?, ?> fieldMap) || fieldMap.isEmpty()) {
			throw new ProfileException("profile.noFields", kind.code());
		}
		List<String> known = kind.fields().stream().map(Field::name).toList();
		List<FieldRule> fields = new ArrayList<>();
		for (Map.Entry<?, ?> entry : fieldMap.entrySet()) {
			String field = String.valueOf(entry.getKey());
			if (!known.contains(field)) {
				throw new ProfileException("profile.unknownField", field, kind.code(), String.join(", ", known));
			}
			fields.addAll(rules(field, entry.getValue()));
		}
		return new MappingProfile(name, kind, key, fields);
	}

	/**
	 * The rules of one field: one, or one per column when {@code column} lists several (a
	 * person's names in a Russian and a Latin column); their values are joined.
	 */
	private static List<FieldRule> rules(String field, Object spec) {
		if (spec instanceof Map<?, ?> map && map.get("column") instanceof List<?> columns) {
			if (columns.isEmpty()) {
				throw new ProfileException("profile.columnOrValue", field);
			}
			List<FieldRule> rules = new ArrayList<>();
			for (Object column : columns) {
				Map<Object, Object> one = new LinkedHashMap<>(map);
				one.put("column", String.valueOf(column));
				rules.add(rule(field, one));
			}
			return rules;
		}
		return List.of(rule(field, spec));
	}

	private static FieldRule rule(String field, Object spec) {
		if (!(spec instanceof Map<?, ?> map)) {
			throw new ProfileException("profile.ruleNotMapping", field);
		}
		for (Object option : map.keySet()) {
			if (!RULE_KEYS.contains(String.valueOf(option))) {
				// String.valueOf: YAML lets a key be null ("NULL: …"), found by
				// ProfileFuzzer
				throw new ProfileException("profile.unknownOption", field, String.valueOf(option),
						String.join(", ", RULE_KEYS));
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
			throw new ProfileException("profile.mapNotMapping", field);
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
			throw new ProfileException("profile.needs", name);
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
		throw new ProfileException("profile.notColumnList", name);
	}

	private static String location(YAMLException ex) {
		if (ex instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
			return Integer.toString(marked.getProblemMark().getLine() + 1);
		}
		return "?";
	}

}
