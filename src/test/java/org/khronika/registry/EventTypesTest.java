package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the stored form of every event type: its name, version, public part and the
 * plaintext of its sealed part. Log hashes cover these bytes; changing one means a new
 * schema version.
 */
class EventTypesTest {

	static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

	/** The other person of a link. */
	static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000009");

	static final PersonId PERSON = new PersonId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

	static final CaseId CASE = new CaseId(UUID.fromString("00000000-0000-4000-8000-000000000002"));

	static final SourceId SOURCE = new SourceId(UUID.fromString("00000000-0000-4000-8000-000000000003"));

	static final PersonDetails PERSON_DETAILS = new PersonDetails(List.of("Иван Клоков", "Ivan Klokov"), 1987, "moscow",
			"+7 900 000-00-00", "Заметка", true, false, List.of(SOURCE));

	static final IncidentDetails INCIDENT_DETAILS = new IncidentDetails(LocalDate.of(2022, 3, 6), "moscow",
			"Манежная площадь", "protest", "Против войны", "стихийная", "not-agreed", 58, List.of(PERSON), "Описание",
			List.of(SOURCE));

	static final CaseDetails CASE_DETAILS = Drafts.built(RecordDraft.empty(RecordKind.CASE)
		.with("person", PERSON.toString())
		.with("kind", "criminal")
		.with("charges", "uk-207.3")
		.with("trigger", "denunciation")
		.with("informant", "colleague")
		.with("court", "Мещанский районный суд")
		.with("status", "closed")
		.with("outcome", "sentence-real")
		.with("sentenceMonths", "84")
		.with("notes", "Заметки")
		.with("sources", SOURCE.toString()));

	static final IncidentId INCIDENT = new IncidentId(UUID.fromString("00000000-0000-4000-8000-000000000004"));

	/**
	 * A case with every field the redesign added: they are optional, and absent above.
	 */
	static final CaseDetails FULL_CASE_DETAILS = Drafts.built(RecordDraft.empty(RecordKind.CASE)
		.with("person", PERSON.toString())
		.with("kind", "administrative")
		.with("opened", "2024-11-02")
		.with("region", "moscow")
		.with("charges", "koap-20.3.3")
		.with("incidents", INCIDENT.toString())
		.with("trigger", "street-detention")
		.with("investigator", "police")
		.with("caseNumber", "5-1234/2024")
		.with("court", "Тверской районный суд")
		.with("courtCaseNumber", "05-9876/2024")
		.with("judge", "Судья Вымышленная")
		.with("status", "closed")
		.with("outcome", "fine")
		.with("fineAmount", "45000")
		.with("custodyPlace", "СИЗО-1")
		.with("notes", "Заметки")
		.with("sources", SOURCE.toString()));

	static final CaseEventDetails CASE_EVENT_DETAILS = new CaseEventDetails(CASE, CaseEventType.MEASURE_OF_RESTRAINT,
			LocalDate.of(2022, 4, 1), "Мещанский районный суд", MeasureOfRestraint.CUSTODY, LocalDate.of(2022, 6, 1),
			"Примечание", List.of(SOURCE));

	static final SourceDetails SOURCE_DETAILS = new SourceDetails("lawyer", "Адвокат Петров", "B2", "Со слов");

