package org.khronika.registry;

import java.util.List;

/**
 * What happened to a record. Each event type has a stable name and version in
 * {@link EventTypes}, never its Java class name.
 */
public sealed interface RegistryEvent {

	RecordId recordId();

	/** An event that carries the record's complete details at its new version. */
	sealed interface WithDetails extends RegistryEvent {

		RecordDetails details();

	}

	record PersonRecorded(PersonId recordId, PersonDetails details) implements WithDetails {
	}

	record PersonRevised(PersonId recordId, PersonDetails details) implements WithDetails {
	}

	/** The person's data key was destroyed: their sealed fields are gone for good. */
	record PersonShredded(PersonId recordId) implements RegistryEvent {
	}

	record IncidentRecorded(IncidentId recordId, IncidentDetails details) implements WithDetails {
	}

	record IncidentRevised(IncidentId recordId, IncidentDetails details) implements WithDetails {
	}

	record CaseOpened(CaseId recordId, CaseDetails details) implements WithDetails {
	}

	record CaseRevised(CaseId recordId, CaseDetails details) implements WithDetails {
	}

	record CaseEventRecorded(CaseEventId recordId, CaseEventDetails details) implements WithDetails {
	}

	record CaseEventRevised(CaseEventId recordId, CaseEventDetails details) implements WithDetails {
	}

	record SourceRecorded(SourceId recordId, SourceDetails details) implements WithDetails {
	}

	record SourceRevised(SourceId recordId, SourceDetails details) implements WithDetails {
	}

	/**
	 * Who may see the record changed: whether it is restricted (only admins and the named
	 * users see it), and the named users (on a case: its assigned lawyers).
	 */
	record AccessSet(RecordId recordId, boolean restricted, List<String> users) implements RegistryEvent {

		public AccessSet {
			users = List.copyOf(new java.util.TreeSet<>(users));
		}

	}

}
