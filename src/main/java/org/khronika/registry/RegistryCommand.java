package org.khronika.registry;

import java.util.List;

/** What a user asks the registry to do. */
sealed interface RegistryCommand {

	RecordId recordId();

	/** Record a new record with these details. */
	record Record(RecordId recordId, RecordDetails details) implements RegistryCommand {
	}

	/** Replace a record's details, if it is still at {@code expectedVersion}. */
	record Revise(RecordId recordId, int expectedVersion, RecordDetails details) implements RegistryCommand {
	}

	/** Destroy a person's data key. */
	record Shred(PersonId recordId) implements RegistryCommand {
	}

	/** Set who may see a record, if it is still at {@code expectedVersion}. */
	record Share(RecordId recordId, int expectedVersion, boolean restricted,
			List<String> users) implements RegistryCommand {
	}

	/** Link two person records as one person, or two incident records as one incident. */
	record Link(RecordId recordId, RecordId other) implements RegistryCommand {

		public Link {
			RegistryEvent.requireLinkable(recordId, other);
		}

	}

	/** Take a link between two records back. */
	record Unlink(RecordId recordId, RecordId other) implements RegistryCommand {

		public Unlink {
			RegistryEvent.requireLinkable(recordId, other);
		}

	}

	/** Say that two records are not the same person (incident). */
	record RejectLink(RecordId recordId, RecordId other) implements RegistryCommand {

		public RejectLink {
			RegistryEvent.requireLinkable(recordId, other);
		}

	}

}
