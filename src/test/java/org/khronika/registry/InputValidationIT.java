package org.khronika.registry;

import java.nio.file.Path;
import java.time.LocalDate;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.khronika.registry.Drafts.aCriminalCase;
import static org.khronika.registry.Drafts.aPerson;
import static org.khronika.registry.Drafts.anEvent;

/**
 * Every field of every kind, as drafts from any entry path are checked: what is refused,
 * with which code, on which field; and the kinds' rules as the registry applies them.
 */
class InputValidationIT {

	@TempDir
	Path dir;

	private RegistryFixture f;

	private RecordId person;

	private RecordId courtCase;

	@BeforeEach
	void setUp() {
		this.f = new RegistryFixture(Engine.SQLITE, this.dir);
		this.person = this.f.save(aPerson("Иван Клоков"));
		this.courtCase = this.f.save(aCriminalCase(this.person, "207.3"));
	}

	@AfterEach
	void tearDown() {
		this.f.close();
	}

	/**
	 * What checking the draft finds, the kind's rules included, before anything is
	 * written.
	 */
	private List<FieldProblem> problems(RecordDraft draft) {
		return this.f.registry.check(this.f.as("editor"), draft, null);
	}

	@Test
	void aCaseRecordsThePersonsOccupationAsACodeOfItsVocabulary() {
		RecordId student = this.f.save(aCriminalCase(this.person, "207.3").with("occupation", "student"));

		assertThat(((CaseDetails) this.f.find(student).orElseThrow().details()).occupation()).isEqualTo("student");
		assertThat(problems(aCriminalCase(this.person, "207.3").with("occupation", "spy")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("occupation", "unknown_term"));
	}

	@Test
	void personNeedsANameAndAPlausibleBirthYearAndAKnownRegion() {
		String tooLong = "я".repeat(201);
		List<FieldProblem> problems = problems(RecordDraft.empty(RecordKind.PERSON)
			.with("names", "  ", tooLong)
			.with("birthYear", "1850")
			.with("region", "Марс")
			.with("notes", "ok\u0007")
			.with("sources", "not-an-id", "00000000-0000-4000-8000-00000000dead"));

		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("names[0]", "too_long"), tuple("region", "unknown_region"),
					tuple("notes", "control_characters"), tuple("sources[0]", "no_such_record"),
					tuple("sources[1]", "no_such_record"));
		assertThat(problems(RecordDraft.empty(RecordKind.PERSON))).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("names", "name_required"));
		assertThat(problems(RecordDraft.empty(RecordKind.PERSON).with("names", "X").with("birthYear", "1850")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("birthYear", "out_of_range"));
		assertThat(problems(RecordDraft.empty(RecordKind.PERSON)
			.with("names", "X")
			.with("birthYear", String.valueOf(LocalDate.now().getYear() + 1)))).extracting(FieldProblem::code)
			.containsExactly("out_of_range");
	}

	@Test
	void regionIsAcceptedByCodeOrByItsNameInEitherLanguage() {
		for (String region : List.of("moscow", "Москва", "moscow oblast", "Moscow Oblast")) {
			assertThat(problems(RecordDraft.empty(RecordKind.PERSON).with("names", "X").with("region", region)))
				.as(region)
				.isEmpty();
		}
	}

