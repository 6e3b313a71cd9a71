package org.khronika.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot publishes every planned figure as of the log position it was taken at,
 * suppressed; the log records it with its document's SHA-256, so a document changed later
 * no longer matches; and what one snapshot hid, the next keeps hidden, so that the two
 * side by side give nothing away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SnapshotsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static final Actor EDITOR = new Actor("snapshot-editor", Role.EDITOR);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@Autowired
	Snapshots snapshots;

	@Autowired
	Publication publication;

	@Autowired
	Registry registry;

	@Autowired
	JdbcTemplate jdbc;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aSnapshotIsRecordedInTheLogAndWhatItHidTheNextKeepsHidden() {
		// persons prosecuted since 2022 by region: Tver 3, Pskov 10, Perm 6
		prosecute("tver-oblast", 3);
		prosecute("pskov-oblast", 10);
		prosecute("perm-krai", 6);

		Snapshots.Snapshot first = this.snapshots.take(EDITOR);

		Map<String, String> shown = persons(first);
		assertThat(shown).containsEntry("tver-oblast", "< 5")
			.as("the smallest count beside it is hidden")
			.containsEntry("perm-krai", Publication.HIDDEN)
			.containsEntry("pskov-oblast", "10");
		Map<String, Object> entry = this.jdbc.queryForMap(
				"SELECT actor, public_part FROM log_entry WHERE type = 'publication.snapshot' ORDER BY seq DESC LIMIT 1");
		assertThat(entry.get("actor")).isEqualTo("snapshot-editor");
		JsonNode recorded = JSON.readTree(entry.get("public_part").toString());
		assertThat(recorded.get("sha256").asString()).isEqualTo(first.sha256());
		assertThat(recorded.get("position").asLong()).isEqualTo(first.position());
		assertThat(this.snapshots.verify(first.id())).isTrue();

		// late-found cases in Perm: 11 now. On its own the table would hide Pskov instead
		// and show Perm, and set beside the first, 19 - 10 - 6 would give Tver's 3
		prosecute("perm-krai", 5);
		Publication.Table alone = this.publication.preview(EDITOR)
			.stream()
			.filter(table -> table.figure().code().equals("persons-by-region"))
			.findFirst()
			.orElseThrow();
		assertThat(alone.cells().get(0).get(alone.columns().indexOf("perm-krai"))).isEqualTo("11");

		Snapshots.Snapshot second = this.snapshots.take(EDITOR);

		assertThat(persons(second)).as("hidden before, hidden still")
			.containsEntry("perm-krai", Publication.HIDDEN)
			.containsEntry("tver-oblast", "< 5");
		assertThat(second.position()).isGreaterThan(first.position());
		List<Snapshots.Change> changes = this.snapshots.changes(first.id(), second.id());
		assertThat(changes).filteredOn(change -> change.figure().equals("persons-by-region"))
			.as("what moved: the total; Perm's count was hidden in both, and its change is not told")
			.containsExactly(new Snapshots.Change("persons-by-region", "total", 19, 24));
		assertThat(changes).as("the five cases found late in 2024, under their article")
			.contains(new Snapshots.Change("cases-by-year-and-article", "cell:2024:uk-207.3", 19, 24));
		assertThat(this.snapshots.list()).extracting(Snapshots.Snapshot::id).containsExactly(second.id(), first.id());

		assertThat(this.snapshots.differences()).as("both as their entries recorded them").isEmpty();

		// a changed document no longer matches its entry
		this.jdbc.update(
				"UPDATE publication_snapshot SET document = REPLACE(document, '\"10\"', '\"12\"') WHERE id = ?",
				first.id());
		assertThat(this.snapshots.verify(first.id())).isFalse();
		assertThat(this.snapshots.verify(second.id())).isTrue();
		// so does one misdated, and the deep check names both
		assertThat(this.snapshots.differences()).isEqualTo(
				List.of("publication_snapshot row " + first.id() + " is not what the log makes it (it differs)"));
		this.jdbc.update("UPDATE publication_snapshot SET taken_on = '2020-01-01' WHERE id = ?", second.id());
		assertThat(this.snapshots.verify(second.id())).isFalse();
		assertThat(this.snapshots.differences()).containsExactlyInAnyOrder(
				"publication_snapshot row " + first.id() + " is not what the log makes it (it differs)",
				"publication_snapshot row " + second.id() + " is not what the log makes it (it differs)");

		// the registry's replay passes over the publication entries
		assertThat(this.registry.rebuild()).isGreaterThan(0);
	}

	@Test
	void onlyEditorsAndAdminsPublish() {
		assertThatThrownBy(() -> this.snapshots.take(new Actor("snapshot-analyst", Role.ANALYST)))
			.isInstanceOf(AccessRefused.class);
	}

	/** How snapshot {@code snapshot} shows persons prosecuted, by region code. */
	private Map<String, String> persons(Snapshots.Snapshot snapshot) {
		JsonNode document = JSON.readTree(this.snapshots.document(snapshot.id()).orElseThrow());
		for (JsonNode figure : document.get("figures")) {
			if (figure.get("code").asString().equals("persons-by-region")) {
				Map<String, String> shown = new java.util.LinkedHashMap<>();
				for (int i = 0; i < figure.get("columns").size(); i++) {
					shown.put(figure.get("columns").get(i).asString(), figure.get("cells").get(0).get(i).asString());
				}
				return shown;
			}
		}
		throw new AssertionError("no persons-by-region figure");
	}

	/**
	 * {@code count} invented persons, each with a criminal case opened in 2024 in
	 * {@code region}.
	 */
	private void prosecute(String region, int count) {
		for (int i = 0; i < count; i++) {
			SaveResult person = this.registry.record(EDITOR, RecordDraft.empty(RecordKind.PERSON)
				.with("names", "Выдуманный " + region + " " + i + " " + System.nanoTime()));
			this.registry.record(EDITOR,
					RecordDraft.empty(RecordKind.CASE)
						.with("person", ((SaveResult.Saved) person).id().toString())
						.with("kind", "criminal")
						.with("opened", "2024-01-10")
						.with("region", region)
						.with("charges", "uk-207.3")
						.with("trigger", "social-media-monitoring")
						.with("status", "investigation"));
		}
	}

}
