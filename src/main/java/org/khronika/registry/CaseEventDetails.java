package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that happened in a case on a date: detention, questioning, search, a measure
 * of restraint (with the measure and the date it runs until), a hearing, an extension, a
 * verdict, an appeal, a release. The note is sealed under the event's own key.
 *
 * @param measure only with a measure of restraint or an extension
 * @param until the day the measure runs until, after {@code date}; only with a measure
 */
public record CaseEventDetails(CaseId caseId, CaseEventType type, LocalDate date, String court,
		MeasureOfRestraint measure, LocalDate until, String note, List<SourceId> sources) implements RecordDetails {

	public CaseEventDetails {
		sources = List.copyOf(sources);
		List<FieldProblem> problems = new ArrayList<>();
		Fields.require(problems, "caseId", caseId);
		Fields.require(problems, "type", type);
		Fields.require(problems, "date", date);
		if (type != null && type.setsMeasure() && measure == null) {
			problems.add(FieldProblem.of("measure", "measure_required"));
		}
		if (type != null && !type.setsMeasure() && (measure != null || until != null)) {
			problems.add(FieldProblem.of((measure != null) ? "measure" : "until", "measure_only_with_measure"));
		}
		if (until != null && date != null && !until.isAfter(date)) {
			problems.add(FieldProblem.of("until", "until_not_after_date"));
		}
		InvalidDetails.unless(problems);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE_EVENT;
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message.
	 */
	@Override
	public String toString() {
		return Kinds.describe(this);
	}

}