	static final Map<String, RegistryEvent> SAMPLES = Map.ofEntries(
			Map.entry("person.recorded", new RegistryEvent.Recorded(new PersonId(ID), PERSON_DETAILS)),
			Map.entry("person.revised", new RegistryEvent.Revised(new PersonId(ID), PERSON_DETAILS)),
			Map.entry("person.shredded", new RegistryEvent.Shredded(new PersonId(ID))),
			Map.entry("incident.recorded", new RegistryEvent.Recorded(new IncidentId(ID), INCIDENT_DETAILS)),
			Map.entry("incident.revised", new RegistryEvent.Revised(new IncidentId(ID), INCIDENT_DETAILS)),
			Map.entry("case.opened", new RegistryEvent.Recorded(new CaseId(ID), CASE_DETAILS)),
			Map.entry("case.revised", new RegistryEvent.Revised(new CaseId(ID), CASE_DETAILS)),
			Map.entry("case-event.recorded", new RegistryEvent.Recorded(new CaseEventId(ID), CASE_EVENT_DETAILS)),
			Map.entry("case-event.revised", new RegistryEvent.Revised(new CaseEventId(ID), CASE_EVENT_DETAILS)),
			Map.entry("source.recorded", new RegistryEvent.Recorded(new SourceId(ID), SOURCE_DETAILS)),
			Map.entry("source.revised", new RegistryEvent.Revised(new SourceId(ID), SOURCE_DETAILS)),
			Map.entry("person.access-set",
					new RegistryEvent.AccessSet(new PersonId(ID), true, List.of("lawyer-b", "lawyer-a"))),
			Map.entry("incident.access-set", new RegistryEvent.AccessSet(new IncidentId(ID), false, List.of())),
			Map.entry("case.access-set", new RegistryEvent.AccessSet(new CaseId(ID), false, List.of("lawyer-a"))),
			Map.entry("case-event.access-set", new RegistryEvent.AccessSet(new CaseEventId(ID), true, List.of())),
			Map.entry("source.access-set", new RegistryEvent.AccessSet(new SourceId(ID), true, List.of("editor-a"))),
			Map.entry("person.linked", new RegistryEvent.Linked(new PersonId(ID), new PersonId(OTHER))),
			Map.entry("person.unlinked", new RegistryEvent.Unlinked(new PersonId(ID), new PersonId(OTHER))),
			Map.entry("person.link-rejected", new RegistryEvent.LinkRejected(new PersonId(ID), new PersonId(OTHER))),
			Map.entry("incident.linked", new RegistryEvent.Linked(new IncidentId(ID), new IncidentId(OTHER))),
			Map.entry("incident.unlinked", new RegistryEvent.Unlinked(new IncidentId(ID), new IncidentId(OTHER))),
			Map.entry("incident.link-rejected",
					new RegistryEvent.LinkRejected(new IncidentId(ID), new IncidentId(OTHER))));

	static final String PERSON_PUBLIC = "{\"mayBeNamed\":true,\"region\":\"moscow\",\"sources\":[\"00000000-0000-4000-8000-000000000003\"]}";

	static final String PERSON_SEALED = "{\"birthYear\":1987,\"contacts\":\"+7 900 000-00-00\",\"names\":[\"Иван Клоков\",\"Ivan Klokov\"],\"notes\":\"Заметка\"}";

	static final String INCIDENT_PUBLIC = "{\"agreement\":\"not-agreed\",\"date\":\"2022-03-06\",\"detained\":58,\"locality\":\"Манежная площадь\",\"organiser\":\"стихийная\","
			+ "\"persons\":[\"00000000-0000-4000-8000-000000000001\"],\"region\":\"moscow\",\"sources\":[\"00000000-0000-4000-8000-000000000003\"],"
			+ "\"topic\":\"Против войны\",\"type\":\"protest\"}";

	static final String CASE_PUBLIC = "{\"charges\":[\"uk-207.3\"],\"court\":\"Мещанский районный суд\",\"informant\":\"colleague\","
			+ "\"kind\":\"criminal\",\"outcome\":\"sentence-real\",\"person\":\"00000000-0000-4000-8000-000000000001\",\"sentenceMonths\":84,"
			+ "\"sources\":[\"00000000-0000-4000-8000-000000000003\"],\"status\":\"closed\",\"trigger\":\"denunciation\"}";

	static final String CASE_EVENT_PUBLIC = "{\"case\":\"00000000-0000-4000-8000-000000000002\",\"court\":\"Мещанский районный суд\","
			+ "\"date\":\"2022-04-01\",\"measure\":\"custody\",\"sources\":[\"00000000-0000-4000-8000-000000000003\"],\"type\":\"measure-of-restraint\","
			+ "\"until\":\"2022-06-01\"}";

