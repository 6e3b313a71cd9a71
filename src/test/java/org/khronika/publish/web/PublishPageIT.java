package org.khronika.publish.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.publish.Snapshots;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /publish} lists the latest snapshots, each checked against its log entry with
 * what moved since the one before it, and only says how many earlier ones there are:
 * checking a snapshot reads its files through, which a page cannot do for a year of them
 * at every view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishPageIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static final Actor EDITOR = new Actor("publish-page-editor", Role.EDITOR);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Snapshots snapshots;

	@Autowired
	Registry registry;

	@Test
	void thePageListsTheLatestSnapshotsWithWhatMovedAndCountsTheEarlierOnes() {
		List<Snapshots.Snapshot> taken = new ArrayList<>();
		int all = PublishPage.SNAPSHOTS_SHOWN + 2;
		for (int i = 0; i < all; i++) {
			if (i == 0 || i == 2) {
				// a picket before the first, and another between the last snapshot the
				// page leaves out and the earliest it shows
				this.registry.record(EDITOR,
						RecordDraft.empty(RecordKind.INCIDENT)
							.with("date", "2025-03-01")
							.with("region", "pskov-oblast")
							.with("type", "picket"));
			}
			taken.add(this.snapshots.take(EDITOR));
		}
		WebSession editor = new WebSession(this.port)
			.login(Staff.add(this.context, "publish-page-reader", Role.EDITOR));

		String page = editor.get("/publish?lang=en").text();

		for (Snapshots.Snapshot snapshot : taken.subList(2, all)) {
			assertThat(page).as("one of the latest").contains(snapshot.id());
		}
		for (Snapshots.Snapshot snapshot : taken.subList(0, 2)) {
			assertThat(page).as("an earlier one").doesNotContain(snapshot.id());
		}
		assertThat(page).as("the earliest shown, against the one before it")
			.containsPattern("Pskov Oblast: 1 → 2 \\(\\+1\\)")
			.contains("Earlier snapshots, not listed or checked here: 2.");
	}

	@Test
	void thePreviewWritesCountsAsTheSiteDoesWithTheLanguagesThousandsSeparatorAndSaysWhatIsHidden() {
		this.registry.record(EDITOR,
				RecordDraft.empty(RecordKind.INCIDENT)
					.with("date", "2024-05-06")
					.with("region", "moscow")
					.with("type", "rally")
					.with("detained", "1234"));
		WebSession editor = new WebSession(this.port)
			.login(Staff.add(this.context, "publish-preview-reader", Role.EDITOR));

		assertThat(editor.get("/publish?lang=en").text().replace("&lt;", "<")).contains("2024 1,234")
			.doesNotContain("2024 1234")
			.contains("Not suppressed: it counts events, not people.")
			.containsPattern("Counts from 1 to (\\d+) are shown as '< \\d+', counts beside them as 'x'\\.");
		// the page's text reads a no-break space as a space
		assertThat(editor.get("/publish?lang=ru").text().replace("&lt;", "<")).contains("2024 1 234")
			.doesNotContain("2024 1234")
			.contains("Не скрывается: считает события, а не людей.")
			.containsPattern("Числа от 1 до \\d+ показаны как «< \\d+», числа рядом с ними — «x»\\.");
	}

}
