package org.khronika.registry;

import java.util.List;
import java.util.Map;

/**
 * A person: names in any script (several spellings), birth year, region, contacts, notes
 * and consent. Names, birth year, contacts and notes are sealed under the person's own
 * key, so shredding the person destroys them.
 *
 * @param mayBeNamed the person consented to be named publicly
 * @param mayReceiveLetters the person consented to receive letters
 */
public record PersonDetails(List<String> names, Integer birthYear, String region, String contacts, String notes,
		boolean mayBeNamed, boolean mayReceiveLetters, List<SourceId> sources) implements RecordDetails {

	public PersonDetails {
		names = List.copyOf(names);
		sources = List.copyOf(sources);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.PERSON;
	}

	/** The first spelling, or empty if the names are gone (shredded). */
	public String displayName() {
		return this.names.isEmpty() ? "" : this.names.get(0);
	}

	@Override
	public Map<String, Object> publicFields() {
		return Fields.builder()
			.put("region", this.region)
			.put("mayBeNamed", this.mayBeNamed)
			.put("mayReceiveLetters", this.mayReceiveLetters)
			.put("sources", this.sources)
			.build();
	}

	@Override
	public Map<String, Object> sealedFields() {
		return Fields.builder()
			.put("names", this.names)
			.put("birthYear", this.birthYear)
			.put("contacts", this.contacts)
			.put("notes", this.notes)
			.build();
	}

	static PersonDetails fromFields(Fields open, Fields sealed) {
		return new PersonDetails(sealed.texts("names"), sealed.integer("birthYear"), open.text("region"),
				sealed.text("contacts"), sealed.text("notes"), open.flag("mayBeNamed"), open.flag("mayReceiveLetters"),
				open.ids("sources", SourceId::new));
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message by
	 * accident.
	 */
	@Override
	public String toString() {
		return "PersonDetails%s (sealed fields hidden)".formatted(publicFields());
	}

}
