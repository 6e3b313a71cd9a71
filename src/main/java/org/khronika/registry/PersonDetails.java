package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

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

	/** The most spellings of one person's name. */
	public static final int MAX_NAMES = 20;

	public PersonDetails {
		names = List.copyOf(names);
		sources = List.copyOf(sources);
		List<FieldProblem> problems = new ArrayList<>();
		if (names.size() > MAX_NAMES) {
			problems.add(FieldProblem.of("names", "too_many", MAX_NAMES));
		}
		if (names.stream().distinct().count() < names.size()
				|| names.stream().anyMatch(name -> name.isBlank() || !name.strip().equals(name))) {
			problems.add(FieldProblem.of("names", "names_distinct"));
		}
		InvalidDetails.unless(problems);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.PERSON;
	}

	/**
	 * The first spelling, or empty if the names are not readable (redacted, shredded).
	 */
	public String displayName() {
		return this.names.isEmpty() ? "" : this.names.get(0);
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message.
	 */
	@Override
	public String toString() {
		return Kinds.describe(this);
	}

}
