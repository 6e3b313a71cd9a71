package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Case events: their fields, the rules that relate them to their case, page model and
 * list.
 */
final class CaseEventKind extends Kind<CaseEventDetails> {

	static final CaseEventKind INSTANCE = new CaseEventKind();

	private CaseEventKind() {
		super(RecordKind.CASE_EVENT, CaseEventDetails.class,
				List.of(Field.reference("caseId", RecordKind.CASE, false).storedAs("case").requiredField(),
						Field.term("type", CaseEventType.VOCABULARY).requiredField(),
						Field.of("date", FieldType.DATE).requiredField(), Field.of("court", FieldType.TEXT),
						Field.term("measure", MeasureOfRestraint.VOCABULARY), Field.of("until", FieldType.DATE),
						Field.of("note", FieldType.LONG_TEXT).sealedField(),
						Field.reference("sources", RecordKind.SOURCE, true)));
	}

	@Override
	FieldValues values(CaseEventDetails d) {
		return new FieldValues().put("caseId", d.caseId())
			.put("type", d.type().code())
			.put("date", d.date())
			.put("court", d.court())
			.put("measure", (d.measure() != null) ? d.measure().code() : null)
			.put("until", d.until())
			.put("note", d.note())
			.put("sources", d.sources());
	}

	@Override
	CaseEventDetails build(FieldValues v) {
		List<FieldProblem> problems = new ArrayList<>();
		CaseEventType type = coded(CaseEventType.class, v, "type", problems);
		MeasureOfRestraint measure = coded(MeasureOfRestraint.class, v, "measure", problems);
		return complete(problems, () -> new CaseEventDetails(v.id("caseId"), type, v.date("date"), v.text("court"),
				measure, v.date("until"), v.text("note"), v.ids("sources")));
	}

	/** See {@link CaseEventRules#check}: the event against its case and the day. */
	@Override
	List<FieldProblem> rules(CaseEventDetails details, RecordId id, RuleContext context) {
		return CaseFile.of(context.lookup(), details.caseId(), id)
			.map(file -> CaseEventRules.check(details, file, context.today()))
			.orElse(List.of());
	}

	@Override
	List<Shown> conditions() {
		return List.of(Shown.when("measure", "type", CaseEventType.class, CaseEventType::setsMeasure),
				Shown.when("until", "type", CaseEventType.class, CaseEventType::setsMeasure));
	}

	@Override
	java.time.LocalDate date(CaseEventDetails d) {
		return d.date();
	}

	@Override
	String title(CaseEventDetails d, Labels labels) {
		return labels.term(CaseEventType.VOCABULARY, d.type().code()) + " · " + labels.date(d.date());
	}

	@Override
	List<ListColumn> columns() {
		return List.of(new ListColumn("caseId", false, (d, labels) -> labels.title(((CaseEventDetails) d).caseId())),
				new ListColumn("court", false, (d, labels) -> PersonKind.text(((CaseEventDetails) d).court())),
				new ListColumn("term", false, (details, labels) -> {
					CaseEventDetails d = (CaseEventDetails) details;
					if (d.measure() == null) {
						return "";
					}
					String measure = labels.term(MeasureOfRestraint.VOCABULARY, d.measure().code());
					return (d.until() != null)
							? measure + " · " + labels.message("summary.until", labels.date(d.until())) : measure;
				}));
	}

	@Override
	TypedTable table() {
		return new TypedTable("fact_case_event", "day",
				List.of(TypedTable.column("case_id", v -> v.id("caseId").toString()),
						TypedTable.filtered("type", ListQuery.Filter.KIND, "type"),
						TypedTable.column("day", v -> v.date("date")), TypedTable.field("measure", "measure"),
						TypedTable.field("until", "until")));
	}

}
