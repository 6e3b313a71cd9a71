package org.khronika.registry;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every field of every kind: what is rejected, with which code, on which field. */
class InputValidationIT {

	@TempDir
	Path dir;

	private RegistryFixture f;

	private RecordId person;

	private RecordId courtCase;

	@BeforeEach
	void setUp() {
		this.f = new RegistryFixture(Engine.SQLITE, this.dir);
		this.person = this.f.save(Inputs.aPerson("Иван Клоков"));
		this.courtCase = this.f.save(Inputs.aCriminalCase(this.person, "207.3"));
	}

	@AfterEach
	void tearDown() {
		this.f.close();
	}

	private List<FieldProblem> problems(RecordInput input) {
		return this.f.validator.validate(this.f.as("editor"), input).problems();
	}

	@Test
	void personNeedsANameAndAPlausibleBirthYearAndAKnownRegion() {
		String tooLong = "я".repeat(InputCheck.NAME_MAX + 1);
		List<FieldProblem> problems = problems(new PersonInput(List.of("  ", tooLong), 1850, "Марс", null, "ok\u0007",
				false, false, List.of("not-an-id", "00000000-0000-4000-8000-00000000dead")));

		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("names[1]", "too_long"), tuple("birthYear", "out_of_range"),
					tuple("region", "unknown_region"), tuple("notes", "control_characters"),
					tuple("sources[0]", "no_such_record"), tuple("sources[1]", "no_such_record"));
		assertThat(problems(new PersonInput(List.of(), null, null, null, null, null, null, null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("names", "name_required"));
		assertThat(problems(
				new PersonInput(List.of("X"), LocalDate.now().getYear() + 1, null, null, null, null, null, null)))
			.extracting(FieldProblem::code)
			.containsExactly("out_of_range");
	}

	@Test
	void regionIsAcceptedByCodeOrByItsNameInEitherLanguage() {
		for (String region : List.of("moscow", "Москва", "moscow oblast", "Moscow Oblast")) {
			Validated<?> validated = this.f.validator.validate(this.f.as("editor"),
					new PersonInput(List.of("X"), null, region, null, null, null, null, null));
			assertThat(validated.isValid()).as(region).isTrue();
		}
	}

	@Test
	void incidentNeedsAPastDateARegionAndAKnownType() {
		List<FieldProblem> problems = problems(new IncidentInput(LocalDate.now().plusDays(1), null, null, "riot", null,
				null, null, -1, List.of(this.courtCase.toString()), null, List.of()));

		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("date", "date_in_future"), tuple("region", "required"),
					tuple("type", "unknown_term"), tuple("detained", "out_of_range"),
					tuple("persons[0]", "no_such_record"));
	}

	@Test
	void caseChargesMustExistAndFitTheKindOfCase() {
		List<FieldProblem> problems = problems(new CaseInput(this.person.toString(), "administrative", null, null,
				List.of("207.3", "999.9"), "wiretap", null, null, "investigation", null, null, null, null, List.of()));

		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("charges[1]", "unknown_article"),
					tuple("charges", "article_kind_mismatch"));
	}

	@Test
	void denunciationNeedsTheInformantsRelationshipAndOnlyItHasOne() {
		assertThat(problems(caseWith("denunciation", null, "investigation", null, null, null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("informant", "informant_required"));
		assertThat(problems(caseWith("wiretap", "spouse", "investigation", null, null, null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("informant", "informant_only_with_denunciation"));
		assertThat(problems(caseWith("denunciation", "pupil-or-student", "investigation", null, null, null))).isEmpty();
	}

	@Test
	void outcomesCarryExactlyTheAmountsTheyNeed() {
		assertThat(problems(caseWith("wiretap", null, "closed", "fine", null, null))).extracting(FieldProblem::code)
			.containsExactly("fine_amount_required");
		assertThat(problems(caseWith("wiretap", null, "closed", "acquittal", 30000L, 12)))
			.extracting(FieldProblem::code)
			.containsExactlyInAnyOrder("fine_amount_only_with_fine", "sentence_months_only_with_sentence");
		assertThat(problems(caseWith("wiretap", null, "closed", "sentence-suspended", null, null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("sentenceMonths", "required"));
		assertThat(problems(caseWith("wiretap", null, "investigation", "fine", 30000L, null)))
			.extracting(FieldProblem::code)
			.containsExactly("outcome_needs_closed_case");
		assertThat(problems(caseWith("wiretap", null, "closed", "sentence-real", null, 36))).isEmpty();
	}

	@Test
	void caseEventsNeedTheirCaseAndAMeasureOnlyWhereOneApplies() {
		assertThat(problems(new CaseEventInput(this.person.toString(), "measure-of-restraint", LocalDate.of(2025, 3, 6),
				null, null, LocalDate.of(2025, 3, 1), null, List.of())))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("caseId", "no_such_record"), tuple("measure", "measure_required"),
					tuple("until", "until_not_after_date"));
		assertThat(problems(new CaseEventInput(this.courtCase.toString(), "search", LocalDate.of(2025, 3, 6), null,
				"custody", null, null, List.of())))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("measure", "measure_only_with_measure"));
		assertThat(problems(new CaseEventInput(this.courtCase.toString(), "hearing-scheduled",
				LocalDate.now().plusDays(10), null, null, null, null, List.of())))
			.as("a hearing may be scheduled in the future")
			.isEmpty();
	}

	@Test
	void sourcesUseTheAdmiraltyGrading() {
		assertThat(problems(new SourceInput("media", "https://example.org/x", "G7", null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("reliability", "reliability_format"));
		assertThat(problems(new SourceInput("rumour", null, null, null)))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("kind", "unknown_term"), tuple("reference", "required"),
					tuple("reliability", "required"));
		assertThat(((SourceDetails) this.f.details(new SourceInput("media", "x", "b2", null))).reliability())
			.isEqualTo("B2");
	}

	@Test
	void formsAndJsonReportValuesOfTheWrongTypeAsFieldProblems() {
		List<FieldProblem> formProblems = new ArrayList<>();
		Map<String, List<String>> form = new HashMap<>();
		form.put("names", List.of("Иван\nIvan"));
		form.put("birthYear", List.of("nineteen"));
		PersonInput fromForm = (PersonInput) InputReader.fromForm(RecordKind.PERSON, form, formProblems);

		assertThat(fromForm.names()).containsExactly("Иван", "Ivan");
		assertThat(formProblems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("birthYear", "not_a_number"));

		List<FieldProblem> jsonProblems = new ArrayList<>();
		Map<String, Object> json = new HashMap<>();
		json.put("date", "06.03.2022");
		json.put("detained", "58");
		json.put("persons", "one");
		json.put("regoin", "moscow");
		InputReader.fromJson(RecordKind.INCIDENT, json, jsonProblems);

		assertThat(jsonProblems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("date", "not_a_date"), tuple("detained", "not_a_number"),
					tuple("persons", "not_a_list"), tuple("regoin", "unknown_field"));
	}

	private CaseInput caseWith(String trigger, String informant, String status, String outcome, Long fine,
			Integer months) {
		return new CaseInput(this.person.toString(), "criminal", null, null, List.of("uk-207.3"), trigger, informant,
				null, status, outcome, fine, months, null, List.of());
	}

}
