package org.khronika.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.khronika.eventlog.LogEntry;

/**
 * The hand-written table of event types: each has a stable name and schema version,
 * stored in the log, and never derives from a Java class name. A new shape of an event is
 * a new version here, with an upcaster for the old one.
 */
final class EventTypes {

	record Type(String name, int version, Class<? extends RegistryEvent> eventClass, RecordKind kind,
			BiFunction<UUID, RecordDetails, RegistryEvent> factory) {
	}

	/**
	 * An event ready for the log: its type, its public part and the plaintext of its
	 * sealed part.
	 */
	record Encoded(Type type, String publicPart, byte[] sealedPlaintext) {

		boolean hasSealedPart() {
			return this.sealedPlaintext.length > 0;
		}

	}

	static final List<Type> ALL = List.of(
			new Type("person.recorded", 1, RegistryEvent.PersonRecorded.class, RecordKind.PERSON,
					(id, d) -> new RegistryEvent.PersonRecorded(new PersonId(id), (PersonDetails) d)),
			new Type("person.revised", 1, RegistryEvent.PersonRevised.class, RecordKind.PERSON,
					(id, d) -> new RegistryEvent.PersonRevised(new PersonId(id), (PersonDetails) d)),
			new Type("person.shredded", 1, RegistryEvent.PersonShredded.class, RecordKind.PERSON,
					(id, d) -> new RegistryEvent.PersonShredded(new PersonId(id))),
			new Type("incident.recorded", 1, RegistryEvent.IncidentRecorded.class, RecordKind.INCIDENT,
					(id, d) -> new RegistryEvent.IncidentRecorded(new IncidentId(id), (IncidentDetails) d)),
			new Type("incident.revised", 1, RegistryEvent.IncidentRevised.class, RecordKind.INCIDENT,
					(id, d) -> new RegistryEvent.IncidentRevised(new IncidentId(id), (IncidentDetails) d)),
			new Type("case.opened", 1, RegistryEvent.CaseOpened.class, RecordKind.CASE,
					(id, d) -> new RegistryEvent.CaseOpened(new CaseId(id), (CaseDetails) d)),
			new Type("case.revised", 1, RegistryEvent.CaseRevised.class, RecordKind.CASE,
					(id, d) -> new RegistryEvent.CaseRevised(new CaseId(id), (CaseDetails) d)),
			new Type("case-event.recorded", 1, RegistryEvent.CaseEventRecorded.class, RecordKind.CASE_EVENT,
					(id, d) -> new RegistryEvent.CaseEventRecorded(new CaseEventId(id), (CaseEventDetails) d)),
			new Type("case-event.revised", 1, RegistryEvent.CaseEventRevised.class, RecordKind.CASE_EVENT,
					(id, d) -> new RegistryEvent.CaseEventRevised(new CaseEventId(id), (CaseEventDetails) d)),
			new Type("source.recorded", 1, RegistryEvent.SourceRecorded.class, RecordKind.SOURCE,
					(id, d) -> new RegistryEvent.SourceRecorded(new SourceId(id), (SourceDetails) d)),
			new Type("source.revised", 1, RegistryEvent.SourceRevised.class, RecordKind.SOURCE,
					(id, d) -> new RegistryEvent.SourceRevised(new SourceId(id), (SourceDetails) d)),
			accessSet(RecordKind.PERSON), accessSet(RecordKind.INCIDENT), accessSet(RecordKind.CASE),
			accessSet(RecordKind.CASE_EVENT), accessSet(RecordKind.SOURCE));

	/**
	 * {@code person.access-set} v1 and its kin: one type per kind, decoded from its
	 * fields.
	 */
	private static Type accessSet(RecordKind kind) {
		return new Type(kind.code() + ".access-set", 1, RegistryEvent.AccessSet.class, kind, null);
	}

	private EventTypes() {
	}

	static Type of(RegistryEvent event) {
		return ALL.stream()
			.filter(t -> t.eventClass() == event.getClass() && t.kind() == event.recordId().kind())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no event type for " + event.getClass().getSimpleName()));
	}

	static boolean isRegistryType(String name) {
		return ALL.stream().anyMatch(t -> t.name().equals(name));
	}

	static Type named(String name, int version) {
		return ALL.stream()
			.filter(t -> t.name().equals(name) && t.version() == version)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown event type " + name + " v" + version));
	}

	static Encoded encode(RegistryEvent event) {
		Type type = of(event);
		if (event instanceof RegistryEvent.WithDetails withDetails) {
			RecordDetails details = withDetails.details();
			Map<String, Object> sealed = details.sealedFields();
			return new Encoded(type, CanonicalJson.write(details.publicFields()),
					sealed.isEmpty() ? new byte[0] : CanonicalJson.bytes(sealed));
		}
		if (event instanceof RegistryEvent.AccessSet access) {
			Map<String, Object> fields = new java.util.TreeMap<>();
			fields.put("restricted", access.restricted());
			fields.put("users", access.users());
			return new Encoded(type, CanonicalJson.write(fields), new byte[0]);
		}
		return new Encoded(type, "{}", new byte[0]);
	}

	/**
	 * The event {@code entry} holds.
	 * @param sealedPlaintext the opened sealed part, or null if it is not needed or
	 * cannot be opened (the sealed fields then come back empty)
	 */
	static RegistryEvent decode(LogEntry entry, byte[] sealedPlaintext) {
		Type type = named(entry.type(), entry.schemaVersion());
		UUID id = UUID.fromString(entry.identity().streamId());
		Fields open = Fields.of(CanonicalJson.read(entry.publicPart()));
		if (type.eventClass() == RegistryEvent.AccessSet.class) {
			return new RegistryEvent.AccessSet(type.kind().id(id), open.flag("restricted"), open.texts("users"));
		}
		Fields sealed = Fields.of((sealedPlaintext != null) ? CanonicalJson.read(sealedPlaintext) : Map.of());
		return type.factory().apply(id, details(type.kind(), open, sealed));
	}

	static RecordDetails details(RecordKind kind, Fields open, Fields sealed) {
		return switch (kind) {
			case PERSON -> PersonDetails.fromFields(open, sealed);
			case INCIDENT -> IncidentDetails.fromFields(open, sealed);
			case CASE -> CaseDetails.fromFields(open, sealed);
			case CASE_EVENT -> CaseEventDetails.fromFields(open, sealed);
			case SOURCE -> SourceDetails.fromFields(open, sealed);
		};
	}

}
