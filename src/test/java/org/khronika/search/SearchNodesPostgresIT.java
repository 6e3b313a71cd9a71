package org.khronika.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.KhronikaApplication;
import org.khronika.TestApplication;
import org.khronika.TestDatabases;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database each keep their own index in memory, and each
 * follows the log: a person recorded on one is found on the other within two seconds.
 */
class SearchNodesPostgresIT {

	private static ConfigurableApplicationContext node(Path data, TestDatabases.TestDatabase database) {
		return new SpringApplicationBuilder(KhronikaApplication.class).web(WebApplicationType.SERVLET)
			.run("--khronika.data-dir=" + data, "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=postgres", "--server.port=0", "--spring.main.banner-mode=off");
	}

	@Test
	void aWriteOnOneNodeIsFoundOnTheOtherWithinTwoSeconds() throws InterruptedException {
		Path data = TestApplication.dataDirectory();
		TestDatabases.TestDatabase database = TestDatabases.postgres();
		Actor editor = new Actor("nodes-editor", Role.EDITOR);
		try (ConfigurableApplicationContext first = node(data, database);
				ConfigurableApplicationContext second = node(data, database)) {
			Search search = second.getBean(Search.class);
			Search.Request request = new Search.Request("Ефим Узловой", null, Map.of(), 0, 10);
			while (!search.isReady()) {
				Thread.sleep(50);
			}
			assertThat(search.search(editor, request).total()).as("not yet recorded").isZero();

			SaveResult saved = first.getBean(Registry.class)
				.record(editor, RecordDraft.empty(RecordKind.PERSON).with("names", "Ефим Узловой"));
			assertThat(saved).isInstanceOf(SaveResult.Saved.class);
			Instant written = Instant.now();

			long found = 0;
			while (found == 0 && Duration.between(written, Instant.now()).toMillis() < 2000) {
				found = search.search(editor, request).total();
				Thread.sleep(20);
			}
			assertThat(found).as("found on the second node within 2 s").isEqualTo(1);
		}
	}

}
