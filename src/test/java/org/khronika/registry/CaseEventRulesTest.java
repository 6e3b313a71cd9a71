package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that relate a case event to its case and to time, without a database. */
class CaseEventRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

	private static final CaseId CASE = new CaseId(UUID.randomUUID());

	private static final PersonId PERSON = new PersonId(UUID.randomUUID());

	private static CaseDetails aCase(CaseStatus status, Outcome outcome) {
		RecordDraft draft = Drafts.aCriminalCase(PERSON, "uk-207.3")
			.with("opened", "2025-03-04")
			.with("region", "moscow")
			.with("status", status.code());
		return Drafts.built(Drafts.decided(draft, outcome));
	}

	private static CaseEventDetails event(CaseEventType type, String date) {
		return new CaseEventDetails(CASE, type, LocalDate.parse(date), null, null, null, null, List.of());
	}

	private static CaseEventDetails measure(CaseEventType type, String date, MeasureOfRestraint measure, String until) {
		return new CaseEventDetails(CASE, type, LocalDate.parse(date), null, measure, LocalDate.parse(until), null,
				List.of());
	}

	private static List<String> codes(CaseEventDetails event, CaseFile file) {
		return CaseEventRules.check(event, file, TODAY).stream().map(FieldProblem::code).toList();
	}

	@Test
	void rejectsAVerdictInACaseThatDidNotReachCourt() {
		CaseEventDetails verdict = event(CaseEventType.VERDICT, "2025-09-01");

		assertThat(codes(verdict, new CaseFile(aCase(CaseStatus.INVESTIGATION, null), List.of())))
			.containsExactly("verdict_needs_court");
		assertThat(codes(verdict, new CaseFile(aCase(CaseStatus.IN_COURT, null), List.of()))).isEmpty();
		assertThat(codes(verdict, new CaseFile(aCase(CaseStatus.CLOSED, new Outcome.Fine(30000)), List.of())))
			.as("a fine is a court's decision")
			.isEmpty();
		assertThat(codes(verdict, new CaseFile(aCase(CaseStatus.CLOSED, new Outcome.Dismissed()), List.of())))
			.as("a case dropped by the investigators never reached court")
			.containsExactly("verdict_needs_court");
	}

	@Test
	void rejectsAnExtensionWithoutAnEarlierMeasureOfRestraint() {
		CaseEventDetails extension = measure(CaseEventType.EXTENSION, "2025-05-01", MeasureOfRestraint.CUSTODY,
				"2025-08-01");
		CaseDetails courtCase = aCase(CaseStatus.INVESTIGATION, null);

		assertThat(codes(extension, new CaseFile(courtCase, List.of()))).containsExactly("extension_needs_measure");
		assertThat(codes(extension,
				new CaseFile(courtCase,
						List.of(measure(CaseEventType.MEASURE_OF_RESTRAINT, "2025-06-01", MeasureOfRestraint.CUSTODY,
								"2025-07-01")))))
			.as("a measure ordered after the extension does not count")
			.containsExactly("extension_needs_measure");
		assertThat(codes(extension, new CaseFile(courtCase, List
			.of(measure(CaseEventType.MEASURE_OF_RESTRAINT, "2025-03-06", MeasureOfRestraint.CUSTODY, "2025-05-04")))))
			.isEmpty();
	}

	@Test
	void aReleaseOrAVerdictEndsTheMeasureSoThatNothingIsLeftToExtend() {
		CaseEventDetails extension = measure(CaseEventType.EXTENSION, "2025-05-01", MeasureOfRestraint.CUSTODY,
				"2025-08-01");
		CaseEventDetails measure = measure(CaseEventType.MEASURE_OF_RESTRAINT, "2025-03-06", MeasureOfRestraint.CUSTODY,
				"2025-05-04");
		CaseDetails courtCase = aCase(CaseStatus.IN_COURT, null);

		assertThat(
				codes(extension, new CaseFile(courtCase, List.of(measure, event(CaseEventType.RELEASE, "2025-04-20")))))
			.containsExactly("extension_needs_measure");
		assertThat(
				codes(extension, new CaseFile(courtCase, List.of(measure, event(CaseEventType.VERDICT, "2025-04-25")))))
			.containsExactly("extension_needs_measure");
		assertThat(new CaseFile(courtCase, List.of(measure, event(CaseEventType.RELEASE, "2025-04-20")))
			.restraintOn(LocalDate.of(2025, 4, 21))).isEmpty();
		assertThat(new CaseFile(courtCase, List.of(measure)).restraintOn(LocalDate.of(2025, 4, 21)))
			.map(CaseFile.Restraint::until)
			.contains(LocalDate.of(2025, 5, 4));
	}

	@Test
	void anAppealNeedsAnEarlierVerdict() {
		CaseEventDetails appeal = event(CaseEventType.APPEAL, "2025-10-01");
		CaseDetails courtCase = aCase(CaseStatus.APPEAL, null);

		assertThat(codes(appeal, new CaseFile(courtCase, List.of()))).containsExactly("appeal_needs_verdict");
		assertThat(codes(appeal, new CaseFile(courtCase, List.of(event(CaseEventType.VERDICT, "2025-09-01")))))
			.isEmpty();
	}

	@Test
	void onlyAScheduledHearingMayLieAhead() {
		CaseFile file = new CaseFile(aCase(CaseStatus.IN_COURT, null), List.of());

		assertThat(codes(event(CaseEventType.HEARING_SCHEDULED, "2026-02-10"), file)).isEmpty();
		assertThat(codes(event(CaseEventType.HEARING_HELD, "2026-02-10"), file)).containsExactly("date_in_future");
	}

	@Test
	void anInquiryRecordsOnlyWhatHappensBeforeACase() {
		CaseDetails inquiry = Drafts.built(Drafts.aCriminalCase(PERSON)
			.with("kind", "inquiry")
			.with("court")
			.with("trigger", "denunciation")
			.with("informant", "relative")
			.with("status", "pre-investigation"));
		CaseFile file = new CaseFile(inquiry, List.of());

		assertThat(codes(event(CaseEventType.QUESTIONING, "2025-01-20"), file)).isEmpty();
		assertThat(codes(event(CaseEventType.RELEASE, "2025-01-20"), file)).isEmpty();
		assertThat(codes(event(CaseEventType.HEARING_HELD, "2025-01-20"), file)).containsExactly("not_in_inquiry");
	}

}
