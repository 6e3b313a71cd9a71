package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.khronika.TestDatabases.Engine;
import org.khronika.crypto.KeyringFile;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.Verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khronika.registry.Drafts.aCriminalCase;
import static org.khronika.registry.Drafts.aDetention;
import static org.khronika.registry.Drafts.aPerson;
import static org.khronika.registry.Drafts.aProtest;
import static org.khronika.registry.Drafts.aSource;

/** The registry on SQLite and on the local PostgreSQL. */
class RegistryIT {

	@TempDir
	Path dir;

	private RegistryFixture fixture;

	private RegistryFixture open(Engine engine) {
		this.fixture = new RegistryFixture(engine, this.dir);
		return this.fixture;
	}

	@AfterEach
	void close() {
		if (this.fixture != null) {
			this.fixture.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void recordsReviseAndKeepEveryVersionInTheHistory(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId id = f.save(aPerson("Иван Клоков"));

		SaveResult result = f.registry.revise(f.as("lawyer-1"), id, 1, aPerson("Иван Клоков", "Ivan Klokov"));

		assertThat(result).isEqualTo(new SaveResult.Saved(id, 2));
		RecordView view = f.find(id).orElseThrow();
		assertThat(view.version()).isEqualTo(2);
		assertThat(((PersonDetails) view.details()).names()).containsExactly("Иван Клоков", "Ivan Klokov");
		assertThat(view.createdBy()).isEqualTo("editor");
		assertThat(view.updatedBy()).isEqualTo("lawyer-1");
		List<HistoryItem> history = f.history(id);
		assertThat(history).extracting(HistoryItem::eventType).containsExactly("person.recorded", "person.revised");
		assertThat(history).extracting(HistoryItem::actor).containsExactly("editor", "lawyer-1");
		assertThat(((PersonDetails) history.get(0).details()).names()).containsExactly("Иван Клоков");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aStaleVersionChangesNothing(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId id = f.save(aPerson("Иван Клоков"));
		f.registry.revise(f.as("a"), id, 1, aPerson("Иван Клоков", "Klokov"));
		long entries = f.log.size();

		SaveResult late = f.registry.revise(f.as("b"), id, 1, aPerson("Someone else"));

		assertThat(late).isEqualTo(new SaveResult.Refused(Refusal.STALE));
		assertThat(f.log.size()).isEqualTo(entries);
		assertThat(((PersonDetails) f.find(id).orElseThrow().details()).names()).containsExactly("Иван Клоков",
				"Klokov");
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void linksBetweenRecordsAreListedBothWays(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId source = f.save(aSource());
		RecordId person = f.save(aPerson("Мария Лебедева"));
		RecordId courtCase = f.save(aCriminalCase(person, "207.3"));
		RecordId detention = f.save(aDetention(courtCase));
		RecordId protest = f.save(aProtest(person));
		f.registry.revise(f.as("editor"), person, 1,
				RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Мария Лебедева")
					.with("sources", source.toString()));

		assertThat(f.linking(person, RecordKind.CASE)).extracting(RecordView::id).containsExactly(courtCase);
		assertThat(f.linking(person, RecordKind.INCIDENT)).extracting(RecordView::id).containsExactly(protest);
		assertThat(f.linking(courtCase, RecordKind.CASE_EVENT)).extracting(RecordView::id).containsExactly(detention);
		assertThat(f.linking(source, null)).extracting(RecordView::id).containsExactly(person);
		assertThat(f.registry.recordsMentioning(f.as("admin"), (PersonId) person)).extracting(RecordView::id)
			.containsExactlyInAnyOrder(courtCase, protest);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void rebuildReproducesTheReadTablesExactly(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId person = f.save(aPerson("Игорь Кравцов"));
		RecordId courtCase = f.save(aCriminalCase(person, "207.3"));
		f.save(aDetention(courtCase));
		f.save(aProtest(person));
		f.registry.revise(f.as("editor"), person, 1, aPerson("Игорь Кравцов", "Igor Kravtsov"));
		RecordId shredded = f.save(aPerson("Ольга Петренко"));
		f.registry.shred(f.as("admin"), (PersonId) shredded);
		List<Map<String, Object>> recordsBefore = readTable(f, "registry_record");
		List<Map<String, Object>> linksBefore = readTable(f, "registry_link");
		Map<String, List<Map<String, Object>>> factsBefore = new java.util.TreeMap<>();
		for (String table : FACT_TABLES) {
			factsBefore.put(table, readTable(f, table));
		}

		List<Long> progress = new java.util.ArrayList<>();
		long replayed = f.registry.rebuild(2, progress::add);

		assertThat(replayed).isEqualTo(f.log.size());
		assertThat(progress).containsExactly(2L, 4L, 6L);
		assertThat(readTable(f, "registry_record")).isEqualTo(recordsBefore);
		assertThat(readTable(f, "registry_link")).isEqualTo(linksBefore);
		for (String table : FACT_TABLES) {
			assertThat(readTable(f, table)).as(table).isEqualTo(factsBefore.get(table)).isNotEmpty();
		}
		assertThat(recordsBefore).hasSize(5);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void shreddingDestroysOnlyThatPersonsSealedFieldsAndTheChainStillVerifies(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId victim = f.save(aPerson("Андрей Соколов", "Andrei Sokolov"));
		f.registry.revise(f.as("editor"), victim, 1, aPerson("Андрей Соколов", "Andrei Sokolov", "A. Sokolov"));
		RecordId other = f.save(aPerson("Пётр Иванов"));
		RecordId courtCase = f.save(aCriminalCase(victim, "207.3"));

		SaveResult result = f.registry.shred(f.as("admin"), (PersonId) victim);

		assertThat(result).isEqualTo(new SaveResult.Saved(victim, 3));
		RecordView shredded = f.find(victim).orElseThrow();
		assertThat(shredded.shredded()).isTrue();
		PersonDetails left = (PersonDetails) shredded.details();
		assertThat(left.names()).isEmpty();
		assertThat(left.contacts()).isNull();
		assertThat(left.birthYear()).isNull();
		assertThat(left.region()).isEqualTo("moscow");
		assertThat(f.history(victim)).allSatisfy(item -> {
			if (item.details() != null) {
				assertThat(((PersonDetails) item.details()).names()).isEmpty();
			}
		});
		assertThat(((PersonDetails) f.find(other).orElseThrow().details()).names()).containsExactly("Пётр Иванов");
		assertThat(f.find(courtCase)).isPresent();
		assertThat(f.registry.revise(f.as("editor"), victim, 3, aPerson("Back again")))
			.isEqualTo(new SaveResult.Refused(Refusal.SHREDDED));
		assertThat(f.registry.shred(f.as("admin"), (PersonId) victim))
			.isEqualTo(new SaveResult.Refused(Refusal.SHREDDED));
		// the log entries are untouched, the chain verifies, and its head was signed when
		// the person was shredded
		assertThat(f.log.stream(victim.toString())).hasSize(3).filteredOn(LogEntry::isSealed).hasSize(2);
		assertThat(f.log.verify(KeyringFile.checkpointVerifier(this.dir)::verifies))
			.isEqualTo(new Verification.Intact(5, 1));
		// no wrapped key is left for the shredded person
		assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM subject_key WHERE subject_id = ?", Integer.class,
				victim.toString()))
			.isZero();
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void concurrentWritersKeepOneUnbrokenChain(Engine engine) throws Exception {
		RegistryFixture f = open(engine);
		PersonDetails details = f.details(aPerson("Иван Клоков"));
		int writers = 4;
		int each = 15;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
		try {
			List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (int w = 0; w < writers; w++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < each; i++) {
						assertThat(f.registry.record(f.as("writer"), details)).isInstanceOf(SaveResult.Saved.class);
					}
				}));
			}
			for (java.util.concurrent.Future<?> future : done) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(f.log.size()).isEqualTo(writers * each);
		assertThat(f.log.verify(KeyringFile.checkpointVerifier(this.dir)::verifies))
			.isEqualTo(new Verification.Intact(writers * each, 0));
		assertThat(f.registry.list(f.as("admin"), ListQuery.of(RecordKind.PERSON, 0, 100), false).page().total())
			.isEqualTo(writers * each);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void rebuildRestoresReadTablesThatWereDamaged(Engine engine) {
		RegistryFixture f = open(engine);
		RecordId person = f.save(aPerson("Мария Лебедева"));
		RecordId courtCase = f.save(aCriminalCase(person, "207.3"));
		f.jdbc.update("DELETE FROM registry_record WHERE id = ?", courtCase.toString());
		f.jdbc.update("UPDATE registry_record SET public_part = '{}' WHERE id = ?", person.toString());

		f.registry.rebuild();

		assertThat(f.find(courtCase)).isPresent();
		assertThat(((PersonDetails) f.find(person).orElseThrow().details()).region()).isEqualTo("moscow");
		assertThat(f.linking(person, RecordKind.CASE)).extracting(RecordView::id).containsExactly(courtCase);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void nothingIdentifyingIsStoredInClear(Engine engine) {
		RegistryFixture f = open(engine);
		f.save(aPerson("Canary Кеналов"));

		List<Map<String, Object>> rows = f.jdbc.queryForList("SELECT * FROM log_entry");
		rows.addAll(f.jdbc.queryForList("SELECT * FROM registry_record"));
		for (Map<String, Object> row : rows) {
			for (Object value : row.values()) {
				String text = (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value);
				assertThat(text).doesNotContain("Canary").doesNotContain("Кеналов").doesNotContain("900 000-00-01");
			}
		}
	}

	/** Every kind's typed table. */
	static final List<String> FACT_TABLES = List.of("fact_person", "fact_incident", "fact_case", "fact_case_event");

	private static List<Map<String, Object>> readTable(RegistryFixture f, String table) {
		String order = "registry_link".equals(table) ? "from_id, relation, to_id" : "id";
		return f.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order).stream().map(row -> {
			Map<String, Object> copy = new java.util.LinkedHashMap<>();
			row.forEach((key, value) -> copy.put(key,
					(value instanceof byte[] bytes) ? java.util.HexFormat.of().formatHex(bytes) : value));
			return copy;
		}).toList();
	}

}
