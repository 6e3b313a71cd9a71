package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Who an entry is: its own id and the stream (subject) it belongs to. Its bytes are the
 * associated data of the entry's sealed part, so sealed bytes copied into another entry
 * do not open.
 */
public record EntryIdentity(UUID entryId, String streamId) {

	public EntryIdentity {
		Objects.requireNonNull(entryId, "entryId");
		if (streamId == null || streamId.isBlank()) {
			throw new IllegalArgumentException("an entry needs a stream id");
		}
	}

	/** A fresh identity for the next entry of {@code streamId}. */
	public static EntryIdentity next(String streamId) {
		return new EntryIdentity(UUID.randomUUID(), streamId);
	}

	/** The associated data for sealing this entry's private part. */
	public byte[] associatedData() {
		return ("khronika-entry/1|" + this.entryId + "|" + this.streamId).getBytes(StandardCharsets.UTF_8);
	}

}
