package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;

import org.khronika.catalog.Catalog;

/** Input for an incident; see {@link IncidentDetails}. */
public record IncidentInput(LocalDate date, String region, String locality, String type, String topic, String organiser,
		String agreement, Integer detained, List<String> persons, String description,
		List<String> sources) implements RecordInput {

	@Override
	public RecordKind recordKind() {
		return RecordKind.INCIDENT;
	}

	Validated<IncidentDetails> validate(InputCheck check) {
		LocalDate date = check.pastDate("date", this.date, true);
		String region = check.region("region", this.region, true);
		String locality = check.text("locality", this.locality, InputCheck.SHORT_TEXT_MAX, false);
		String type = check.term("type", Catalog.INCIDENT_TYPES, this.type, true);
		String topic = check.text("topic", this.topic, InputCheck.SHORT_TEXT_MAX, false);
		String organiser = check.text("organiser", this.organiser, InputCheck.SHORT_TEXT_MAX, false);
		String agreement = check.term("agreement", Catalog.AGREEMENT_STATUSES, this.agreement, false);
		Integer detained = check.range("detained", this.detained, 0, 1_000_000, false);
		List<PersonId> persons = check.references("persons", this.persons, RecordKind.PERSON, PersonId::new);
		String description = check.text("description", this.description, InputCheck.LONG_TEXT_MAX, false);
		List<SourceId> sources = check.references("sources", this.sources, RecordKind.SOURCE, SourceId::new);
		return check.result(() -> new IncidentDetails(date, region, locality, type, topic, organiser, agreement,
				detained, persons, description, sources));
	}

	/** Never the values: an input may hold identifying text. */
	@Override
	public String toString() {
		return "IncidentInput[values hidden]";
	}

}
