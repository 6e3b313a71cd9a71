package org.khronika.registry;

import java.time.Instant;

/**
 * A record as it stands, its sealed fields opened in memory for whoever may see them.
 *
 * @param shredded the person's key was destroyed: their sealed fields are empty for good
 * @param redacted the sealed fields are not shown and are empty: the reader sees public
 * fields only, or they do not open
 * @param unreadable the sealed fields should have opened and did not: they were changed
 * or moved outside Khronika (the record is also {@code redacted}, for every reader)
 * @param restricted only admins and the users named on it see the record
 */
public record RecordView(RecordId id, int version, RecordDetails details, boolean shredded, boolean redacted,
		boolean unreadable, boolean restricted, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy) {

	public RecordKind kind() {
		return this.id.kind();
	}

	/** The record's field values by name (sealed ones empty if not opened). */
	public FieldValues values() {
		return kind().values(this.details);
	}

}
