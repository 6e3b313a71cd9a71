package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.khronika.catalog.LawArticle;

/**
 * Cases: their fields, rules, page model (with the summary a case page leads with) and
 * list.
 */
final class CaseKind extends Kind<CaseDetails> {

	static final CaseKind INSTANCE = new CaseKind();

	private CaseKind() {
		super(RecordKind.CASE, CaseDetails.class, List.of(
				Field.reference("person", RecordKind.PERSON, false).requiredField(),
				Field.term("occupation", CaseDetails.OCCUPATIONS),
				Field.term("kind", Proceedings.VOCABULARY).requiredField(), Field.of("opened", FieldType.DATE),
				Field.of("region", FieldType.REGION), Field.of("charges", FieldType.ARTICLES),
				Field.reference("incidents", RecordKind.INCIDENT, true),
				Field.term("trigger", Trigger.VOCABULARY).requiredField(), Field.term("informant", Trigger.INFORMANTS),
				Field.term("investigator", CaseDetails.INVESTIGATORS),
				Field.of("caseNumber", FieldType.TEXT).sealedField(), Field.of("court", FieldType.TEXT),
				Field.of("courtCaseNumber", FieldType.TEXT).sealedField(),
				Field.of("judge", FieldType.TEXT).sealedField(),
				Field.term("status", CaseStatus.VOCABULARY).requiredField(), Field.term("outcome", Outcome.VOCABULARY),
				Field.of("fineAmount", FieldType.AMOUNT), Field.of("sentenceMonths", FieldType.NUMBER),
				Field.of("custodyPlace", FieldType.TEXT).sealedField(),
				Field.of("notes", FieldType.LONG_TEXT).sealedField(),
				Field.reference("sources", RecordKind.SOURCE, true)));
	}

	@Override
	String recordedEvent() {
		return "case.opened";
	}

	@Override
	FieldValues values(CaseDetails d) {
		return new FieldValues().put("person", d.person())
			.put("occupation", d.occupation())
			.put("kind", code(d.proceedings()))
			.put("opened", d.opened())
			.put("region", d.region())
			.put("charges", d.charges())
			.put("incidents", d.incidents())
			.put("trigger", code(d.trigger()))
			.put("informant", d.informant())
			.put("investigator", d.investigator())
			.put("caseNumber", d.caseNumber())
			.put("court", d.court())
			.put("courtCaseNumber", d.courtCaseNumber())
			.put("judge", d.judge())
			.put("status", code(d.status()))
			.put("outcome", code(d.outcome()))
			.put("fineAmount", (d.outcome() != null) ? d.outcome().fineAmount() : null)
			.put("sentenceMonths", (d.outcome() != null) ? d.outcome().sentenceMonths() : null)
			.put("custodyPlace", d.custodyPlace())
			.put("notes", d.notes())
			.put("sources", d.sources());
	}

	@Override
	CaseDetails build(FieldValues v) {
		List<FieldProblem> problems = new ArrayList<>();
		Proceedings proceedings = coded(Proceedings.class, v, "kind", problems);
		Trigger trigger = coded(Trigger.class, v, "trigger", problems);
		CaseStatus status = coded(CaseStatus.class, v, "status", problems);
		Outcome outcome = outcome(v, problems);
		return complete(problems,
				() -> new CaseDetails(v.id("person"), v.text("occupation"), proceedings, v.date("opened"),
						v.text("region"), v.texts("charges"), v.ids("incidents"), trigger, v.text("informant"),
						v.text("investigator"), v.text("caseNumber"), v.text("court"), v.text("courtCaseNumber"),
						v.text("judge"), status, outcome, v.text("custodyPlace"), v.text("notes"), v.ids("sources")));
	}

	/**
	 * The outcome the values state, or null with its problems added to {@code problems}.
	 */
	private static Outcome outcome(FieldValues v, List<FieldProblem> problems) {
		try {
			return Outcome.of(v.text("outcome"), v.amount("fineAmount"), v.number("sentenceMonths"));
		}
		catch (InvalidDetails ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	/**
	 * A case is opened on a day that has come, under articles of its own kind of
	 * proceedings (the catalog says which code each article belongs to).
	 */
	@Override
	List<FieldProblem> rules(CaseDetails details, RecordId id, RuleContext context) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.opened() != null && details.opened().isAfter(context.today())) {
			problems.add(FieldProblem.of("opened", "date_in_future"));
		}
		for (String code : details.charges()) {
			Optional<LawArticle> article = context.catalog().article(code);
			if (article.isPresent() && !article.get().kind().equals(details.proceedings().code())) {
				problems.add(FieldProblem.of("charges", "article_kind_mismatch", code, details.proceedings().code()));
			}
		}
		return problems;
	}

