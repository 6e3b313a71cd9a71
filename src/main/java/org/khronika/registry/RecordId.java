package org.khronika.registry;

import java.util.Optional;
import java.util.UUID;

/** The typed id of a registry record; its string form is the log stream id. */
public sealed interface RecordId permits PersonId, IncidentId, CaseId, CaseEventId, SourceId {

	UUID value();

	RecordKind kind();

	/** The UUID in {@code text}, or empty if it is not one. */
	static Optional<UUID> parseUuid(String text) {
		if (text == null || !text.strip()
			.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(text.strip()));
	}

}
