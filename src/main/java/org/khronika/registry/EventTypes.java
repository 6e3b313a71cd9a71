package org.khronika.registry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.khronika.eventlog.LogEntry;

/**
 * The hand-written table of event types: each has a stable name and schema version,
 * stored in the log, and never derives from a Java class name. A field added to a kind is
 * optional and absent from older entries, which read it as missing; a changed meaning is
 * a new version here, with an upcaster for the old one. The stored form of each is pinned
 * by {@code EventTypesTest}: the log's hashes cover it.
 */
final class EventTypes {

	/**
	 * What an event type stands for: a kind's records recorded, revised, shredded or
	 * shared; two persons (incidents) linked as one, unlinked, or found not to be one.
	 */
	enum Meaning {

		RECORDED, REVISED, SHREDDED, ACCESS_SET, LINKED, UNLINKED, LINK_REJECTED

	}

	record Type(String name, int version, RecordKind kind, Meaning meaning) {
	}

	/**
	 * An event ready for the log: its type, its public part and the plaintext of its
	 * sealed part (empty if it has none).
	 */
	record Encoded(Type type, String publicPart, byte[] sealedPlaintext) {

		boolean hasSealedPart() {
			return this.sealedPlaintext.length > 0;
		}

	}

	static final List<Type> ALL = List.of(new Type("person.recorded", 1, RecordKind.PERSON, Meaning.RECORDED),
			new Type("person.revised", 1, RecordKind.PERSON, Meaning.REVISED),
			new Type("person.shredded", 1, RecordKind.PERSON, Meaning.SHREDDED),
			new Type("person.access-set", 1, RecordKind.PERSON, Meaning.ACCESS_SET),
			new Type("person.linked", 1, RecordKind.PERSON, Meaning.LINKED),
			new Type("person.unlinked", 1, RecordKind.PERSON, Meaning.UNLINKED),
			new Type("person.link-rejected", 1, RecordKind.PERSON, Meaning.LINK_REJECTED),
			new Type("incident.recorded", 1, RecordKind.INCIDENT, Meaning.RECORDED),
			new Type("incident.revised", 1, RecordKind.INCIDENT, Meaning.REVISED),
			new Type("incident.access-set", 1, RecordKind.INCIDENT, Meaning.ACCESS_SET),
			new Type("incident.linked", 1, RecordKind.INCIDENT, Meaning.LINKED),
			new Type("incident.unlinked", 1, RecordKind.INCIDENT, Meaning.UNLINKED),
			new Type("incident.link-rejected", 1, RecordKind.INCIDENT, Meaning.LINK_REJECTED),
			new Type("case.opened", 1, RecordKind.CASE, Meaning.RECORDED),
			new Type("case.revised", 1, RecordKind.CASE, Meaning.REVISED),
			new Type("case.access-set", 1, RecordKind.CASE, Meaning.ACCESS_SET),
			new Type("case-event.recorded", 1, RecordKind.CASE_EVENT, Meaning.RECORDED),
			new Type("case-event.revised", 1, RecordKind.CASE_EVENT, Meaning.REVISED),
			new Type("case-event.access-set", 1, RecordKind.CASE_EVENT, Meaning.ACCESS_SET),
			new Type("source.recorded", 1, RecordKind.SOURCE, Meaning.RECORDED),
			new Type("source.revised", 1, RecordKind.SOURCE, Meaning.REVISED),
			new Type("source.access-set", 1, RecordKind.SOURCE, Meaning.ACCESS_SET));

	private EventTypes() {
	}

	static Type of(RegistryEvent event) {
		Meaning meaning;
		if (event instanceof RegistryEvent.Recorded) {
			meaning = Meaning.RECORDED;
		}
		else if (event instanceof RegistryEvent.Revised) {
			meaning = Meaning.REVISED;
		}
		else if (event instanceof RegistryEvent.Shredded) {
			meaning = Meaning.SHREDDED;
		}
		else if (event instanceof RegistryEvent.AccessSet) {
			meaning = Meaning.ACCESS_SET;
		}
		else if (event instanceof RegistryEvent.Linked) {
			meaning = Meaning.LINKED;
		}
		else if (event instanceof RegistryEvent.Unlinked) {
			meaning = Meaning.UNLINKED;
		}
		else if (event instanceof RegistryEvent.LinkRejected) {
			meaning = Meaning.LINK_REJECTED;
		}
		else {
			throw new IllegalArgumentException("no event type for " + event.getClass().getSimpleName());
		}
		RecordKind kind = event.recordId().kind();
		return ALL.stream()
			.filter(t -> t.kind() == kind && t.meaning() == meaning)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no event type for " + meaning + " of " + kind.code()));
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
			Kind<?> kind = Kinds.of(withDetails.details().kind());
			Map<String, Object> sealed = kind.stored(withDetails.details(), true);
			return new Encoded(type, CanonicalJson.write(kind.stored(withDetails.details(), false)),
					sealed.isEmpty() ? new byte[0] : CanonicalJson.bytes(sealed));
		}
		if (event instanceof RegistryEvent.AccessSet access) {
			Map<String, Object> fields = new TreeMap<>();
			fields.put("restricted", access.restricted());
			fields.put("users", access.users());
			return new Encoded(type, CanonicalJson.write(fields), new byte[0]);
		}
		RecordId other = (event instanceof RegistryEvent.Linked linked) ? linked.other()
				: (event instanceof RegistryEvent.Unlinked unlinked) ? unlinked.other()
						: (event instanceof RegistryEvent.LinkRejected rejected) ? rejected.other() : null;
		if (other != null) {
			return new Encoded(type, CanonicalJson.write(Map.of("with", other.toString())), new byte[0]);
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
		RecordId id = type.kind().id(UUID.fromString(entry.identity().streamId()));
		Map<String, Object> open = CanonicalJson.read(entry.publicPart());
		return switch (type.meaning()) {
			case RECORDED -> new RegistryEvent.Recorded(id, details(type.kind(), open, sealedPlaintext));
			case REVISED -> new RegistryEvent.Revised(id, details(type.kind(), open, sealedPlaintext));
			case SHREDDED -> new RegistryEvent.Shredded((PersonId) id);
			case ACCESS_SET -> new RegistryEvent.AccessSet(id, Boolean.TRUE.equals(open.get("restricted")),
					((List<?>) open.getOrDefault("users", List.of())).stream().map(Object::toString).toList());
			case LINKED -> new RegistryEvent.Linked(id, other(type.kind(), open));
			case UNLINKED -> new RegistryEvent.Unlinked(id, other(type.kind(), open));
			case LINK_REJECTED -> new RegistryEvent.LinkRejected(id, other(type.kind(), open));
		};
	}

	private static RecordId other(RecordKind kind, Map<String, Object> open) {
		return kind.id(UUID.fromString(open.get("with").toString()));
	}

	/** The details stored in a public part and (if opened) a sealed part. */
	static RecordDetails details(RecordKind kind, Map<String, Object> open, byte[] sealedPlaintext) {
		Map<String, Object> sealed = (sealedPlaintext != null) ? CanonicalJson.read(sealedPlaintext) : Map.of();
		return Kinds.of(kind).fromStored(open, sealed);
	}

}
