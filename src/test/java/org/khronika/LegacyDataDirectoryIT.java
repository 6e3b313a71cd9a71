package org.khronika;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.crypto.KeyringFile;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Verification;
import org.khronika.registry.InputReader;
import org.khronika.registry.RecordInput;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsFormat;
import org.khronika.stats.StatsQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written by the release of 2026-11-27 (commit 6fb4fa3; synthetic, made
 * by {@code src/test/resources/legacy/2026-11-27/MakeLegacyDirectory.java.txt}) opens
 * with this release: its migrations run, its log verifies, and its records and figures
 * are those the old release showed, before and after a rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LegacyDataDirectoryIT {

	static final Path FIXTURE = fixture("legacy/2026-11-27");

	static final Path DATA = copyOf(FIXTURE.resolve("data"));

	/**
	 * The log as the old release left it (its records, accounts, reads and a checkpoint):
	 * 43 entries, the last with this hash, signed.
	 */
	static final int LEGACY_ENTRIES = 43;

	static final String LEGACY_HEAD = "ae910af58560c3d4f98a339e5147f29e44b67b8fefaa7f9f5b24d4832e120ac7";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Actor ROOT = new Actor("root", Role.ADMIN);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("khronika.data-dir", DATA::toString);
	}

	@Autowired
	EventLog log;

	@Autowired
	Registry registry;

	@Autowired
	Statistics statistics;

	@Test
	void theOldLogVerifiesUnderThisReleaseAndGoesOnFromItsHead() {
		Verification verification = this.log.verify(KeyringFile.checkpointVerifier(DATA)::verifies);

		assertThat(verification).isInstanceOf(Verification.Intact.class);
		assertThat(((Verification.Intact) verification).entries()).isGreaterThanOrEqualTo(LEGACY_ENTRIES);
		assertThat(((Verification.Intact) verification).checkpoints()).isGreaterThanOrEqualTo(1);
		List<String> head = new java.util.ArrayList<>();
		this.log.replay(entry -> {
			if (entry.sequence() == LEGACY_ENTRIES) {
				head.add(entry.hash());
			}
		});
		assertThat(head).containsExactly(LEGACY_HEAD);
	}

	@Test
	void everyRecordReadsAsTheOldReleaseShowedItBeforeAndAfterARebuild() throws IOException {
		Map<String, Map<String, Object>> expected = JSON.readValue(
				Files.readString(FIXTURE.resolve("expected-records.json")),
				new TypeReference<Map<String, Map<String, Object>>>() {
				});
		assertThat(expected).hasSize(25);

		assertThat(records()).isEqualTo(expected);
		this.registry.rebuild();
		assertThat(records()).isEqualTo(expected);
	}

	@Test
	void theFiguresAreThoseTheOldReleaseGave() throws IOException {
		String expected = Files.readString(FIXTURE.resolve("expected-figures.csv"), StandardCharsets.UTF_8);

		assertThat(figures()).isEqualTo(expected);
	}

	/** Every record as an admin reads it, through JSON as the expected records were. */
	private Map<String, Map<String, Object>> records() {
		Map<String, Map<String, Object>> records = new java.util.TreeMap<>();
		for (RecordKind kind : RecordKind.values()) {
			for (RecordView view : this.registry.list(ROOT, kind, 0, 500).page().items()) {
				Map<String, Object> record = new java.util.LinkedHashMap<>();
				record.put("kind", kind.code());
				record.put("version", view.version());
				record.put("shredded", view.shredded());
				record.put("createdBy", view.createdBy());
				record.put("updatedBy", view.updatedBy());
				record.put("fields", InputReader.values(RecordInput.of(view.details())));
				records.put(view.id().toString(), record);
			}
		}
		return JSON.readValue(JSON.writeValueAsString(records), new TypeReference<Map<String, Map<String, Object>>>() {
		});
	}

	private String figures() {
		StringBuilder figures = new StringBuilder();
		for (String[] question : new String[][] { { "incidents", "month" }, { "detained", "type" },
				{ "cases", "article" }, { "persons", "status" }, { "charges", "kind" }, { "fines", "" },
				{ "conviction-rate", "" }, { "cases", "trigger,informant" } }) {
			figures.append("# ").append(question[0]).append(" by ").append(question[1]).append('\n');
			StatsFormat.csv(
					this.statistics.compute(ROOT, StatsQuery.parse(question[0], question[1], null, null, List.of())),
					figures);
		}
		return figures.toString();
	}

	static Path fixture(String name) {
		try {
			return Path.of(LegacyDataDirectoryIT.class.getClassLoader().getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh copy, so that the committed directory is never changed by a test. */
	static Path copyOf(Path directory) {
		try {
			Path copy = Files.createTempDirectory("khronika-legacy-").resolve("data");
			Files.createDirectories(copy);
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.copy(file, copy.resolve(file.getFileName()));
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
