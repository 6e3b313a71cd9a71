package org.khronika.registry;

import java.util.Objects;
import java.util.UUID;

/** The id of a case record. */
public record CaseId(UUID value) implements RecordId {

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