	@Test
	void incidentNeedsAPastDateARegionAndAKnownType() {
		List<FieldProblem> problems = problems(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", LocalDate.now().plusDays(1).toString())
			.with("type", "riot")
			.with("detained", "-1")
			.with("persons", this.courtCase.toString()));

		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("region", "required"), tuple("type", "unknown_term"),
					tuple("detained", "out_of_range"), tuple("persons[0]", "no_such_record"));
		assertThat(problems(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", LocalDate.now().plusDays(1).toString())
			.with("region", "moscow")
			.with("type", "protest"))).as("the rule about time, once the fields read")
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("date", "date_in_future"));
	}

	@Test
	void caseChargesMustExistAndFitTheKindOfCase() {
		assertThat(problems(aCriminalCase(this.person, "999.9").with("kind", "administrative")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("charges[0]", "unknown_article"));
		assertThat(problems(aCriminalCase(this.person, "207.3").with("kind", "administrative")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("charges", "article_kind_mismatch"));
	}

	@Test
	void denunciationNeedsTheInformantsRelationshipAndOnlyItHasOne() {
		assertThat(problems(aCriminalCase(this.person).with("trigger", "denunciation")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("informant", "informant_required"));
		assertThat(problems(aCriminalCase(this.person).with("informant", "spouse")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("informant", "informant_only_with_denunciation"));
		assertThat(problems(
				aCriminalCase(this.person).with("trigger", "denunciation").with("informant", "pupil-or-student")))
			.isEmpty();
	}

	@Test
	void outcomesCarryExactlyTheAmountsTheyNeed() {
		RecordDraft closed = aCriminalCase(this.person).with("status", "closed");
		assertThat(problems(closed.with("outcome", "fine"))).extracting(FieldProblem::code)
			.containsExactly("fine_amount_required");
		assertThat(
				problems(closed.with("outcome", "acquittal").with("fineAmount", "30000").with("sentenceMonths", "12")))
			.extracting(FieldProblem::code)
			.containsExactlyInAnyOrder("fine_amount_only_with_fine", "sentence_months_only_with_sentence");
		assertThat(problems(closed.with("outcome", "sentence-suspended")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("sentenceMonths", "required"));
		assertThat(problems(aCriminalCase(this.person).with("outcome", "fine").with("fineAmount", "30000")))
			.extracting(FieldProblem::code)
			.containsExactly("outcome_needs_closed_case");
		assertThat(problems(closed.with("outcome", "sentence-real").with("sentenceMonths", "36"))).isEmpty();
	}

	@Test
	void anInquiryChargesNoOneAndEndsWithNoCharge() {
		RecordDraft inquiry = aCriminalCase(this.person).with("kind", "inquiry")
			.with("status", "closed")
			.with("trigger", "denunciation")
			.with("informant", "relative");

		assertThat(problems(inquiry.with("outcome", "no-charge"))).isEmpty();
		assertThat(problems(inquiry.with("charges", "УК 207.3"))).extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("charges", "inquiry_has_no_charges"));
		assertThat(problems(inquiry.with("outcome", "fine").with("fineAmount", "1000"))).extracting(FieldProblem::code)
			.containsExactly("outcome_not_for_inquiry");
		assertThat(problems(inquiry.with("status", "in-court"))).extracting(FieldProblem::code)
			.containsExactly("inquiry_status");
		assertThat(problems(aCriminalCase(this.person, "207.3").with("status", "closed").with("outcome", "no-charge")))
			.extracting(FieldProblem::code)
			.containsExactly("no_charge_only_for_inquiry");
	}

	@Test
	void caseEventsNeedTheirCaseAndAMeasureOnlyWhereOneApplies() {
		assertThat(problems(anEvent(this.person, "measure-of-restraint", "2025-03-06").with("until", "2025-03-01")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("caseId", "no_such_record"), tuple("measure", "measure_required"),
					tuple("until", "until_not_after_date"));
		assertThat(problems(anEvent(this.courtCase, "search", "2025-03-06").with("measure", "custody")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("measure", "measure_only_with_measure"));
		assertThat(problems(anEvent(this.courtCase, "hearing-scheduled", LocalDate.now().plusDays(10).toString())))
			.as("a hearing may be scheduled in the future")
			.isEmpty();
		assertThat(problems(anEvent(this.courtCase, "search", LocalDate.now().plusDays(10).toString())))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("date", "date_in_future"));
	}

	@Test
	void theRulesThatRelateAnEventToItsCaseApplyOnEveryEntryPath() {
		assertThat(problems(anEvent(this.courtCase, "verdict", "2025-09-01")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("type", "verdict_needs_court"));
		assertThat(problems(anEvent(this.courtCase, "extension", "2025-05-01").with("measure", "custody")
			.with("until", "2025-08-01"))).extracting(FieldProblem::code).containsExactly("extension_needs_measure");

		this.f.save(anEvent(this.courtCase, "measure-of-restraint", "2025-03-06").with("measure", "custody")
			.with("until", "2025-05-04"));
		RecordDraft extension = anEvent(this.courtCase, "extension", "2025-05-01").with("measure", "custody")
			.with("until", "2025-08-01");
		assertThat(problems(extension)).isEmpty();
		this.f.save(anEvent(this.courtCase, "release", "2025-04-20"));
		assertThat(problems(extension)).as("a release ends custody")
			.extracting(FieldProblem::code)
			.containsExactly("extension_needs_measure");

		SaveResult direct = this.f.registry.record(this.f.as("editor"),
				(RecordDetails) this.f.details(anEvent(this.courtCase, "verdict", "2025-09-01")));
		assertThat(direct).as("details built elsewhere meet the same rules")
			.isEqualTo(
					new SaveResult.Refused(Refusal.INVALID, List.of(FieldProblem.of("type", "verdict_needs_court"))));
	}

	@Test
	void sourcesUseTheAdmiraltyGrading() {
		assertThat(problems(Drafts.aSource().with("reliability", "G7")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("reliability", "reliability_format"));
		assertThat(problems(RecordDraft.empty(RecordKind.SOURCE).with("kind", "rumour")))
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("kind", "unknown_term"), tuple("reference", "required"),
					tuple("reliability", "required"));
		assertThat(((SourceDetails) this.f.details(Drafts.aSource().with("reliability", "b2"))).reliability())
			.isEqualTo("B2");
	}

	@Test
	void formsAndJsonReportValuesOfTheWrongTypeAsFieldProblems() {
		RecordDraft fromForm = RecordDraft.fromForm(RecordKind.PERSON,
				Map.of("names", List.of("Иван\nIvan"), "birthYear", List.of("nineteen")));

		assertThat(fromForm.get("names")).containsExactly("Иван", "Ivan");
		assertThat(this.f.validator.validate(this.f.as("editor"), fromForm).problems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(tuple("birthYear", "not_a_number"));

		RecordDraft.Read json = RecordDraft.fromJson(RecordKind.INCIDENT,
				Map.of("date", "06.03.2022", "detained", "58", "persons", "one", "regoin", "moscow"));

		assertThat(json.problems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactlyInAnyOrder(tuple("detained", "not_a_number"), tuple("persons", "not_a_list"),
					tuple("regoin", "unknown_field"));
		assertThat(this.f.validator.validate(this.f.as("editor"), json.draft()).problems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("date", "not_a_date"));
	}

	@Test
	void aWholeNumberTooLargeToHoldIsCalledOutOfRangeNotSomethingElseThanANumber() {
		RecordDraft fromForm = RecordDraft.fromForm(RecordKind.INCIDENT, Map.of("detained", List.of("99 999 999 999")));
		RecordDraft.Read json = RecordDraft.fromJson(RecordKind.CASE,
				Map.of("fineAmount", new BigInteger("99999999999999999999"), "sentenceMonths", -99999999999L));

		assertThat(this.f.validator.validate(this.f.as("editor"), fromForm).problems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("detained", "number_out_of_range"));
		assertThat(this.f.validator.validate(this.f.as("editor"), json.draft()).problems())
			.extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("fineAmount", "number_out_of_range"), tuple("sentenceMonths", "number_out_of_range"));
	}

	@Test
	void everySpellingGivenAsAListIsKeptNotOnlyTheFirst() {
		RecordDraft imported = RecordDraft.of(RecordKind.PERSON,
				Map.of("names", List.of("Клоков Александр", "Klokov Aleksandr", "Sasha Klokov")));

		PersonDetails details = this.f.details(imported);

		assertThat(details.names()).containsExactly("Клоков Александр", "Klokov Aleksandr", "Sasha Klokov");
	}

}
