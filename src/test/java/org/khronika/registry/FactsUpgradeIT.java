package org.khronika.registry;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.khronika.KhronikaApplication;
import org.khronika.TestApplication;
import org.khronika.access.Actor;
import org.khronika.access.Role;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written before the fact tables existed gets its facts at its next
 * start: the migration that adds the tables marks it, and the registry rebuilds once.
 */
class FactsUpgradeIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(KhronikaApplication.class).web(WebApplicationType.NONE)
			.run("--khronika.data-dir=" + DATA, "--spring.main.banner-mode=off");
	}

	@Test
	void anOlderDataDirectoryGetsItsFactsAtItsNextStart() {
		Actor editor = new Actor("upgrade-editor", Role.EDITOR);
		try (ConfigurableApplicationContext context = start()) {
			Registry registry = context.getBean(Registry.class);
			RecordDraft incident = RecordDraft.empty(RecordKind.INCIDENT)
				.with("date", "2022-03-06")
				.with("region", "moscow")
				.with("type", "protest")
				.with("agreement", "not-agreed")
				.with("detained", "58");
			assertThat(registry.record(editor, incident)).isInstanceOf(SaveResult.Saved.class);
			// as a directory from before the migration is: no facts, and the mark it left
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.update("DELETE FROM fact_incident");
			jdbc.update("INSERT INTO projection_position (projection, last_seq) "
					+ "SELECT 'facts-pending', last_seq FROM projection_position WHERE projection = 'registry_record'");
		}

		try (ConfigurableApplicationContext context = start()) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

			assertThat(jdbc.queryForList("SELECT day, type, agreement, detained FROM fact_incident")).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("day", "2022-03-06")
					.containsEntry("type", "protest")
					.containsEntry("agreement", "not-agreed")
					.containsEntry("detained", 58));
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM projection_position WHERE projection = 'facts-pending'", Integer.class))
				.isZero();
		}
	}

}
