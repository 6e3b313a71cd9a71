package org.khronika.registry;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khronika.registry.Drafts.aCriminalCase;
import static org.khronika.registry.Drafts.aPerson;
import static org.khronika.registry.Drafts.aProtest;

/**
 * Links to records an editor may not see survive the editor's edits, and each reader's
 * history shows what that reader may see: the admin everything, the editor that a link
 * exists and nothing of what it leads to.
 */
class HiddenLinksIT {

	@TempDir
	Path dir;

	private RegistryFixture f;

	private Actor editor;

	private Actor admin;

	@BeforeEach
	void open() {
		this.f = new RegistryFixture(Engine.SQLITE, this.dir);
		this.editor = this.f.as("editor");
		this.admin = this.f.as("admin");
	}

	@AfterEach
	void close() {
		this.f.close();
	}

	/** Restricts {@code id} to admins: the editor who made it no longer sees it. */
	private void restrict(RecordId id) {
		int version = this.f.find(id).orElseThrow().version();
		assertThat(this.f.registry.share(this.admin, id, version, true, List.of()))
			.isInstanceOf(SaveResult.Saved.class);
		assertThat(this.f.registry.read(this.editor, id)).as("hidden from the editor now").isEmpty();
	}

	@Test
	void anEditorsEditKeepsTheParticipantTheyMayNotSee() {
		RecordId hidden = this.f.save(aPerson("Скрытый Участник"));
		RecordId visible = this.f.save(aPerson("Видимый Участник"));
		RecordId incident = this.f.save(aProtest(hidden, visible));
		restrict(hidden);

		// what the editor's form holds: the participants it may show, a corrected topic
		SaveResult saved = this.f.registry.revise(this.editor, incident, 1,
				aProtest(visible).with("topic", "Исправленная тема"));

		assertThat(saved).isEqualTo(new SaveResult.Saved(incident, 2));
		IncidentDetails now = (IncidentDetails) this.f.find(incident).orElseThrow().details();
		assertThat(now.topic()).isEqualTo("Исправленная тема");
		assertThat(List.<RecordId>copyOf(now.persons())).as("the hidden participant stays")
			.containsExactlyInAnyOrder(hidden, visible);
	}

	@Test
	void aCaseWhosePersonIsHiddenFromItsEditorKeepsThatPerson() {
		RecordId person = this.f.save(aPerson("Скрытая Подзащитная"));
		RecordId courtCase = this.f.save(aCriminalCase(person, "uk-207.3"));
		restrict(person);

		// the form cannot offer the person: it sends none
		SaveResult saved = this.f.registry.revise(this.editor, courtCase, 1,
				aCriminalCase(person, "uk-207.3").with("person").with("status", "in-court"));
		assertThat(saved).isEqualTo(new SaveResult.Saved(courtCase, 2));
		CaseDetails now = (CaseDetails) this.f.find(courtCase).orElseThrow().details();
		assertThat(now.person()).isEqualTo(person);
		assertThat(now.status()).isEqualTo(CaseStatus.IN_COURT);

		RecordId someoneElse = this.f.save(aPerson("Другой Человек"));
		SaveResult swapped = this.f.registry.revise(this.editor, courtCase, 2, aCriminalCase(someoneElse, "uk-207.3"));
		assertThat(swapped).as("the person the editor cannot see is not silently replaced")
			.isEqualTo(new SaveResult.Refused(Refusal.INVALID, List.of(FieldProblem.of("person", "link_hidden"))));
		assertThat(((CaseDetails) this.f.find(courtCase).orElseThrow().details()).person()).isEqualTo(person);
	}

	@Test
	void aHistoryShowsTheAdminEveryLinkAndTheEditorThatOneExists() {
		RecordId hidden = this.f.save(aPerson("Скрытый Участник"));
		RecordId incident = this.f.save(aProtest(hidden));
		this.f.registry.revise(this.editor, incident, 1, aProtest(hidden).with("detained", "28"));
		restrict(hidden);

		History forAdmin = this.f.registry.history(this.admin, incident).orElseThrow();
		History forEditor = this.f.registry.history(this.editor, incident).orElseThrow();

		assertThat(forAdmin.versions()).hasSize(2);
		assertThat(forAdmin.hidden()).isEmpty();
		assertThat(forAdmin.referenced()).containsKey(hidden);
		assertThat(((PersonDetails) forAdmin.referenced().get(hidden).details()).names())
			.containsExactly("Скрытый Участник");
		assertThat(forEditor.versions()).hasSize(2);
		assertThat(forEditor.hidden()).containsExactly(hidden);
		assertThat(forEditor.referenced()).doesNotContainKey(hidden);
	}

	@Test
	void aRecordCannotBeLinkedToARecordItsEditorMayNotSee() {
		RecordId hidden = this.f.save(aPerson("Скрытый Участник"));
		restrict(hidden);

		SaveResult refused = this.f.registry.record(this.editor, aCriminalCase(hidden, "uk-207.3"));

		assertThat(refused).as("as if the person did not exist: nothing about them is confirmed")
			.isEqualTo(new SaveResult.Refused(Refusal.INVALID,
					List.of(FieldProblem.of("person", "no_such_record", "person", hidden.toString()))));
	}

}
