package org.khronika.registry;

import java.util.List;

/**
 * What a record says at one version. Each kind's details validate themselves when built
 * (see {@link InvalidDetails}), so that no path can hold details that break the kind's
 * invariants; the rules that relate a record to other records and to time are its kind's
 * decider's. Each kind's fields are public (dates, regions, law articles, statuses,
 * counts, links), stored in clear, or sealed (whatever names or describes a person),
 * stored only encrypted. Details read for someone who sees public fields only, or of a
 * shredded person, have their sealed fields empty.
 */
public sealed interface RecordDetails
		permits PersonDetails, IncidentDetails, CaseDetails, CaseEventDetails, SourceDetails {

	RecordKind kind();

	/** The sources this record's facts came from. */
	List<SourceId> sources();

}
