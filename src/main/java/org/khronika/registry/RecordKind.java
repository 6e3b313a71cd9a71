package org.khronika.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The kinds of record the registry keeps. {@link #code()} is stable: it is stored in read
 * tables.
 */
public enum RecordKind {

	PERSON("person", "persons", PersonId::new), INCIDENT("incident", "incidents", IncidentId::new),
	CASE("case", "cases", CaseId::new), CASE_EVENT("case-event", "case-events", CaseEventId::new),
	SOURCE("source", "sources", SourceId::new);

	private final String code;

	private final String plural;

	private final Function<UUID, RecordId> idFactory;

	RecordKind(String code, String plural, Function<UUID, RecordId> idFactory) {
		this.code = code;
		this.plural = plural;
		this.idFactory = idFactory;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The path segment of this kind's pages and API: {@code persons},
	 * {@code case-events}, …
	 */
	public String plural() {
		return this.plural;
	}

	/** A typed id of this kind for {@code value}. */
	public RecordId id(UUID value) {
		return this.idFactory.apply(value);
	}

	public RecordId newId() {
		return id(UUID.randomUUID());
	}

	public static RecordKind ofCode(String code) {
		return Arrays.stream(values())
			.filter(k -> k.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no record kind " + code));
	}

	public static Optional<RecordKind> ofPlural(String plural) {
		return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
	}

}
