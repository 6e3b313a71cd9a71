package org.khronika.registry;

import java.util.Objects;
import java.util.UUID;

/** The id of an incident record. */
public record IncidentId(UUID value) implements RecordId {

	public IncidentId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public RecordKind kind() {
		return RecordKind.INCIDENT;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
