package org.khronika.imports;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.khronika.registry.RecordKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping profiles: read from YAML, checked when read, applied cell by cell. */
class MappingProfileTest {

	private static final String PERSONS = """
			name: persons-test
			kind: person
			key: [ref]
			fields:
			  names:  { column: names, split: ";" }
			  region: { column: region, case: lower }
			""";

	private static FieldRule rule(MappingProfile profile, String field) {
		return profile.fields().stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow();
	}

	@Test
	void aProfileNamesItsKindKeyAndFieldsAndTheColumnsItReads() {
		MappingProfile profile = MappingProfile.read("persons.yaml", PERSONS);

		assertThat(profile.name()).isEqualTo("persons-test");
		assertThat(profile.kind()).isEqualTo(RecordKind.PERSON);
		assertThat(profile.key()).containsExactly("ref");
		assertThat(profile.columns()).containsExactlyInAnyOrder("ref", "names", "region");
	}

	@Test
	void aSplitCellGivesEverySpellingTrimmedAndSkipsEmptyParts() {
		FieldRule names = rule(MappingProfile.read("persons.yaml", PERSONS), "names");

		assertThat(names.apply(" Анна Тестова ;Anna Testova;; "))
			.isEqualTo(new FieldRule.Values(List.of("Анна Тестова", "Anna Testova")));
	}

	@Test
	void aMapComparesIgnoringCaseAndAnUnmappedValueIsAProblemNamingIt() {
		FieldRule agreement = new FieldRule("agreement", "agreement", null, true, null, null, null,
				java.util.Map.of("согласовано", "agreed"));

		assertThat(agreement.apply("Согласовано")).isEqualTo(new FieldRule.Values(List.of("agreed")));
		assertThat(agreement.apply("может быть")).isInstanceOfSatisfying(FieldRule.Problem.class,
				problem -> assertThat(problem.message().english())
					.isEqualTo("«может быть» is not in the profile's list for agreement"));
	}

	@Test
	void aDateFormatTheJdkCannotBuildIsAProblemOfTheProfile() {
		// found by ProfileFuzzer: "p" (pad) before "n" made the JDK throw
		// ClassCastException
		for (String pattern : List.of("mapnull", "dd.MM.yyyy'", "{yyyy}")) {
			assertThatThrownBy(() -> new FieldRule("date", "date", null, true, null, null, pattern, null)).as(pattern)
				.isInstanceOf(ProfileException.class);
		}
	}

	@Test
	void aRuleOptionWithANullKeyIsNamedAsUnknown() {
		// found by ProfileFuzzer: YAML reads "NULL:" as a null key
		assertThatThrownBy(() -> MappingProfile.read("null-key.yaml",
				"name: n\nkind: incident\nkey: [id]\nfields:\n  date: { NULL: date }\n"))
			.isInstanceOf(ProfileException.class);
	}

	@Test
	void aDateIsReadStrictlyInItsPatternAndAnIsoDateAsItIs() {
		FieldRule date = new FieldRule("date", "date", null, true, null, null, "dd.MM.yyyy", null);

		assertThat(date.apply("06.05.2012")).isEqualTo(new FieldRule.Values(List.of("2012-05-06")));
		assertThat(date.apply("2012-05-06")).isEqualTo(new FieldRule.Values(List.of("2012-05-06")));
		assertThat(date.apply("31.02.2013")).isInstanceOf(FieldRule.Problem.class);
	}

	@Test
	void aConstantFillsTheFieldForEveryRow() {
		FieldRule region = new FieldRule("region", null, "moscow", true, null, null, null, null);

		assertThat(region.apply(null)).isEqualTo(new FieldRule.Values(List.of("moscow")));
	}

	@Test
	void mistakesAreRefusedWhenTheProfileIsReadSayingWhat() {
		assertThat(problem("name: x\nkind: meeting\nkey: [id]\nfields: { date: { column: d } }"))
			.isEqualTo("kind 'meeting' is not a kind of record: person, incident, case, case-event or source");
		assertThat(problem("name: x\nkind: incident\nkey: [id]\nfields: { colour: { column: c } }"))
			.startsWith("'colour' is not a field of kind 'incident'; its fields: date, region");
		assertThat(problem("name: x\nkind: incident\nkey: []\nfields: { date: { column: d } }"))
			.isEqualTo("'key' names at least one column that identifies a row");
		assertThat(problem("name: x\nkind: incident\nkey: [id]\nfields: { date: { column: d, value: v } }"))
			.isEqualTo("field 'date': give either 'column' or 'value'");
		assertThat(problem("name: x\nkind: incident\nkey: [id]\nfields: { date: { column: d, colour: red } }"))
			.startsWith("field 'date': unknown option 'colour'");
		assertThat(problem("name: x\nkind: [incident\n")).startsWith("the profile p.yaml is not valid YAML");
	}

	@Test
	void aValueThatLooksLikeANumberAndIsNotOneIsBadYamlNotAFailure() {
		// found by the fuzzer (ProfileFuzzer): SnakeYAML reads "._" as a float, then
		// cannot parse it
		assertThat(problem("._"))
			.isEqualTo("the profile p.yaml is not valid YAML: a value reads as a number and is not one (put it in "
					+ "quotes)");
		assertThat(problem("name: x\nkind: incident\nkey: [._]\nfields: { date: { column: d } }"))
			.startsWith("the profile p.yaml is not valid YAML: a value reads as a number");
	}

	@Test
	void aProfileThatIsNotThereNotUtf8OrADirectoryIsNamedAsSuch(
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
		java.nio.file.Path missing = dir.resolve("missing.yaml");
		assertThatThrownBy(() -> MappingProfile.load(missing)).isInstanceOf(ProfileException.class)
			.hasMessage("there is no profile " + missing);
		java.nio.file.Path cyrillic = java.nio.file.Files.write(dir.resolve("cp1251.yaml"),
				"name: x\nkind: incident\nkey: [номер]\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));
		assertThatThrownBy(() -> MappingProfile.load(cyrillic)).isInstanceOf(ProfileException.class)
			.hasMessage("the profile " + cyrillic + " is not text in UTF-8");
		assertThatThrownBy(() -> MappingProfile.load(dir)).isInstanceOf(ProfileException.class)
			.hasMessage(dir + " is a directory: give the profile's file");
	}

	private static String problem(String yaml) {
		try {
			MappingProfile.read("p.yaml", yaml);
		}
		catch (ProfileException ex) {
			assertThat(ex.getMessage()).isEqualTo(ex.what().english());
			return ex.getMessage();
		}
		throw new AssertionError("accepted: " + yaml);
	}

}
