package org.khronika.registry;

import java.time.Instant;

/**
 * A record as it stands, its sealed fields opened in memory.
 *
 * @param shredded the person's key was destroyed: their sealed fields are empty for good
 */
public record RecordView(RecordId id, int version, RecordDetails details, boolean shredded, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy) {

	public RecordKind kind() {
		return this.id.kind();
	}

}
