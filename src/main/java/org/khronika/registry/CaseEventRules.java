package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that relate a case event to its case and to time. Pure: a case file and a day
 * in, problems out.
 */
final class CaseEventRules {

	/** What can happen in an inquiry, before any case is opened. */
	static final Set<CaseEventType> IN_INQUIRY = EnumSet.of(CaseEventType.DETENTION, CaseEventType.QUESTIONING,
			CaseEventType.SEARCH, CaseEventType.RELEASE);

	private CaseEventRules() {
	}

	/**
	 * What is wrong with {@code event} in {@code file} on {@code today}: a date in the
	 * future (only a scheduled hearing may be ahead); a verdict in a case that did not
	 * reach court; an extension without a measure of restraint in force before it (a
	 * release or a verdict ends one); an appeal without an earlier verdict; in an
	 * inquiry, anything but a detention, questioning, search or release.
	 */
	static List<FieldProblem> check(CaseEventDetails event, CaseFile file, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (event.date().isAfter(today) && !event.type().mayBeAhead()) {
			problems.add(FieldProblem.of("date", "date_in_future"));
		}
		problems.addAll(against(event.type(), file, event.date()));
		return problems;
	}

	/**
	 * What stands against an event of {@code type} on {@code day} in {@code file}, the
	 * day aside: in an inquiry, anything but a detention, questioning, search or release;
	 * a verdict before the case reached court; an extension with no measure of restraint
	 * in force; an appeal before a verdict.
	 */
	static List<FieldProblem> against(CaseEventType type, CaseFile file, LocalDate day) {
		if (file.courtCase().proceedings() == Proceedings.INQUIRY && !IN_INQUIRY.contains(type)) {
			return List.of(FieldProblem.of("type", "not_in_inquiry"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (type == CaseEventType.VERDICT && !file.reachedCourt()) {
			problems.add(FieldProblem.of("type", "verdict_needs_court"));
		}
		if (type == CaseEventType.EXTENSION && file.restraintOn(day).isEmpty()) {
			problems.add(FieldProblem.of("type", "extension_needs_measure"));
		}
		if (type == CaseEventType.APPEAL && !file.verdictBy(day)) {
			problems.add(FieldProblem.of("type", "appeal_needs_verdict"));
		}
		return problems;
	}

}
