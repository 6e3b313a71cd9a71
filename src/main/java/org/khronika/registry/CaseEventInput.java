package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.khronika.catalog.Catalog;

/** Input for a case event; see {@link CaseEventDetails}. */
public record CaseEventInput(String caseId, String type, LocalDate date, String court, String measure, LocalDate until,
		String note, List<String> sources) implements RecordInput {

	private static final Set<String> WITH_MEASURE = Set.of("measure-of-restraint", "extension");

	@Override
	public RecordKind recordKind() {
		return RecordKind.CASE_EVENT;
	}

	Validated<CaseEventDetails> validate(InputCheck check) {
		CaseId caseRef = check.reference("caseId", this.caseId, RecordKind.CASE, CaseId::new, true);
		String type = check.term("type", Catalog.CASE_EVENT_TYPES, this.type, true);
		boolean scheduled = "hearing-scheduled".equals(type);
		LocalDate date = scheduled ? check.date("date", this.date, true) : check.pastDate("date", this.date, true);
		String court = check.text("court", this.court, InputCheck.SHORT_TEXT_MAX, false);
		String measure = check.term("measure", Catalog.MEASURES_OF_RESTRAINT, this.measure, false);
		boolean takesMeasure = type != null && WITH_MEASURE.contains(type);
		if (takesMeasure && measure == null && !check.hasProblem("measure")) {
			check.reject("measure", "measure_required");
		}
		if (!takesMeasure && type != null && (measure != null || this.until != null)) {
			check.reject(measure != null ? "measure" : "until", "measure_only_with_measure");
		}
		LocalDate until = check.date("until", this.until, false);
		if (until != null && date != null && !until.isAfter(date)) {
			check.reject("until", "until_not_after_date");
		}
		String note = check.text("note", this.note, InputCheck.LONG_TEXT_MAX, false);
		List<SourceId> sources = check.references("sources", this.sources, RecordKind.SOURCE, SourceId::new);
		return check.result(() -> new CaseEventDetails(caseRef, type, date, court, measure, until, note, sources));
	}

	/** Never the values: an input may hold identifying text. */
	@Override
	public String toString() {
		return "CaseEventInput[values hidden]";
	}

}
