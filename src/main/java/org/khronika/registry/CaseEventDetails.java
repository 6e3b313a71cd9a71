package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Something that happened in a case on a date: detention, search, measure of restraint
 * (with the measure and the date it runs until), hearing, extension, verdict, appeal,
 * release. The note is sealed under the event's own key.
 */
public record CaseEventDetails(CaseId caseId, String type, LocalDate date, String court, String measure,
		LocalDate until, String note, List<SourceId> sources) implements RecordDetails {

	public CaseEventDetails {
		sources = List.copyOf(sources);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE_EVENT;
	}

	@Override
	public Map<String, Object> publicFields() {
		return Fields.builder()
			.put("case", this.caseId)
			.put("type", this.type)
			.put("date", this.date)
			.put("court", this.court)
			.put("measure", this.measure)
			.put("until", this.until)
			.put("sources", this.sources)
			.build();
	}

	@Override
	public Map<String, Object> sealedFields() {
		return Fields.builder().put("note", this.note).build();
	}

	@Override
	public List<Link> links() {
		List<Link> links = new java.util.ArrayList<>(RecordDetails.super.links());
		links.add(new Link(Link.CASE, this.caseId));
		return links;
	}

	static CaseEventDetails fromFields(Fields open, Fields sealed) {
		return new CaseEventDetails(new CaseId(java.util.UUID.fromString(open.text("case"))), open.text("type"),
				open.date("date"), open.text("court"), open.text("measure"), open.date("until"), sealed.text("note"),
				open.ids("sources", SourceId::new));
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message by
	 * accident.
	 */
	@Override
	public String toString() {
		return "CaseEventDetails%s (sealed fields hidden)".formatted(publicFields());
	}

}
