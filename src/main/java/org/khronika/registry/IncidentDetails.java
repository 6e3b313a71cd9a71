package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An incident: a protest, picket, search, post… on a date in a region. {@code detained}
 * is the number of people detained at it, which may exceed the persons linked to it. The
 * description is sealed under the incident's own key.
 */
public record IncidentDetails(LocalDate date, String region, String locality, String type, String topic,
		String organiser, String agreement, Integer detained, List<PersonId> persons, String description,
		List<SourceId> sources) implements RecordDetails {

	public IncidentDetails {
		persons = List.copyOf(persons);
		sources = List.copyOf(sources);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.INCIDENT;
	}

	@Override
	public Map<String, Object> publicFields() {
		return Fields.builder()
			.put("date", this.date)
			.put("region", this.region)
			.put("locality", this.locality)
			.put("type", this.type)
			.put("topic", this.topic)
			.put("organiser", this.organiser)
			.put("agreement", this.agreement)
			.put("detained", this.detained)
			.put("persons", this.persons)
			.put("sources", this.sources)
			.build();
	}

	@Override
	public Map<String, Object> sealedFields() {
		return Fields.builder().put("description", this.description).build();
	}

	@Override
	public List<Link> links() {
		List<Link> links = new java.util.ArrayList<>(RecordDetails.super.links());
		this.persons.forEach(person -> links.add(new Link(Link.PERSON, person)));
		return links;
	}

	static IncidentDetails fromFields(Fields open, Fields sealed) {
		return new IncidentDetails(open.date("date"), open.text("region"), open.text("locality"), open.text("type"),
				open.text("topic"), open.text("organiser"), open.text("agreement"), open.integer("detained"),
				open.ids("persons", PersonId::new), sealed.text("description"), open.ids("sources", SourceId::new));
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message by
	 * accident.
	 */
	@Override
	public String toString() {
		return "IncidentDetails%s (sealed fields hidden)".formatted(publicFields());
	}

}
