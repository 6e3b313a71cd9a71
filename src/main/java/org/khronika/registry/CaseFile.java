package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case's public fields with its events in the order they happened: what the rules for a
 * case's events decide over, and what a case page sums up. Pure: built from values.
 *
 * @param events the case's events, by date (for rules: without the event being decided)
 */
record CaseFile(CaseDetails courtCase, List<CaseEventDetails> events) {

	CaseFile {
		events = events.stream().sorted(Comparator.comparing(CaseEventDetails::date)).toList();
	}

	/**
	 * The measure of restraint in force, from the latest measure or extension on or
	 * before {@code day} that no release or verdict has ended since.
	 */
	record Restraint(MeasureOfRestraint measure, LocalDate since, LocalDate until) {

		/** Whether its term ran out before {@code day}, with no extension recorded. */
		boolean lapsedBy(LocalDate day) {
			return this.until != null && this.until.isBefore(day);
		}

	}

	/** The case, from what the lookup finds of it and its events. */
	static Optional<CaseFile> of(RecordLookup lookup, CaseId caseId, RecordId except) {
		return lookup.find(caseId).map(found -> {
			List<CaseEventDetails> events = new ArrayList<>();
			for (RecordLookup.Found event : lookup.referring(caseId, RecordKind.CASE_EVENT)) {
				if (!event.id().equals(except)) {
					events.add((CaseEventDetails) event.details());
				}
			}
			return new CaseFile((CaseDetails) found, events);
		});
	}

	/**
	 * Whether the case reached court: it is in court or on appeal, or a court decided it.
	 */
	boolean reachedCourt() {
		CaseStatus status = this.courtCase.status();
		return status == CaseStatus.IN_COURT || status == CaseStatus.APPEAL
				|| (this.courtCase.outcome() != null && this.courtCase.outcome().byCourt());
	}

	/** The measure of restraint in force on {@code day}, if any. */
	Optional<Restraint> restraintOn(LocalDate day) {
		Restraint restraint = null;
		for (CaseEventDetails event : this.events) {
			if (event.date().isAfter(day)) {
				break;
			}
			if (event.type().setsMeasure()) {
				boolean continues = restraint != null && restraint.measure() == event.measure();
				restraint = new Restraint(event.measure(), continues ? restraint.since() : event.date(), event.until());
			}
			else if (event.type() == CaseEventType.RELEASE || event.type() == CaseEventType.VERDICT) {
				restraint = null;
			}
		}
		return Optional.ofNullable(restraint);
	}

	/** Whether a verdict was recorded on or before {@code day}. */
	boolean verdictBy(LocalDate day) {
		return this.events.stream().anyMatch(e -> e.type() == CaseEventType.VERDICT && !e.date().isAfter(day));
	}

	/** The first hearing scheduled on {@code day} or later, if any. */
	Optional<CaseEventDetails> nextHearing(LocalDate day) {
		return this.events.stream()
			.filter(e -> e.type() == CaseEventType.HEARING_SCHEDULED && !e.date().isBefore(day))
			.findFirst();
	}

}
