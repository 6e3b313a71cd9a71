package org.khronika.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many readers at once never wait for each other's database connections: no read holds
 * one connection while it asks the pool for another. (A reader that did would, with as
 * many readers as the pool has connections, wait for the others until the pool gave up.)
 */
@SpringBootTest
class ConcurrentReadsIT {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, TestApplication.dataDirectory(), Engine.SQLITE);
		// the application's pool of four, which gives up quickly here
		registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
	}

	@Autowired
	Registry registry;

	@Test
	void sixteenReadersOfRecordPagesAtOnceAllGetTheirPages() throws Exception {
		Actor editor = new Actor("concurrent-editor", Role.EDITOR);
		RecordId person = ((SaveResult.Saved) this.registry.record(editor, Drafts.aPerson("Одновременная Читаемая")))
			.id();
		RecordId courtCase = ((SaveResult.Saved) this.registry.record(editor, Drafts.aCriminalCase(person, "uk-207.3")))
			.id();
		RecordId event = ((SaveResult.Saved) this.registry.record(editor, Drafts.aDetention(courtCase))).id();

		ExecutorService readers = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int r = 0; r < 16; r++) {
				done.add(readers.submit(() -> {
					int pages = 0;
					for (int i = 0; i < 30; i++) {
						for (RecordId id : List.of(person, courtCase, event)) {
							assertThat(this.registry.dossier(editor, id)).isPresent();
							assertThat(this.registry.mayEdit(editor, id)).isTrue();
							pages++;
						}
					}
					return pages;
				}));
			}
			for (Future<Integer> reader : done) {
				assertThat(reader.get()).isEqualTo(90);
			}
		}
		finally {
			readers.shutdownNow();
		}
	}

}
