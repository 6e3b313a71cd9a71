package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

import org.khronika.catalog.Catalog;

/** Incidents: their fields, rules, page model and list. */
final class IncidentKind extends Kind<IncidentDetails> {

	static final IncidentKind INSTANCE = new IncidentKind();

	private IncidentKind() {
		super(RecordKind.INCIDENT, IncidentDetails.class,
				List.of(Field.of("date", FieldType.DATE).requiredField(),
						Field.of("region", FieldType.REGION).requiredField(), Field.of("locality", FieldType.TEXT),
						Field.term("type", Catalog.INCIDENT_TYPES).requiredField(), Field.of("topic", FieldType.TEXT),
						Field.of("organiser", FieldType.TEXT), Field.term("agreement", Catalog.AGREEMENT_STATUSES),
						Field.of("detained", FieldType.NUMBER), Field.reference("persons", RecordKind.PERSON, true),
						Field.of("description", FieldType.LONG_TEXT).sealedField(),
						Field.reference("sources", RecordKind.SOURCE, true)));
	}

	@Override
	FieldValues values(IncidentDetails d) {
		return new FieldValues().put("date", d.date())
			.put("region", d.region())
			.put("locality", d.locality())
			.put("type", d.type())
			.put("topic", d.topic())
			.put("organiser", d.organiser())
			.put("agreement", d.agreement())
			.put("detained", d.detained())
			.put("persons", d.persons())
			.put("description", d.description())
			.put("sources", d.sources());
	}

	@Override
	IncidentDetails build(FieldValues v) {
		return new IncidentDetails(v.date("date"), v.text("region"), v.text("locality"), v.text("type"),
				v.text("topic"), v.text("organiser"), v.text("agreement"), v.number("detained"), v.ids("persons"),
				v.text("description"), v.ids("sources"));
	}

	/** An incident has happened: its date is not in the future. */
	@Override
	List<FieldProblem> rules(IncidentDetails details, RecordId id, RuleContext context) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.date().isAfter(context.today())) {
			problems.add(FieldProblem.of("date", "date_in_future"));
		}
		return problems;
	}

	@Override
	java.time.LocalDate date(IncidentDetails d) {
		return d.date();
	}

	@Override
	String title(IncidentDetails d, Labels labels) {
		return labels.date(d.date()) + " · " + labels.term(Catalog.INCIDENT_TYPES, d.type()) + " · "
				+ labels.region(d.region());
	}

	@Override
	List<ListColumn> columns() {
		return List.of(
				new ListColumn("detained", false,
						(d, labels) -> (((IncidentDetails) d).detained() != null)
								? ((IncidentDetails) d).detained().toString() : labels.message("record.unknown"),
						// beside a title a bare "25" says nothing: "25 detained"
						(d, labels) -> (((IncidentDetails) d).detained() != null)
								? labels.message("incident.detainedAside", ((IncidentDetails) d).detained()) : ""),
				new ListColumn("topic", false, (d, labels) -> PersonKind.text(((IncidentDetails) d).topic())));
	}

	@Override
	TypedTable table() {
		return new TypedTable("fact_incident", "day",
				List.of(TypedTable.column("day", v -> v.date("date")),
						TypedTable.filtered("region", ListQuery.Filter.REGION, "region"),
						TypedTable.filtered("type", ListQuery.Filter.KIND, "type"), TypedTable.field("topic", "topic"),
						TypedTable.field("organiser", "organiser"), TypedTable.field("agreement", "agreement"),
						TypedTable.field("detained", "detained")));
	}

}
