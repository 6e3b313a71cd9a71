package org.khronika.registry;

import java.util.List;

/**
 * What happened to a record. Each event type has a stable name and version per kind in
 * {@link EventTypes} ({@code person.recorded}, {@code case.opened}), never its Java class
 * name.
 */
public sealed interface RegistryEvent {

	RecordId recordId();

	/** An event that carries the record's complete details at its new version. */
	sealed interface WithDetails extends RegistryEvent {

		RecordDetails details();

	}

	/** A new record. */
	record Recorded(RecordId recordId, RecordDetails details) implements WithDetails {

		public Recorded {
			requireSameKind(recordId, details);
		}

	}

	/** A record's details replaced by a new version. */
	record Revised(RecordId recordId, RecordDetails details) implements WithDetails {

		public Revised {
			requireSameKind(recordId, details);
		}

	}

	/** The person's data key was destroyed: their sealed fields are gone for good. */
	record Shredded(PersonId recordId) implements RegistryEvent {
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

	/**
	 * A record found to stand for the same person (or incident) as {@code other}, as
	 * someone confirmed: the two records are read as one from then on. Nothing of either
	 * is changed.
	 */
	record Linked(RecordId recordId, RecordId other) implements RegistryEvent {

		public Linked {
			requireLinkable(recordId, other);
		}

	}

	/** A link between two records taken back: they are two persons (incidents) again. */
	record Unlinked(RecordId recordId, RecordId other) implements RegistryEvent {

		public Unlinked {
			requireLinkable(recordId, other);
		}

	}

	/**
	 * Someone decided that the record does not stand for the same person (incident) as
	 * {@code other}: the proposal to link them is not made again.
	 */
	record LinkRejected(RecordId recordId, RecordId other) implements RegistryEvent {

		public LinkRejected {
			requireLinkable(recordId, other);
		}

	}

	/** Two records of one kind that can be linked: persons or incidents. */
	static void requireLinkable(RecordId id, RecordId other) {
		if (id.kind() != other.kind() || !id.kind().linkable()) {
			throw new IllegalArgumentException("a " + id.kind().code() + " cannot be linked with a "
					+ other.kind().code() + ": only two persons or two incidents can");
		}
	}

	private static void requireSameKind(RecordId id, RecordDetails details) {
		if (id.kind() != details.kind()) {
			throw new IllegalArgumentException(
					"details of a " + details.kind().code() + " given for a " + id.kind().code());
		}
	}

}