	static final Map<String, String[]> PINNED = Map.ofEntries(
			Map.entry("person.recorded", new String[] { PERSON_PUBLIC, PERSON_SEALED }),
			Map.entry("person.revised", new String[] { PERSON_PUBLIC, PERSON_SEALED }),
			Map.entry("person.shredded", new String[] { "{}", "" }),
			Map.entry("incident.recorded", new String[] { INCIDENT_PUBLIC, "{\"description\":\"Описание\"}" }),
			Map.entry("incident.revised", new String[] { INCIDENT_PUBLIC, "{\"description\":\"Описание\"}" }),
			Map.entry("case.opened", new String[] { CASE_PUBLIC, "{\"notes\":\"Заметки\"}" }),
			Map.entry("case.revised", new String[] { CASE_PUBLIC, "{\"notes\":\"Заметки\"}" }),
			Map.entry("case-event.recorded", new String[] { CASE_EVENT_PUBLIC, "{\"note\":\"Примечание\"}" }),
			Map.entry("case-event.revised", new String[] { CASE_EVENT_PUBLIC, "{\"note\":\"Примечание\"}" }),
			Map.entry("source.recorded",
					new String[] { "{\"kind\":\"lawyer\",\"reliability\":\"B2\"}",
							"{\"note\":\"Со слов\",\"reference\":\"Адвокат Петров\"}" }),
			Map.entry("source.revised",
					new String[] { "{\"kind\":\"lawyer\",\"reliability\":\"B2\"}",
							"{\"note\":\"Со слов\",\"reference\":\"Адвокат Петров\"}" }),
			Map.entry("person.access-set",
					new String[] { "{\"restricted\":true,\"users\":[\"lawyer-a\",\"lawyer-b\"]}", "" }),
			Map.entry("incident.access-set", new String[] { "{\"restricted\":false,\"users\":[]}", "" }),
			Map.entry("case.access-set", new String[] { "{\"restricted\":false,\"users\":[\"lawyer-a\"]}", "" }),
			Map.entry("case-event.access-set", new String[] { "{\"restricted\":true,\"users\":[]}", "" }),
			Map.entry("source.access-set", new String[] { "{\"restricted\":true,\"users\":[\"editor-a\"]}", "" }),
			Map.entry("person.linked", new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }),
			Map.entry("person.unlinked", new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }),
			Map.entry("person.link-rejected",
					new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }),
			Map.entry("incident.linked", new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }),
			Map.entry("incident.unlinked", new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }),
			Map.entry("incident.link-rejected",
					new String[] { "{\"with\":\"00000000-0000-4000-8000-000000000009\"}", "" }));

	@Test
	void everyKindHasAStableTypeForEachThingThatHappensToItAtVersionOne() {
		assertThat(EventTypes.ALL).extracting(EventTypes.Type::name)
			.doesNotHaveDuplicates()
			.allMatch(name -> name.matches("[a-z-]+\\.[a-z-]+"))
			.containsExactlyInAnyOrderElementsOf(PINNED.keySet());
		for (RecordKind kind : RecordKind.values()) {
			assertThat(EventTypes.ALL.stream().filter(t -> t.kind() == kind).map(EventTypes.Type::meaning))
				.as(kind.code())
				.containsAll(List.of(EventTypes.Meaning.RECORDED, EventTypes.Meaning.REVISED,
						EventTypes.Meaning.ACCESS_SET));
		}
		assertThat(EventTypes.ALL).allMatch(type -> type.version() == 1);
	}

	@Test
	void theFieldsTheRedesignAddedAreStoredOnlyWhenGivenSealedWhereTheyCanIdentify() {
		EventTypes.Encoded encoded = EventTypes.encode(new RegistryEvent.Recorded(new CaseId(ID), FULL_CASE_DETAILS));

		assertThat(encoded.publicPart())
			.isEqualTo("{\"charges\":[\"koap-20.3.3\"],\"court\":\"Тверской районный суд\",\"fineAmount\":45000,"
					+ "\"incidents\":[\"00000000-0000-4000-8000-000000000004\"],\"investigator\":\"police\","
					+ "\"kind\":\"administrative\",\"opened\":\"2024-11-02\",\"outcome\":\"fine\","
					+ "\"person\":\"00000000-0000-4000-8000-000000000001\",\"region\":\"moscow\","
					+ "\"sources\":[\"00000000-0000-4000-8000-000000000003\"],\"status\":\"closed\","
					+ "\"trigger\":\"street-detention\"}");
		assertThat(new String(encoded.sealedPlaintext(), StandardCharsets.UTF_8))
			.isEqualTo("{\"caseNumber\":\"5-1234/2024\",\"courtCaseNumber\":\"05-9876/2024\","
					+ "\"custodyPlace\":\"СИЗО-1\",\"judge\":\"Судья Вымышленная\",\"notes\":\"Заметки\"}");
	}

	@Test
	void storedFormOfEveryEventTypeIsPinned() {
		for (EventTypes.Type type : EventTypes.ALL) {
			EventTypes.Encoded encoded = EventTypes.encode(SAMPLES.get(type.name()));
			String[] pinned = PINNED.get(type.name());

			assertThat(encoded.type().version()).as(type.name()).isEqualTo(1);
			assertThat(encoded.publicPart()).as(type.name() + " public part").isEqualTo(pinned[0]);
			assertThat(new String(encoded.sealedPlaintext(), StandardCharsets.UTF_8)).as(type.name() + " sealed part")
				.isEqualTo(pinned[1]);
		}
	}

	@Test
	void whatNamesOrDescribesSomeoneIsSealedInEveryKind() {
		assertThat(sealed(RecordKind.PERSON)).containsExactlyInAnyOrder("names", "birthYear", "contacts", "notes");
		assertThat(sealed(RecordKind.INCIDENT)).containsExactly("description");
		assertThat(sealed(RecordKind.CASE)).containsExactlyInAnyOrder("caseNumber", "courtCaseNumber", "judge",
				"custodyPlace", "notes");
		assertThat(sealed(RecordKind.CASE_EVENT)).containsExactly("note");
		assertThat(sealed(RecordKind.SOURCE)).containsExactlyInAnyOrder("reference", "note");
	}

	private static List<String> sealed(RecordKind kind) {
		return kind.fields().stream().filter(Field::sealed).map(Field::name).toList();
	}

	@Test
	void identifyingFieldsNeverReachThePublicPart() {
		for (RegistryEvent event : SAMPLES.values()) {
			String publicPart = EventTypes.encode(event).publicPart();
			assertThat(publicPart).doesNotContain("Клоков", "Klokov", "1987", "900", "Заметк", "Описание", "Петров",
					"Примечание");
		}
	}

	@Test
	void eventsAndDetailsNeverPrintTheirSealedFields() {
		for (RegistryEvent event : SAMPLES.values()) {
			assertThat(event.toString()).doesNotContain("Клоков", "Klokov", "1987", "900", "Заметк", "Описание",
					"Петров", "Примечание", "Со слов");
		}
		assertThat(RecordDraft.of(PERSON_DETAILS).toString()).doesNotContain("Клоков");
		assertThat(FULL_CASE_DETAILS.toString()).doesNotContain("5-1234", "05-9876", "Вымышленная", "СИЗО", "Заметки");
	}

	@Test
	void decodingTheStoredFormGivesBackTheEvent() {
		for (RegistryEvent event : SAMPLES.values()) {
			EventTypes.Encoded encoded = EventTypes.encode(event);
			LogEntry entry = LogEntry.chain(new PendingEntry(new EntryIdentity(UUID.randomUUID(), ID.toString()),
					encoded.type().name(), 1, "tester", encoded.publicPart(), new byte[0]), 1, Instant.EPOCH,
					LogEntry.GENESIS);

			assertThat(
					EventTypes.decode(entry, encoded.sealedPlaintext().length > 0 ? encoded.sealedPlaintext() : null))
				.isEqualTo(event);
		}
	}

	static List<Class<?>> concreteEvents() {
		return Arrays.stream(RegistryEvent.class.getPermittedSubclasses())
			.flatMap(c -> c.isInterface() ? Arrays.stream(c.getPermittedSubclasses()) : java.util.stream.Stream.of(c))
			.map(Function.<Class<?>>identity())
			.toList();
	}

}
