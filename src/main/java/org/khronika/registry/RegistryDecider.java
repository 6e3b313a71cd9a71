package org.khronika.registry;

import java.util.List;

/** Decides commands against a record's current state: a pure function, no I/O. */
final class RegistryDecider {

	private RegistryDecider() {
	}

	/**
	 * @param state the record's current state, or null if it does not exist
	 */
	static Decision decide(RegistryCommand command, RecordState state) {
		if (command instanceof RegistryCommand.Record record) {
			if (state != null) {
				return new Decision.Rejected("record.exists");
			}
			return accept(recorded(record.recordId(), record.details()));
		}
		if (command instanceof RegistryCommand.Revise revise) {
			if (state == null) {
				return new Decision.Rejected("record.not_found");
			}
			if (state.shredded()) {
				return new Decision.Rejected("record.shredded");
			}
			if (state.version() != revise.expectedVersion()) {
				return new Decision.Rejected("record.stale");
			}
			return accept(revised(revise.recordId(), revise.details()));
		}
		if (command instanceof RegistryCommand.Shred shred) {
			if (state == null) {
				return new Decision.Rejected("record.not_found");
			}
			if (state.shredded()) {
				return new Decision.Rejected("record.shredded");
			}
			return accept(new RegistryEvent.PersonShredded(shred.recordId()));
		}
		if (command instanceof RegistryCommand.Share share) {
			if (state == null) {
				return new Decision.Rejected("record.not_found");
			}
			if (state.version() != share.expectedVersion()) {
				return new Decision.Rejected("record.stale");
			}
			return accept(new RegistryEvent.AccessSet(share.recordId(), share.restricted(), share.users()));
		}
		throw new IllegalArgumentException("no decision for " + command.getClass().getSimpleName());
	}

	private static Decision accept(RegistryEvent event) {
		return new Decision.Accepted(List.of(event));
	}

	private static RegistryEvent recorded(RecordId id, RecordDetails details) {
		if (details instanceof PersonDetails person) {
			return new RegistryEvent.PersonRecorded((PersonId) id, person);
		}
		if (details instanceof IncidentDetails incident) {
			return new RegistryEvent.IncidentRecorded((IncidentId) id, incident);
		}
		if (details instanceof CaseDetails courtCase) {
			return new RegistryEvent.CaseOpened((CaseId) id, courtCase);
		}
		if (details instanceof CaseEventDetails caseEvent) {
			return new RegistryEvent.CaseEventRecorded((CaseEventId) id, caseEvent);
		}
		if (details instanceof SourceDetails source) {
			return new RegistryEvent.SourceRecorded((SourceId) id, source);
		}
		throw new IllegalArgumentException("no record event for " + details.getClass().getSimpleName());
	}

	private static RegistryEvent revised(RecordId id, RecordDetails details) {
		if (details instanceof PersonDetails person) {
			return new RegistryEvent.PersonRevised((PersonId) id, person);
		}
		if (details instanceof IncidentDetails incident) {
			return new RegistryEvent.IncidentRevised((IncidentId) id, incident);
		}
		if (details instanceof CaseDetails courtCase) {
			return new RegistryEvent.CaseRevised((CaseId) id, courtCase);
		}
		if (details instanceof CaseEventDetails caseEvent) {
			return new RegistryEvent.CaseEventRevised((CaseEventId) id, caseEvent);
		}
		if (details instanceof SourceDetails source) {
			return new RegistryEvent.SourceRevised((SourceId) id, source);
		}
		throw new IllegalArgumentException("no revise event for " + details.getClass().getSimpleName());
	}

}
