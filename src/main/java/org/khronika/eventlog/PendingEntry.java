package org.khronika.eventlog;

import java.util.Objects;

/**
 * An entry about to be appended: everything but its position, time and hashes, which the
 * log assigns.
 *
 * @param publicPart canonical JSON of the non-identifying fields (never null; {@code {}}
 * if none)
 * @param sealedPart AEAD ciphertext of the identifying fields, sealed with
 * {@link EntryIdentity#associatedData()}; empty if the entry has none
 */
public record PendingEntry(EntryIdentity identity, String type, int schemaVersion, String actor, String publicPart,
		byte[] sealedPart) {

	public PendingEntry {
		Objects.requireNonNull(identity, "identity");
		if (type == null || !type.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
			throw new IllegalArgumentException("an event type is a stable dotted name such as 'incident.recorded'");
		}
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schema versions start at 1");
		}
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(publicPart, "publicPart");
		sealedPart = (sealedPart == null) ? new byte[0] : sealedPart.clone();
	}

	@Override
	public byte[] sealedPart() {
		return this.sealedPart.clone();
	}

}
