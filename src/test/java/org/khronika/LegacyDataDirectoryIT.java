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
import org.khronika.registry.Field;
import org.khronika.registry.FieldType;
import org.khronika.registry.ListQuery;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsFormat;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;

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
		assertThat(fieldsAddedSince()).as("the fields added since are empty in old records").isEmpty();
	}

	@Test
	void theFiguresAreThoseTheOldReleaseGave() throws IOException {
		String expected = Files.readString(FIXTURE.resolve("expected-figures.csv"), StandardCharsets.UTF_8);

		assertThat(figures()).isEqualTo(expected);
	}

	/**
	 * Every record as an admin reads it, its fields as the old release named them (those
	 * added since are left out), through JSON as the expected records were.
	 */
	private Map<String, Map<String, Object>> records() {
		Map<String, Map<String, Object>> records = new java.util.TreeMap<>();
		for (RecordKind kind : RecordKind.values()) {
			for (RecordView view : this.registry.list(ROOT, ListQuery.of(kind, 0, 500), true).page().items()) {
				Map<String, Object> record = new java.util.LinkedHashMap<>();
				record.put("kind", kind.code());
				record.put("version", view.version());
				record.put("shredded", view.shredded());
				record.put("createdBy", view.createdBy());
				record.put("updatedBy", view.updatedBy());
				Map<String, Object> fields = fields(view);
				fields.keySet().removeAll(ADDED);
				record.put("fields", fields);
				records.put(view.id().toString(), record);
			}
		}
		return JSON.readValue(JSON.writeValueAsString(records), new TypeReference<Map<String, Map<String, Object>>>() {
		});
	}

	/**
	 * The fields added since that release, by name: a case's incidents, numbers, judge, …
	 */
	static final List<String> ADDED = List.of("incidents", "investigator", "caseNumber", "courtCaseNumber", "judge",
			"custodyPlace", "occupation");

	/** Values of the added fields in the old records: none should have one. */
	private List<String> fieldsAddedSince() {
		List<String> found = new java.util.ArrayList<>();
		for (RecordView view : this.registry.list(ROOT, ListQuery.of(RecordKind.CASE, 0, 500), true).page().items()) {
			ADDED.stream().filter(view.values()::has).forEach(name -> found.add(view.id() + " " + name));
		}
		return found;
	}

	/**
	 * A record's fields as the API shows them: every field, null or empty when not given.
	 */
	private static Map<String, Object> fields(RecordView view) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (Field field : view.kind().fields()) {
			Object value = view.values().get(field.name());
			if (field.type().isList()) {
				fields.put(field.name(), view.values().all(field.name()).stream().map(Object::toString).toList());
			}
			else if (field.type() == FieldType.FLAG) {
				fields.put(field.name(), Boolean.TRUE.equals(value));
			}
			else {
				fields.put(field.name(), (value == null || value instanceof Number) ? value : value.toString());
			}
		}
		return fields;
	}

	/**
	 * The figures as the old release wrote them. This release adds columns (the incidents
	 * whose number detained is not known, which are never counted as zero) and says "n/a"
	 * where a field does not apply (an informant of a case that did not start with a
	 * denunciation), where the old release said "not stated": both are put back the old
	 * way here, so that every figure itself is compared.
	 */
	private String figures() {
		StringBuilder figures = new StringBuilder();
		for (String[] question : new String[][] { { "incidents", "month" }, { "detained", "type" },
				{ "cases", "article" }, { "persons", "status" }, { "charges", "kind" }, { "fines", "" },
				{ "conviction-rate", "" }, { "cases", "trigger,informant" } }) {
			figures.append("# ").append(question[0]).append(" by ").append(question[1]).append('\n');
			StatsResult result = this.statistics.compute(ROOT,
					StatsQuery.parse(question[0], question[1], null, null, List.of()));
			List<String> header = StatsFormat.header(result);
			int unknown = header.indexOf("unknown");
			StringBuilder csv = new StringBuilder();
			StatsFormat.csv(result, csv);
			for (String line : csv.toString().split("\r\n")) {
				List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
				if (unknown >= 0) {
					cells.remove(unknown);
				}
				figures.append(String.join(",", cells.stream().map(c -> "n/a".equals(c) ? "" : c).toList()))
					.append("\r\n");
			}
		}
		return figures.toString();
	}

	@Test
	void whatTheOldReleaseCountedAsZeroThisOneSaysIsNotKnown() {
		StatsResult detained = this.statistics.compute(ROOT,
				StatsQuery.parse("detained", "type", null, null, List.of()));

		assertThat(detained.total().value()).isEqualTo(532);
		assertThat(detained.total().unknown()).as("the operator's incident and an imported row with no number")
			.isEqualTo(2);
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
