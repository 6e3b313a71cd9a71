package org.khronika.registry;

import java.util.Objects;
import java.util.UUID;

/** The id of a case event record. */
public record CaseEventId(UUID value) implements RecordId {

	public CaseEventId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE_EVENT;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
