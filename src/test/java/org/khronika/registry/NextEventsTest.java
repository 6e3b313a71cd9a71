package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a case page offers to record next, from the rules for a case's events. */
class NextEventsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

	private static final CaseId CASE = new CaseId(UUID.randomUUID());

	private static final PersonId PERSON = new PersonId(UUID.randomUUID());

	private static CaseDetails aCase(String kind, CaseStatus status) {
		RecordDraft draft = Drafts.aCriminalCase(PERSON, "uk-207.3").with("kind", kind).with("status", status.code());
		if (kind.equals(Proceedings.INQUIRY.code())) {
			draft = draft.with("charges", List.of());
		}
		return Drafts.built(draft);
	}

	private static CaseEventDetails event(CaseEventType type, String date, MeasureOfRestraint measure) {
		return new CaseEventDetails(CASE, type, LocalDate.parse(date), null, measure,
				(measure != null) ? LocalDate.parse(date).plusMonths(2) : null, null, List.of());
	}

	@Test
	void anInquiryOffersOnlyWhatHappensBeforeACase() {
		NextEvents next = NextEvents.of(aCase("inquiry", CaseStatus.PRE_INVESTIGATION), List.of(), TODAY);

		assertThat(next.types()).containsExactlyInAnyOrder(CaseEventType.DETENTION, CaseEventType.QUESTIONING,
				CaseEventType.SEARCH, CaseEventType.RELEASE);
		assertThat(next.measureInForce()).isNull();
	}

	@Test
	void anExtensionIsOfferedWhileAMeasureIsInForceAndContinuesIt() {
		CaseDetails investigated = aCase("criminal", CaseStatus.INVESTIGATION);
		CaseEventDetails custody = event(CaseEventType.MEASURE_OF_RESTRAINT, "2025-03-06", MeasureOfRestraint.CUSTODY);

		NextEvents before = NextEvents.of(investigated, List.of(), TODAY);
		NextEvents held = NextEvents.of(investigated, List.of(custody), TODAY);
		NextEvents released = NextEvents.of(investigated,
				List.of(custody, event(CaseEventType.RELEASE, "2025-04-01", null)), TODAY);

		assertThat(before.admit(CaseEventType.EXTENSION)).as("nothing to extend").isFalse();
		assertThat(held.admit(CaseEventType.EXTENSION)).isTrue();
		assertThat(held.measureInForce()).isEqualTo(MeasureOfRestraint.CUSTODY);
		assertThat(released.admit(CaseEventType.EXTENSION)).as("a release ended it").isFalse();
		assertThat(released.measureInForce()).isNull();
	}

	@Test
	void aVerdictOnceInCourtAndAnAppealOnceAVerdictIsRecorded() {
		NextEvents investigated = NextEvents.of(aCase("criminal", CaseStatus.INVESTIGATION), List.of(), TODAY);
		CaseDetails inCourt = aCase("criminal", CaseStatus.IN_COURT);

		assertThat(investigated.admit(CaseEventType.VERDICT)).isFalse();
		assertThat(NextEvents.of(inCourt, List.of(), TODAY).types())
			.contains(CaseEventType.VERDICT, CaseEventType.HEARING_HELD)
			.doesNotContain(CaseEventType.APPEAL);
		assertThat(NextEvents.of(inCourt, List.of(event(CaseEventType.VERDICT, "2025-09-01", null)), TODAY).types())
			.contains(CaseEventType.APPEAL);
	}

}
