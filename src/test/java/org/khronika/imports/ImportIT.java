package org.khronika.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.Fixtures;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.eventlog.EventLog;
import javax.sql.DataSource;

import org.khronika.registry.IncidentDetails;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.ListQuery;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OVD-Info's real table of detentions at Moscow protests goes in through its profile and
 * its published figures come out; importing it again changes nothing; bad rows and bad
 * files are reported, never half-written.
 */
@SpringBootTest
class ImportIT {

	static final Path FIXTURE = Fixtures.ovdInfoMoscow();

	static final Path PROFILE = Path.of("profiles/ovdinfo-moscow-2011-2012.yaml");

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@Autowired
	Importer importer;

	@Autowired
	Registry registry;

	@Autowired
	EventLog log;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	private Actor editor;

	private static boolean imported;

	@BeforeEach
	void importTheFixtureOnce() {
		this.editor = new Actor("importer", Role.EDITOR);
		if (!imported) {
			Staff.add(this.context, "importer", Role.EDITOR);
			ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), FIXTURE, false,
					(phase, rows, fraction) -> {
					});
			assertThat(report.problems()).isEmpty();
			assertThat(report.created()).isEqualTo(180);
			imported = true;
		}
	}

	/**
	 * The fixture's incidents (dated before 2013; the synthetic rows of other tests are
	 * dated 2013), or those with the topic {@code profileTopicFilter}.
	 */
	private List<IncidentDetails> incidents(String profileTopicFilter) {
		return this.registry.list(new Actor("reader", Role.ADMIN), ListQuery.of(RecordKind.INCIDENT, 0, 500), true)
			.page()
			.items()
			.stream()
			.map(RecordView::details)
			.map(IncidentDetails.class::cast)
			.filter(i -> (profileTopicFilter == null) ? i.date().getYear() < 2013
					: profileTopicFilter.equals(i.topic()))
			.toList();
	}

	@Test
	void theFixtureImportsWithItsPublishedFigures() {
		List<IncidentDetails> incidents = incidents(null);

		assertThat(incidents).hasSize(180);
		assertThat(incidents.stream().mapToInt(IncidentDetails::detained).sum()).isEqualTo(4885);
		Map<String, int[]> byMonth = new TreeMap<>();
		Map<String, int[]> byAgreement = new TreeMap<>();
		Map<String, int[]> byType = new TreeMap<>();
		for (IncidentDetails incident : incidents) {
			add(byMonth, incident.date().toString().substring(0, 7), incident.detained());
			add(byAgreement, incident.agreement(), incident.detained());
			add(byType, incident.type(), incident.detained());
		}
		assertThat(byMonth).containsExactlyEntriesOf(figures("2011-12", 16, 1312, "2012-01", 7, 67, "2012-02", 12, 126,
				"2012-03", 23, 600, "2012-04", 20, 224, "2012-05", 34, 1998, "2012-06", 23, 196, "2012-07", 14, 101,
				"2012-08", 16, 181, "2012-09", 15, 80));
		assertThat(byAgreement).containsExactlyEntriesOf(figures("agreed", 19, 1068, "not-agreed", 161, 3817));
		assertThat(byType).containsExactlyEntriesOf(
				figures("activist-detention", 7, 8, "eco-camp", 6, 41, "flash-mob", 1, 5, "leafleting", 12, 69, "march",
						3, 484, "occupy", 15, 244, "other", 5, 22, "picket", 70, 665, "protest", 18, 333, "rally", 14,
						1526, "single-picket", 5, 23, "strategy-31", 6, 349, "walks-occupy", 18, 1116));
		assertThat(incidents(null)).anySatisfy(i -> assertThat(i.topic()).isEqualTo("За честные выборы"));
		assertThat(incidents(null)).allSatisfy(i -> assertThat(i.region()).isEqualTo("moscow"));
	}

	private static void add(Map<String, int[]> figures, String key, int detained) {
		int[] figure = figures.computeIfAbsent(key, k -> new int[2]);
		figure[0]++;
		figure[1] += detained;
	}

	private static Map<String, int[]> figures(Object... rows) {
		Map<String, int[]> figures = new TreeMap<>();
		for (int i = 0; i < rows.length; i += 3) {
			figures.put((String) rows[i], new int[] { (Integer) rows[i + 1], (Integer) rows[i + 2] });
		}
		return figures;
	}

	@Test
	void importingTheSameFileAgainChangesNothing() {
		long entries = this.log.size();

		ImportReport again = this.importer.run(this.editor, MappingProfile.load(PROFILE), FIXTURE, false,
				(phase, rows, fraction) -> {
				});

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(180);
		assertThat(this.log.size()).as("no new log entries").isEqualTo(entries);
		assertThat(incidents(null)).hasSize(180);
	}

	@Test
	void aCorrectedRowUpdatesItsRecordAndNothingElse() throws IOException {
		List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
		Path corrected = this.dir.resolve("corrected.csv");
		// row id 2: 300 detained at Чистые пруды, corrected to 301
		lines.set(2, lines.get(2).replace(",300,2", ",301,2"));
		Files.write(corrected, lines, StandardCharsets.UTF_8);
		long entries = this.log.size();

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), corrected, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.created()).isZero();
		assertThat(this.log.size()).isEqualTo(entries + 1);
		assertThat(incidents(null).stream().mapToInt(IncidentDetails::detained).sum()).isEqualTo(4886);

		this.importer.run(this.editor, MappingProfile.load(PROFILE), FIXTURE, false, (phase, rows, fraction) -> {
		});
		assertThat(incidents(null).stream().mapToInt(IncidentDetails::detained).sum()).isEqualTo(4885);
	}

	@Test
	void aDryRunChecksEveryRowReportsRowAndColumnAndWritesNothing() throws IOException {
		Path broken = this.dir.resolve("broken.csv");
		Files.writeString(broken, """
				date,agreement,type,subject,organizator,comment,place,total,id
				31.02.2013,согласовано,митинг,Тест,,,где-то,10,9001
				01.03.2013,может быть,митинг,Тест,,,где-то,много,9002
				02.03.2013,согласовано,шабаш,Тест,,,где-то,5,9003
				03.03.2013,согласовано,митинг,Тест,,,где-то,5,9003
				04.03.2013,согласовано,митинг,Тест,,,где-то,5,
				""", StandardCharsets.UTF_8);
		long entries = this.log.size();

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), broken, true,
				(phase, rows, fraction) -> {
				});

		assertThat(report.rows()).isEqualTo(5);
		assertThat(report.problems()).extracting(Object::toString)
			.containsExactly("row 2, column date: «31.02.2013» is not a date of the form dd.MM.yyyy",
					"row 3, column agreement: «может быть» is not in the profile's list for agreement",
					"row 3, column total (detained): Not a whole number.",
					"row 4, column type: «шабаш» is not in the profile's list for type",
					"row 5, column id: the same key as row 4: one of them is a duplicate",
					"row 6, column id: the key column is empty");
		assertThat(this.log.size()).isEqualTo(entries);

		ImportReport run = this.importer.run(this.editor, MappingProfile.load(PROFILE), broken, false,
				(phase, rows, fraction) -> {
				});
		assertThat(run.created()).as("only the valid row").isEqualTo(0);
		assertThat(run.problems()).hasSize(6);
		assertThat(run.refused()).as("five rows refused; row 3 has two problems").isEqualTo(5);

		Path valid = this.dir.resolve("valid.csv");
		Files.writeString(valid, """
				date,agreement,type,subject,organizator,comment,place,total,id
				05.03.2013,согласовано,митинг,Тест,,,где-то,5,9101
				""", StandardCharsets.UTF_8);
		ImportReport incidents = this.importer.run(this.editor, MappingProfile.load(PROFILE), valid, true,
				(phase, rows, fraction) -> {
				});
		assertThat(incidents.created()).isEqualTo(1);
		assertThat(incidents.lookupCapped()).as("a table of incidents has no persons to look up, none left out")
			.isFalse();
	}

	@Test
	void aRowsKeyIsNeverStoredInClearAndAKeyAnEarlierBuildKeptInClearIsSealedAtTheNextImport() throws IOException {
		Path profile = this.dir.resolve("persons-by-name.yaml");
		Files.writeString(profile, """
				name: test-persons-by-name
				kind: person
				key: [name]
				fields:
				  names: { column: name }
				""", StandardCharsets.UTF_8);
		Path table = this.dir.resolve("persons-by-name.csv");
		Files.writeString(table, """
				name
				Ключев Пётр Саввич
				Ключева Дарья Саввична
				""", StandardCharsets.UTF_8);
		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(profile), table, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.created()).isEqualTo(2);
		String peter = recordOf("test-persons-by-name", "Ключев Пётр Саввич");
		String darya = recordOf("test-persons-by-name", "Ключева Дарья Саввична");
		List<Map<String, Object>> stored = jdbc
			.queryForList("SELECT row_key, row_key_sealed FROM import_key WHERE profile = 'test-persons-by-name'");
		assertThat(stored).hasSize(2).allSatisfy(row -> {
			assertThat((String) row.get("row_key")).as("a keyed fingerprint").matches("[0-9a-f]{64}");
			assertThat(new String((byte[]) row.get("row_key_sealed"), StandardCharsets.ISO_8859_1))
				.doesNotContain("Ключев", "Klyuchev");
		});
		assertThat(this.importer.run(this.editor, MappingProfile.load(profile), table, false, (phase, rows, f) -> {
		}).unchanged()).as("each row found again by its key").isEqualTo(2);

		// as a build before 7 December 2026 kept them: in clear, no sealed copy
		jdbc.update("UPDATE import_key SET row_key = 'Ключев Пётр Саввич', row_key_sealed = NULL WHERE record_id = ?",
				peter);
		jdbc.update(
				"UPDATE import_key SET row_key = 'Ключева Дарья Саввична', row_key_sealed = NULL WHERE record_id = ?",
				darya);
		this.registry.shred(new Actor("import-admin", Role.ADMIN),
				(org.khronika.registry.PersonId) RecordKind.PERSON.id(java.util.UUID.fromString(darya)));

		Path peterOnly = this.dir.resolve("peter.csv");
		Files.writeString(peterOnly, "name\nКлючев Пётр Саввич\n", StandardCharsets.UTF_8);

		ImportReport after = this.importer.run(this.editor, MappingProfile.load(profile), peterOnly, true,
				(phase, rows, f) -> {
				});

		assertThat(after.updated()).as("found again, even by a dry run (which counts a known row as updated)")
			.isEqualTo(1);
		assertThat(after.created()).isZero();
		assertThat(jdbc.queryForList("SELECT row_key FROM import_key WHERE profile = 'test-persons-by-name'",
				String.class))
			.as("neither key is in clear any more, the shredded person's either")
			.hasSize(2)
			.allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
		assertThat(this.importer.rowKeys()).containsEntry(peter, "test-persons-by-name:Ключев Пётр Саввич")
			.as("the shredded person's key is gone with the rest of them")
			.doesNotContainKey(darya);
		assertThat(org.khronika.DiskFiles.holding(DATA, "Ключева Дарья Саввична"))
			.as("nor left behind on the disk by the row it replaced, in the database or its log")
			.isEmpty();
	}

	/** The record imported from the row {@code key} of {@code profile}. */
	private String recordOf(String profile, String key) {
		return this.importer.rowKeys()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(profile + ":" + key))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aPersonsNamesAreReadFromSeveralColumnsEachPerhapsSplit() throws IOException {
		Path profile = this.dir.resolve("persons-columns.yaml");
		Files.writeString(profile, """
				name: test-persons-columns
				kind: person
				key: [ref]
				fields:
				  names:     { column: [name_ru, name_latin], split: ";" }
				  birthYear: { column: born }
				""", StandardCharsets.UTF_8);
		Path table = this.dir.resolve("persons-columns.csv");
		Files.writeString(table, """
				ref,name_ru,name_latin,born
				c-1,Колонкова Вера,Vera Kolonkova; Kolonkova V.,1991
				c-2,Столбцов Ян,,1992
				""", StandardCharsets.UTF_8);

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(profile), table, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		String id = recordOf("test-persons-columns", "c-1");
		RecordView person = this.registry.read(this.editor, RecordKind.PERSON.id(java.util.UUID.fromString(id)))
			.orElseThrow();
		assertThat(((PersonDetails) person.details()).names()).containsExactly("Колонкова Вера", "Vera Kolonkova",
				"Kolonkova V.");
	}

	@Test
	void everySpellingInASplitNamesCellIsKeptAndEachRowIsFingerprintedNotCopied() throws IOException {
		Path profile = this.dir.resolve("persons.yaml");
		Files.writeString(profile, """
				name: test-persons
				kind: person
				key: [ref]
				fields:
				  names:     { column: names, split: ";" }
				  birthYear: { column: born }
				  region:    { column: region }
				""", StandardCharsets.UTF_8);
		Path table = this.dir.resolve("persons.csv");
		Files.writeString(table, """
				ref,names,born,region
				p-1,Ксения Разделённая; Ksenia Razdelyonnaya;Ксюша,1990,Москва
				""", StandardCharsets.UTF_8);

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(profile), table, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(1);
		String id = recordOf("test-persons", "p-1");
		RecordView person = this.registry.read(this.editor, RecordKind.PERSON.id(java.util.UUID.fromString(id)))
			.orElseThrow();
		assertThat(((PersonDetails) person.details()).names()).containsExactly("Ксения Разделённая",
				"Ksenia Razdelyonnaya", "Ксюша");

		String fingerprint = new JdbcTemplate(this.context.getBean(DataSource.class))
			.queryForObject("SELECT row_hash FROM import_key WHERE record_id = ?", String.class, id);
		assertThat(fingerprint).as("a keyed fingerprint of the row's details, not the details")
			.matches("[0-9a-f]{64}")
			.isEqualTo(this.registry.fingerprint(person.details()));
		ImportReport again = this.importer.run(this.editor, MappingProfile.load(profile), table, false,
				(phase, rows, fraction) -> {
				});
		assertThat(again.unchanged()).isEqualTo(1);
	}

	@Test
	void aDryRunOfPersonsOffersThePersonsRecordedAlreadyThatARowMayDescribe() throws IOException {
		SaveResult known = this.registry.record(this.editor,
				RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Клоков Александр Игоревич")
					.with("birthYear", "1987")
					.with("region", "tver-oblast"));
		RecordId klokov = ((SaveResult.Saved) known).id();
		Path profile = this.dir.resolve("persons-known.yaml");
		Files.writeString(profile, """
				name: test-persons-known
				kind: person
				key: [ref]
				fields:
				  names:     { column: names }
				  birthYear: { column: born }
				""", StandardCharsets.UTF_8);
		Path table = this.dir.resolve("persons-known.csv");
		Files.writeString(table, """
				ref,names,born
				k-1,Sasha Klokov,1987
				k-2,Совсем Другая Нина,1990
				""", StandardCharsets.UTF_8);

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(profile), table, true,
				(phase, rows, fraction) -> {
				});

		assertThat(report.known()).as("row 2 may be Клоков; row 3 is nobody recorded")
			.containsExactly(new ImportReport.KnownPerson(2, List.of(klokov)));
		assertThat(report.lookedUp()).isEqualTo(2);
		assertThat(report.lookupCapped()).isFalse();
		assertThat(report.created()).as("a dry run writes nothing, and offers rather than refuses").isEqualTo(2);
	}

	@Test
	void windows1251SemicolonsBomAndMixedLineEndingsAreRead() throws IOException {
		String table = "date;agreement;type;subject;organizator;comment;place;total;id\r\n"
				+ "05.03.2013;согласовано;митинг;Проверка кодировки;;\"многострочный\nкомментарий\";Пушкинская площадь;3;8001\n"
				+ "06.03.2013;не согласовано;пикет;Проверка кодировки;;;Лубянка;2;8002\r\n";
		Path cp1251 = this.dir.resolve("cp1251.csv");
		Files.write(cp1251, table.getBytes(CsvTable.WINDOWS_1251));
		Path bom = this.dir.resolve("bom.csv");
		byte[] utf8 = table.replace("8001", "8003").replace("8002", "8004").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[utf8.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, withBom, 3, utf8.length);
		Files.write(bom, withBom);

		for (Path file : List.of(cp1251, bom)) {
			ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), file, false,
					(phase, rows, fraction) -> {
					});
			assertThat(report.problems()).as(file.getFileName().toString()).isEmpty();
			assertThat(report.created()).as(file.getFileName().toString()).isEqualTo(2);
		}
		assertThat(incidents("Проверка кодировки")).hasSize(4)
			.anySatisfy(i -> assertThat(i.date()).isEqualTo(LocalDate.of(2013, 3, 5)));
	}

	@Test
	void aFileThatCannotBeReadToItsEndWritesNothing() throws IOException {
		Path truncated = this.dir.resolve("truncated.csv");
		Files.writeString(truncated,
				"date,agreement,type,subject,organizator,comment,place,total,id\n"
						+ "07.03.2013,согласовано,митинг,Обрыв,,,где-то,1,7001\n"
						+ "08.03.2013,согласовано,митинг,Обрыв,,\"незакрытая кавычка,где-то,1,7002\n",
				StandardCharsets.UTF_8);
		Path wrongColumns = this.dir.resolve("columns.csv");
		Files.writeString(wrongColumns, "дата,число\n01.01.2012,3\n", StandardCharsets.UTF_8);
		long entries = this.log.size();

		assertThatThrownBy(() -> this.importer.run(this.editor, MappingProfile.load(PROFILE), truncated, false,
				(phase, rows, fraction) -> {
				}))
			.isInstanceOf(ImportFailure.class)
			.hasMessageContaining("breaks after row 2");
		assertThatThrownBy(() -> this.importer.run(this.editor, MappingProfile.load(PROFILE), wrongColumns, false,
				(phase, rows, fraction) -> {
				}))
			.isInstanceOf(ImportFailure.class)
			.hasMessageContaining("no column id, date, type");
		assertThat(this.log.size()).isEqualTo(entries);
		assertThat(incidents("Обрыв")).isEmpty();
	}

	@Test
	void aProfileWithAMistakeSaysWhatAndWhere() throws IOException {
		Path profile = this.dir.resolve("bad.yaml");
		Files.writeString(profile, "name: bad\nkind: incident\nkey: [id]\nfields:\n  colour: { column: c }\n");
		assertThatThrownBy(() -> MappingProfile.load(profile)).isInstanceOf(ProfileException.class)
			.hasMessageContaining("'colour' is not a field of kind 'incident'");
		Files.writeString(profile, "name: bad\nkind: incident\nkey: [id\n");
		assertThatThrownBy(() -> MappingProfile.load(profile)).isInstanceOf(ProfileException.class)
			.hasMessageContaining("not valid YAML")
			.hasMessageContaining("line");
	}

	@Test
	void aFiftyMegabyteCellStopsTheImportWithAClearMessageAndWritesNothing() throws IOException {
		Path huge = this.dir.resolve("huge.csv");
		try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
			out.write("date,agreement,type,subject,organizator,comment,place,total,id\n");
			out.write("09.03.2013,согласовано,митинг,Огромная ячейка,,,где-то,1,6001\n");
			out.write("10.03.2013,согласовано,митинг,Огромная ячейка,,\"");
			char[] block = new char[1 << 20];
			java.util.Arrays.fill(block, 'ж');
			for (int i = 0; i < 50; i++) {
				out.write(block);
			}
			out.write("\",где-то,1,6002\n");
		}
		long entries = this.log.size();

		assertThatThrownBy(() -> this.importer.run(this.editor, MappingProfile.load(PROFILE), huge, false,
				(phase, rows, fraction) -> {
				}))
			.isInstanceOf(ImportFailure.class)
			.hasMessageContaining("breaks after row 2")
			.hasMessageContaining("longer than 1,000,000 characters");
		assertThat(this.log.size()).isEqualTo(entries);
		assertThat(incidents("Огромная ячейка")).isEmpty();
	}

	@Test
	void aMillionBlankRowsAreCountedAndSkippedNotReportedOneByOne() throws IOException {
		Path blank = this.dir.resolve("blank.csv");
		try (var out = Files.newBufferedWriter(blank, StandardCharsets.UTF_8)) {
			out.write("date,agreement,type,subject,organizator,comment,place,total,id\n");
			out.write("11.03.2013,согласовано,митинг,Пустые строки,,,где-то,1,5001\n");
			for (int i = 0; i < 1_000_000; i++) {
				out.write(",,,,,,,,\n");
			}
		}

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), blank, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.blank()).isEqualTo(1_000_000);
		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(1);
		assertThat(incidents("Пустые строки")).hasSize(1);
	}

	@Test
	void anXlsxWorkbookIsReadWithDateCellsAndFormulaResultsNeverFormulas() throws Exception {
		Path workbook = this.dir.resolve("table.xlsx");
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var sheet = book.createSheet("Лист1");
			String[] header = { "date", "agreement", "type", "subject", "organizator", "comment", "place", "total",
					"id" };
			var first = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				first.createCell(i).setCellValue(header[i]);
			}
			var dateStyle = book.createCellStyle();
			dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			Object[][] rows = {
					{ LocalDate.of(2013, 4, 1), "согласовано", "митинг", "Таблица Excel", "", "", "Площадь", 4, 4001 },
					{ "02.04.2013", "не согласовано", "пикет", "Таблица Excel", "",
							"=HYPERLINK(\"http://example.org\",\"ссылка\")", "Улица", 2, 4002 } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					var cell = row.createCell(c);
					if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (value instanceof Integer number) {
						cell.setCellValue(number);
					}
					else if (((String) value).startsWith("=")) {
						cell.setCellFormula(((String) value).substring(1));
					}
					else {
						cell.setCellValue((String) value);
					}
				}
			}
			book.getCreationHelper().createFormulaEvaluator().evaluateAll();
			try (var out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}

		ImportReport report = this.importer.run(this.editor, MappingProfile.load(PROFILE), workbook, false,
				(phase, rows, fraction) -> {
				});

		assertThat(report.problems()).isEmpty();
		assertThat(report.created()).isEqualTo(2);
		List<RecordView> imported = this.registry.list(this.editor, ListQuery.of(RecordKind.INCIDENT, 0, 500), true)
			.page()
			.items()
			.stream()
			.filter(r -> "Таблица Excel".equals(((IncidentDetails) r.details()).topic()))
			.toList();
		assertThat(imported).extracting(r -> ((IncidentDetails) r.details()).date())
			.containsExactlyInAnyOrder(LocalDate.of(2013, 4, 1), LocalDate.of(2013, 4, 2));
		assertThat(imported).extracting(r -> ((IncidentDetails) r.details()).description())
			.containsExactlyInAnyOrder(null, "ссылка");

		byte[] whole = Files.readAllBytes(workbook);
		Path truncated = this.dir.resolve("truncated.xlsx");
		Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> this.importer.run(this.editor, MappingProfile.load(PROFILE), truncated, false,
				(phase, rows, fraction) -> {
				}))
			.isInstanceOf(ImportFailure.class)
			.hasMessageContaining("not a readable XLSX workbook");
	}

}
