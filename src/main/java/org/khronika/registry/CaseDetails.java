package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A prosecution of one person: administrative or criminal, its charges (law article
 * codes), how it started ({@code trigger}, and for a denunciation the informant's
 * relationship to the person), the court, its status and outcome. Notes are sealed under
 * the case's own key.
 *
 * @param fineAmount in roubles, only with the outcome {@code fine}
 * @param sentenceMonths only with a real or suspended sentence
 */
public record CaseDetails(PersonId person, String caseKind, LocalDate opened, String region, List<String> charges,
		String trigger, String informant, String court, String status, String outcome, Long fineAmount,
		Integer sentenceMonths, String notes, List<SourceId> sources) implements RecordDetails {

	public CaseDetails {
		charges = List.copyOf(charges);
		sources = List.copyOf(sources);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE;
	}

	@Override
	public Map<String, Object> publicFields() {
		return Fields.builder()
			.put("person", this.person)
			.put("kind", this.caseKind)
			.put("opened", this.opened)
			.put("region", this.region)
			.put("charges", this.charges)
			.put("trigger", this.trigger)
			.put("informant", this.informant)
			.put("court", this.court)
			.put("status", this.status)
			.put("outcome", this.outcome)
			.put("fineAmount", this.fineAmount)
			.put("sentenceMonths", this.sentenceMonths)
			.put("sources", this.sources)
			.build();
	}

	@Override
	public Map<String, Object> sealedFields() {
		return Fields.builder().put("notes", this.notes).build();
	}

	@Override
	public List<Link> links() {
		List<Link> links = new java.util.ArrayList<>(RecordDetails.super.links());
		links.add(new Link(Link.PERSON, this.person));
		return links;
	}

	static CaseDetails fromFields(Fields open, Fields sealed) {
		return new CaseDetails(new PersonId(java.util.UUID.fromString(open.text("person"))), open.text("kind"),
				open.date("opened"), open.text("region"), open.texts("charges"), open.text("trigger"),
				open.text("informant"), open.text("court"), open.text("status"), open.text("outcome"),
				open.longValue("fineAmount"), open.integer("sentenceMonths"), sealed.text("notes"),
				open.ids("sources", SourceId::new));
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message by
	 * accident.
	 */
	@Override
	public String toString() {
		return "CaseDetails%s (sealed fields hidden)".formatted(publicFields());
	}

}
