package org.khronika.registry;

import java.util.Objects;
import java.util.UUID;

/** The id of a source record. */
public record SourceId(UUID value) implements RecordId {

	public SourceId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public RecordKind kind() {
		return RecordKind.SOURCE;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