	@Override
	List<Shown> conditions() {
		List<Shown> conditions = new ArrayList<>(
				List.of(Shown.when("informant", "trigger", Trigger.class, Trigger::hasInformant).evenUnchosen(),
						Shown.when("outcome", "status", CaseStatus.class, CaseStatus::decided),
						Shown.when("fineAmount", "outcome", Outcome.FINE::equals),
						Shown.when("sentenceMonths", "outcome", Outcome.SENTENCES::contains)));
		for (String inCourt : List.of("charges", "court", "courtCaseNumber", "judge")) {
			conditions.add(Shown.when(inCourt, "kind", Proceedings.class, Proceedings::charges).evenUnchosen());
		}
		return conditions;
	}

	@Override
	java.time.LocalDate date(CaseDetails d) {
		return d.opened();
	}

	@Override
	String title(CaseDetails d, Labels labels) {
		String charges = String.join(", ", d.charges().stream().map(labels::article).toList());
		return labels.title(d.person()) + " — " + labels.term(Proceedings.VOCABULARY, d.proceedings().code())
				+ (charges.isEmpty() ? "" : " (" + charges + ")");
	}

	@Override
	List<ListColumn> columns() {
		return List.of(new ListColumn("trigger", false, (details, labels) -> {
			CaseDetails d = (CaseDetails) details;
			String trigger = labels.term(Trigger.VOCABULARY, d.trigger().code());
			return (d.informant() != null) ? trigger + " (" + labels.term(Trigger.INFORMANTS, d.informant()) + ")"
					: trigger;
		}), new ListColumn("status", false, (details, labels) -> status((CaseDetails) details, labels)));
	}

	/**
	 * Status (and outcome), the measure of restraint in force today and until when (or
	 * that its term lapsed with nothing recorded since), where the person is held, the
	 * next hearing, the articles.
	 */
	@Override
	List<SummaryLine> summary(CaseDetails d, List<RecordDetails> related, Labels labels, LocalDate today) {
		List<CaseEventDetails> events = related.stream()
			.filter(CaseEventDetails.class::isInstance)
			.map(CaseEventDetails.class::cast)
			.toList();
		CaseFile file = new CaseFile(d, events);
		List<SummaryLine> lines = new ArrayList<>();
		lines.add(new SummaryLine("summary.status", status(d, labels)));
		file.restraintOn(today).ifPresent(restraint -> {
			String measure = labels.term(MeasureOfRestraint.VOCABULARY, restraint.measure().code());
			String until = (restraint.until() == null) ? ""
					: restraint.lapsedBy(today) ? " " + labels.message("summary.lapsed", labels.date(restraint.until()))
							: " " + labels.message("summary.until", labels.date(restraint.until()));
			lines.add(new SummaryLine("summary.restraint", measure + until));
		});
		if (d.custodyPlace() != null) {
			lines.add(new SummaryLine("summary.place", d.custodyPlace()));
		}
		file.nextHearing(today)
			.ifPresent(hearing -> lines.add(new SummaryLine("summary.nextHearing",
					labels.date(hearing.date()) + ((hearing.court() != null) ? " · " + hearing.court() : ""))));
		if (!d.charges().isEmpty()) {
			lines.add(new SummaryLine("summary.articles",
					String.join(", ", d.charges().stream().map(labels::article).toList())));
		}
		return lines;
	}

	/** The status, and the outcome once there is one. */
	private static String status(CaseDetails d, Labels labels) {
		String status = labels.term(CaseStatus.VOCABULARY, d.status().code());
		return (d.outcome() != null) ? status + " · " + outcome(d.outcome(), labels) : status;
	}

	private static String outcome(Outcome outcome, Labels labels) {
		String label = labels.term(Outcome.VOCABULARY, outcome.code());
		if (outcome.fineAmount() != null) {
			return label + " " + labels.message("summary.roubles", outcome.fineAmount());
		}
		if (outcome.sentenceMonths() != null) {
			return label + " " + labels.message("summary.months", outcome.sentenceMonths());
		}
		return label;
	}

	/**
	 * {@code charges}: the article codes, separated by spaces; {@code n/a} for an
	 * inquiry, which charges no one; likewise the informant of a case that did not start
	 * with a denunciation, the outcome of one not yet decided.
	 */
	@Override
	TypedTable table() {
		return new TypedTable("fact_case", "opened",
				List.of(TypedTable.column("person", v -> v.id("person").toString()),
						TypedTable.column("opened", v -> v.date("opened")),
						TypedTable.filtered("region", ListQuery.Filter.REGION, "region"),
						TypedTable.filtered("kind", ListQuery.Filter.KIND, "kind"),
						TypedTable.codes("charges", ListQuery.Filter.ARTICLE, "charges"),
						TypedTable.field("trigger_code", "trigger"), TypedTable.field("informant", "informant"),
						TypedTable.filtered("status", ListQuery.Filter.STATUS, "status"),
						TypedTable.field("outcome", "outcome"), TypedTable.field("fine_amount", "fineAmount"),
						TypedTable.field("sentence_months", "sentenceMonths")));
	}

	private static String code(Coded value) {
		return (value != null) ? value.code() : null;
	}

}
