package org.khronika.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.linkage.Linkage;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's crowd shows linkage at work: every person it records a second time in Latin
 * letters, as a partner's report in English spells them, is proposed as the same person,
 * and no two of its different persons are.
 */
@SpringBootTest
class DemoCrowdIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@Autowired
	Registry registry;

	@Autowired
	Linkage linkage;

	@Test
	void everyPersonTheCrowdRecordsTwiceIsProposedAndNoOneElse() {
		Actor editor = new Actor("demo-crowd-editor", Role.EDITOR);
		List<String> persons = new ArrayList<>();
		Set<Set<String>> twins = new HashSet<>();
		new DemoCrowd(draft -> {
			SaveResult result = this.registry.record(editor, draft);
			assertThat(result).as("a demo record is saved").isInstanceOf(SaveResult.Saved.class);
			String id = ((SaveResult.Saved) result).id().toString();
			if (draft.kind() == RecordKind.PERSON) {
				String names = draft.get("names").get(0);
				if (!names.matches(".*\\p{IsCyrillic}.*")) {
					// recorded again in Latin letters, right after the person it is
					twins.add(Set.of(persons.get(persons.size() - 1), id));
				}
				persons.add(id);
			}
			return id;
		}, LocalDate.of(2026, 12, 6), DemoCrowd.PERSONS).load(source(editor));

		this.linkage.run(editor, (phase, done, total) -> {
		});

		Set<Set<String>> proposed = new HashSet<>();
		this.linkage.proposals(editor, 1000)
			.forEach(p -> proposed.add(Set.of(p.left().id().toString(), p.right().id().toString())));
		assertThat(twins).as("twenty persons recorded twice").hasSize(20);
		assertThat(proposed).isEqualTo(twins);
	}

	private String source(Actor editor) {
		SaveResult result = this.registry.record(editor,
				RecordDraft.empty(RecordKind.SOURCE)
					.with("kind", "media")
					.with("reference", "Вымышленное издание")
					.with("reliability", "B2"));
		return ((SaveResult.Saved) result).id().toString();
	}

}
