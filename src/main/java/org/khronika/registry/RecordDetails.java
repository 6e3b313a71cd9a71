package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a record says at one version. Each kind splits its fields in two: public fields
 * (dates, regions, law articles, statuses, counts, links) stored in clear, and sealed
 * fields (whatever names or describes a person) stored only encrypted.
 */
public sealed interface RecordDetails
		permits PersonDetails, IncidentDetails, CaseDetails, CaseEventDetails, SourceDetails {

	RecordKind kind();

	/** The non-identifying fields, by their stable names; no null values. */
	Map<String, Object> publicFields();

	/** The identifying fields, by their stable names; no null values; empty if none. */
	Map<String, Object> sealedFields();

	/** The sources this record's facts came from. */
	List<SourceId> sources();

	/** Every record this one refers to. */
	default List<Link> links() {
		List<Link> links = new ArrayList<>();
		sources().forEach(source -> links.add(new Link(Link.SOURCE, source)));
		return links;
	}

}
