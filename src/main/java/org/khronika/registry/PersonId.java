package org.khronika.registry;

import java.util.Objects;
import java.util.UUID;

/** The id of a person record. */
public record PersonId(UUID value) implements RecordId {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public RecordKind kind() {
		return RecordKind.PERSON;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
