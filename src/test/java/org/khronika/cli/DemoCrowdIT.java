package org.khronika.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.linkage.Linkage;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's crowd shows linkage and statistics at work: every person it records a second
 * time in Latin letters, as a partner's report in English spells them, is proposed as the
 * same person, and no two of its different persons are; the overview's last 30 days have
 * figures; and nothing but a scheduled hearing is dated after the day the demo is made.
 */
@SpringBootTest
@TestInstance(Lifecycle.PER_CLASS)
class DemoCrowdIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@Autowired
	Registry registry;

	@Autowired
	Linkage linkage;

	@Autowired
	Statistics statistics;

	private final Actor editor = new Actor("demo-crowd-editor", Role.EDITOR);

	/** Pairs of person records: one person, then the same in Latin letters. */
	private final Set<Set<String>> twins = new HashSet<>();

	/** Every case event the crowd recorded. */
	private final List<RecordDraft> events = new ArrayList<>();

	@BeforeAll
	void loadTheCrowd() {
		List<String> persons = new ArrayList<>();
		new DemoCrowd(draft -> {
			SaveResult result = this.registry.record(this.editor, draft);
			assertThat(result).as("a demo record is saved").isInstanceOf(SaveResult.Saved.class);
			String id = ((SaveResult.Saved) result).id().toString();
			if (draft.kind() == RecordKind.PERSON) {
				String names = draft.get("names").get(0);
				if (!names.matches(".*\\p{IsCyrillic}.*")) {
					// recorded again in Latin letters, right after the person it is
					this.twins.add(Set.of(persons.get(persons.size() - 1), id));
				}
				persons.add(id);
			}
			if (draft.kind() == RecordKind.CASE_EVENT) {
				this.events.add(draft);
			}
			return id;
		}, TODAY, DemoCrowd.PERSONS).load(source(this.editor));
	}

	@Test
	void everyPersonTheCrowdRecordsTwiceIsProposedAndNoOneElse() {
		this.linkage.run(this.editor, (phase, done, total) -> {
		});

		Set<Set<String>> proposed = new HashSet<>();
		this.linkage.proposals(this.editor, 1000)
			.forEach(p -> proposed.add(Set.of(p.left().id().toString(), p.right().id().toString())));
		assertThat(this.twins).as("twenty persons recorded twice").hasSize(20);
		assertThat(proposed).isEqualTo(this.twins);
	}

	@Test
	void theLastThirtyDaysHaveIncidentsDetentionsAndCases() {
		LocalDate from = TODAY.minusDays(29);
		for (String measure : List.of("incidents", "detained", "cases")) {
			StatsResult result = this.statistics.compute(this.editor,
					new StatsQuery(measure, List.of(), from, TODAY, Map.of(), null));
			assertThat(result.total().value()).as("%s in the last 30 days", measure).isPositive();
		}
	}

	@Test
	void onlyAHearingIsScheduledAfterToday() {
		assertThat(this.events).as("case events")
			.filteredOn(event -> LocalDate.parse(event.get("date").get(0)).isAfter(TODAY))
			.isNotEmpty()
			.allSatisfy(event -> assertThat(event.get("type")).containsExactly("hearing-scheduled"));
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
