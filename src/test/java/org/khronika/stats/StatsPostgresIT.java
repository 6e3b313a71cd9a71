package org.khronika.stats;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.khronika.Fixtures;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;
import org.khronika.registry.DeepCheck;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fact tables and the figures on PostgreSQL: the fixture's published figures, custody
 * worked out from a case's events, a rebuild that gives the facts back exactly, and the
 * deep check of the tables beside the log.
 */
@SpringBootTest
class StatsPostgresIT {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, TestApplication.dataDirectory(), Engine.POSTGRESQL);
	}

	@Autowired
	Statistics statistics;

	@Autowired
	Importer importer;

	@Autowired
	Registry registry;

	@Autowired
	ApplicationContext context;

	private final Actor editor = new Actor("pg-stats-editor", Role.EDITOR);

	@Test
	void theFiguresAndTheFactsHoldOnPostgresql() {
		Staff.add(this.context, this.editor.login(), Role.EDITOR);
		this.importer.run(this.editor, MappingProfile.load(Path.of("profiles/ovdinfo-moscow-2011-2012.yaml")),
				Fixtures.ovdInfoMoscow(), false, (phase, rows, fraction) -> {
				});
		String person = save(RecordDraft.empty(RecordKind.PERSON).with("names", "Глеб Выдуманный"));
		String courtCase = save(criminalCase(person, "2024-02-01"));
		save(RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase)
			.with("type", "measure-of-restraint")
			.with("date", "2024-02-02")
			.with("measure", "custody")
			.with("until", LocalDate.now().plusMonths(1).toString()));

		StatsResult byMonth = this.statistics.compute(this.editor,
				StatsQuery.parse("detained", "month", "2011-12-01", "2012-09-30", List.of()));
		assertThat(byMonth.total().value()).isEqualTo(4885);
		assertThat(byMonth.rows()).hasSize(10);
		assertThat(byMonth.rows().get(5).values()).containsExactly("2012-05");
		assertThat(byMonth.rows().get(5).figure().value()).isEqualTo(1998);
		assertThat(this.statistics.compute(this.editor, StatsQuery.parse("in-custody", null, null, null, List.of()))
			.total()
			.value()).isEqualTo(1);

		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));
		Map<String, List<Map<String, Object>>> before = Map.of("incidents",
				jdbc.queryForList("SELECT * FROM fact_incident ORDER BY id"), "cases",
				jdbc.queryForList("SELECT * FROM fact_case ORDER BY id"), "events",
				jdbc.queryForList("SELECT * FROM fact_case_event ORDER BY id"));
		this.registry.rebuild();
		assertThat(Map.of("incidents", jdbc.queryForList("SELECT * FROM fact_incident ORDER BY id"), "cases",
				jdbc.queryForList("SELECT * FROM fact_case ORDER BY id"), "events",
				jdbc.queryForList("SELECT * FROM fact_case_event ORDER BY id")))
			.isEqualTo(before);
		assertThat(before.get("events")).as("the one measure of restraint").hasSize(1);
	}

	/**
	 * The deep check on PostgreSQL, where it reads each table a batch at a time: the
	 * tables agree with the log, then a case's fact row and its link to its person,
	 * deleted behind the log's back, are each named by its key, and a rebuild makes them
	 * agree again.
	 */
	@Test
	void theDeepCheckNamesRowsDeletedBehindTheLogsBack() {
		Staff.add(this.context, "pg-deep-editor", Role.EDITOR);
		Actor editor = new Actor("pg-deep-editor", Role.EDITOR);
		String person = save(editor, RecordDraft.empty(RecordKind.PERSON).with("names", "Ирина Проверочная"));
		String courtCase = save(editor, criminalCase(person, "2024-03-01"));
		DeepCheck check = this.context.getBean(DeepCheck.class);
		DeepCheck.Result clean = check.run();
		assertThat(clean.differences()).isEmpty();
		assertThat(clean.rows()).isGreaterThan(0);

		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));
		assertThat(jdbc.update("DELETE FROM fact_case WHERE id = ?", courtCase)).isEqualTo(1);
		assertThat(jdbc.update("DELETE FROM registry_link WHERE from_id = ? AND to_id = ?", courtCase, person))
			.isEqualTo(1);

		assertThat(check.run().differences()).contains("fact_case row " + courtCase + " is missing: the log makes it",
				"registry_link row " + courtCase + " / person / " + person + " is missing: the log makes it");
		this.registry.rebuild();
		assertThat(check.run().differences()).isEmpty();
	}

	/** A criminal case in Moscow under article 207.3, in investigation. */
	private static RecordDraft criminalCase(String person, String opened) {
		return RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", "criminal")
			.with("opened", opened)
			.with("region", "moscow")
			.with("charges", "uk-207.3")
			.with("trigger", "wiretap")
			.with("status", "investigation");
	}

	private String save(RecordDraft draft) {
		return save(this.editor, draft);
	}

	private String save(Actor actor, RecordDraft draft) {
		SaveResult result = this.registry.record(actor, draft);
		assertThat(result).as("test record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

}
