package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * No path can build details that break their kind's invariants: the constructors refuse
 * them, naming the fields.
 */
class DetailsTest {

	private static final PersonId PERSON = new PersonId(UUID.randomUUID());

	private static final CaseId CASE = new CaseId(UUID.randomUUID());

	private static CaseDetails aCase(Proceedings proceedings, List<String> charges, Trigger trigger, String informant,
			CaseStatus status, Outcome outcome) {
		RecordDraft draft = RecordDraft.empty(RecordKind.CASE)
			.with("person", PERSON.toString())
			.with("kind", (proceedings != null) ? proceedings.code() : "")
			.with("charges", charges)
			.with("trigger", (trigger != null) ? trigger.code() : "")
			.with("informant", (informant != null) ? informant : "")
			.with("status", (status != null) ? status.code() : "");
		return Drafts.built(Drafts.decided(draft, outcome));
	}

	private static void refused(Runnable building, String field, String code) {
		assertThatThrownBy(building::run).isInstanceOf(InvalidDetails.class)
			.satisfies(ex -> assertThat(((InvalidDetails) ex).problems())
				.extracting(FieldProblem::field, FieldProblem::code)
				.contains(tuple(field, code)));
	}

	@Test
	void aCaseNeedsItsPersonProceedingsTriggerAndStatus() {
		refused(() -> Drafts.built(RecordDraft.empty(RecordKind.CASE)), "person", "required");
		refused(() -> aCase(null, List.of(), Trigger.WIRETAP, null, CaseStatus.INVESTIGATION, null), "kind",
				"required");
	}

	@Test
	void anInformantIsRecordedExactlyForADenunciation() {
		refused(() -> aCase(Proceedings.CRIMINAL, List.of(), Trigger.DENUNCIATION, null, CaseStatus.INVESTIGATION,
				null), "informant", "informant_required");
		refused(() -> aCase(Proceedings.CRIMINAL, List.of(), Trigger.WIRETAP, "spouse", CaseStatus.INVESTIGATION, null),
				"informant", "informant_only_with_denunciation");
	}

	@Test
	void anOutcomeNeedsAClosedCaseAndAFineItsAmount() {
		refused(() -> aCase(Proceedings.CRIMINAL, List.of(), Trigger.WIRETAP, null, CaseStatus.IN_COURT,
				new Outcome.Acquittal()), "outcome", "outcome_needs_closed_case");
		refused(() -> Outcome.of("fine", null, null), "fineAmount", "fine_amount_required");
		refused(() -> new Outcome.Fine(0), "fineAmount", "out_of_range");
		refused(() -> new Outcome.PrisonSentence(0), "sentenceMonths", "out_of_range");
		assertThat(Outcome.of("fine", 45000L, null)).isEqualTo(new Outcome.Fine(45000));
		assertThat(Outcome.of(null, null, null)).isNull();
	}

	@Test
	void anInquiryIsBeingCheckedOrClosedChargesNoOneAndEndsWithNoCharge() {
		refused(() -> aCase(Proceedings.INQUIRY, List.of("uk-207.3"), Trigger.WIRETAP, null,
				CaseStatus.PRE_INVESTIGATION, null), "charges", "inquiry_has_no_charges");
		refused(() -> aCase(Proceedings.INQUIRY, List.of(), Trigger.WIRETAP, null, CaseStatus.IN_COURT, null), "status",
				"inquiry_status");
		refused(() -> aCase(Proceedings.INQUIRY, List.of(), Trigger.WIRETAP, null, CaseStatus.CLOSED,
				new Outcome.Dismissed()), "outcome", "outcome_not_for_inquiry");
		refused(() -> aCase(Proceedings.CRIMINAL, List.of(), Trigger.WIRETAP, null, CaseStatus.CLOSED,
				new Outcome.NoCharge()), "outcome", "no_charge_only_for_inquiry");
		assertThat(
				aCase(Proceedings.INQUIRY, List.of(), Trigger.WIRETAP, null, CaseStatus.CLOSED, new Outcome.NoCharge())
					.outcome())
			.isEqualTo(new Outcome.NoCharge());
	}

	@Test
	void aMeasureAndItsTermGoOnlyWithAMeasureOfRestraintAndEndAfterItStarts() {
		LocalDate day = LocalDate.of(2025, 3, 6);
		refused(() -> new CaseEventDetails(CASE, CaseEventType.MEASURE_OF_RESTRAINT, day, null, null, null, null,
				List.of()), "measure", "measure_required");
		refused(() -> new CaseEventDetails(CASE, CaseEventType.SEARCH, day, null, MeasureOfRestraint.CUSTODY, null,
				null, List.of()), "measure", "measure_only_with_measure");
		refused(() -> new CaseEventDetails(CASE, CaseEventType.EXTENSION, day, null, MeasureOfRestraint.CUSTODY, day,
				null, List.of()), "until", "until_not_after_date");
	}

	@Test
	void anIncidentHasADateARegionAndATypeAndNeverANegativeNumberDetained() {
		refused(() -> new IncidentDetails(null, "moscow", null, "protest", null, null, null, null, List.of(), null,
				List.of()), "date", "required");
		refused(() -> new IncidentDetails(LocalDate.of(2025, 1, 1), "moscow", null, "protest", null, null, null, -1,
				List.of(), null, List.of()), "detained", "out_of_range");
	}

	@Test
	void aSourceIsGradedOnTheAdmiraltyScaleAndAPersonsSpellingsAreDistinct() {
		refused(() -> new SourceDetails("media", "x", "G7", null), "reliability", "reliability_format");
		refused(() -> new PersonDetails(List.of("Иван", "Иван"), null, null, null, null, false, false, List.of()),
				"names", "names_distinct");
	}

	@Test
	void detailsShownWithoutTheirSealedPartAreStillDetails() {
		PersonDetails shredded = new PersonDetails(List.of(), null, "moscow", null, null, true, false, List.of());

		assertThat(shredded.displayName()).isEmpty();
		assertThat(shredded.toString()).contains("moscow").contains("sealed fields hidden");
	}

}
