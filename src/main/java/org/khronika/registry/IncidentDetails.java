package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident: a protest, picket, search, post… on a date in a region. {@code detained}
 * is the number of people detained at it, which may exceed the persons linked to it, and
 * is null when it is not known (never read as zero). The description is sealed under the
 * incident's own key.
 */
public record IncidentDetails(LocalDate date, String region, String locality, String type, String topic,
		String organiser, String agreement, Integer detained, List<PersonId> persons, String description,
		List<SourceId> sources) implements RecordDetails {

	/** The most people one incident is said to have detained. */
	public static final int MAX_DETAINED = 1_000_000;

	public IncidentDetails {
		persons = List.copyOf(persons);
		sources = List.copyOf(sources);
		List<FieldProblem> problems = new ArrayList<>();
		Fields.require(problems, "date", date);
		Fields.require(problems, "region", region);
		Fields.require(problems, "type", type);
		if (detained != null && (detained < 0 || detained > MAX_DETAINED)) {
			problems.add(FieldProblem.of("detained", "out_of_range", 0, MAX_DETAINED));
		}
		InvalidDetails.unless(problems);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.INCIDENT;
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message.
	 */
	@Override
	public String toString() {
		return Kinds.describe(this);
	}

}
