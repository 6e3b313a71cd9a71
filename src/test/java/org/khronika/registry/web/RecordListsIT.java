package org.khronika.registry.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.api.ApiClient;
import org.khronika.registry.api.ApiClient.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists of records sorted by their dates and filtered by region, kind, status, article
 * and dates, a page at a time, on the pages and from the API; a parameter that cannot be
 * read is answered 400 with what is wrong, never 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordListsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.export.most-rows", () -> String.valueOf(MOST_EXPORTED));
	}

	/**
	 * The most rows a file holds here: more than a page of the API, fewer than a test
	 * makes.
	 */
	private static final int MOST_EXPORTED = org.khronika.registry.ListQuery.MAX_SIZE + 100;

	@LocalServerPort
	int port;

	@Autowired
	Registry registry;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ApplicationContext context;

	@Autowired
	org.khronika.access.AuditTrail audit;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private static Staff editor;

	private WebSession session;

	/**
	 * Three cases: Anna's (Moscow, criminal, 2024), Boris's (Saint Petersburg,
	 * administrative, 2023, closed), Vera's (Moscow, criminal, 2025, in court).
	 */
	@BeforeEach
	void recordOnce() {
		if (editor == null) {
			editor = Staff.add(this.context, "lists-editor", Role.EDITOR);
			recordCase("Анна Списочная", "criminal", "2024-01-10", "moscow", "uk-207.3", "investigation");
			recordCase("Борис Списочный", "administrative", "2023-05-01", "saint-petersburg", "koap-20.3.3", "closed");
			recordCase("Вера Списочная", "criminal", "2025-02-01", "moscow", "uk-280.3", "in-court");
		}
		this.session = new WebSession(this.port).login(editor);
	}

	private void recordCase(String name, String kind, String opened, String region, String article, String status) {
		String person = save(RecordDraft.empty(RecordKind.PERSON).with("names", name));
		save(RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", kind)
			.with("opened", opened)
			.with("region", region)
			.with("charges", article)
			.with("trigger", "street-detention")
			.with("status", status));
	}

	private String save(RecordDraft draft) {
		SaveResult result = this.registry.record(editor.actor(), draft);
		assertThat(result).as("test record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

	/** The names of the cases a list page shows, in its order. */
	private List<String> casesOn(String query) {
		Response page = this.session.get("/cases?" + query);
		assertThat(page.status()).as(query).isEqualTo(200);
		return List.of("Анна", "Борис", "Вера")
			.stream()
			.filter(name -> page.text().contains(name + " Списочн"))
			.sorted(java.util.Comparator.comparingInt(name -> page.text().indexOf(name + " Списочн")))
			.toList();
	}

	@Test
	void listsAreSortedByTheirDateAndFilteredByRegionKindStatusArticleAndDates() {
		assertThat(casesOn("sort=date")).containsExactly("Борис", "Анна", "Вера");
		assertThat(casesOn("sort=-date")).containsExactly("Вера", "Анна", "Борис");
		assertThat(casesOn("region=moscow&sort=date")).containsExactly("Анна", "Вера");
		assertThat(casesOn("region=Санкт-Петербург")).as("a region by its name").containsExactly("Борис");
		assertThat(casesOn("kind=administrative")).containsExactly("Борис");
		assertThat(casesOn("status=in-court")).containsExactly("Вера");
		assertThat(casesOn("article=УК+207.3")).as("an article by its name").containsExactly("Анна");
		assertThat(casesOn("from=2024-01-01&to=2024-12-31")).containsExactly("Анна");
		assertThat(casesOn("sort=date&size=1&page=1")).as("the second page of one").containsExactly("Анна");
	}

	@Test
	void aListExportsToCsvAndXlsxWithItsFiltersAndColumnsOnlyWhatTheReaderSeesAudited() throws Exception {
		String page = this.session.get("/cases?region=moscow&sort=date").body();
		List<String> columns = java.util.regex.Pattern.compile("<th scope=\"col\">([^<]*)</th>")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(page).contains("href=\"/cases?region=moscow&amp;sort=date&amp;export=csv\"",
				"href=\"/cases?region=moscow&amp;sort=date&amp;export=xlsx\"");

		Response csv = this.session.get("/cases?region=moscow&sort=date&export=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition"))
			.matches("attachment; filename=\"khronika-cases-[0-9-]{10}\\.csv\"");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).as("a byte order mark, then the page's columns")
			.isEqualTo("\uFEFF" + String.join(",", columns));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("Анна Списочная");
		assertThat(lines.get(2)).startsWith("Вера Списочная");

		byte[] xlsx = this.session.getBytes("/cases?region=moscow&sort=date&export=xlsx&lang=ru");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(columns.get(0));
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("Вера Списочная");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}

		WebSession analyst = new WebSession(this.port)
			.login(Staff.add(this.context, "lists-analyst", org.khronika.access.Role.ANALYST));
		Response redacted = analyst.get("/cases?export=csv");
		assertThat(redacted.status()).isEqualTo(200);
		assertThat(redacted.body()).as("an analyst sees public fields only, and so does their file")
			.contains("Уголовное")
			.doesNotContain("Списочн");

		this.audit.flush();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_trail WHERE actor = ? AND action = 'export' AND detail = 'case'",
				Integer.class, editor.login()))
			.as("each export audited with the records it gave")
			.isPositive();
	}

	@Test
	void aListLongerThanAPageExportsWholeInOneAuditedRead() {
		int persons = org.khronika.registry.ListQuery.MAX_SIZE + 10;
		for (int i = 0; i < persons; i++) {
			save(RecordDraft.empty(RecordKind.PERSON)
				.with("names", "Выгрузной Пётр")
				.with("birthYear", "1970")
				.with("region", "tver-oblast"));
		}
		this.audit.flush();
		int before = exports();

		Response csv = this.session.get("/persons?region=tver-oblast&export=csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().filter(line -> line.startsWith("Выгрузной Пётр"))).as("every person, every page")
			.hasSize(persons);
		this.audit.flush();
		assertThat(exports() - before).as("one audit entry for the file").isEqualTo(1);
	}

	@Test
	void aListTooLongForOneFileIsRefusedWholeNotCutShort() {
		org.khronika.registry.ListQuery moscow = org.khronika.registry.ListQuery.parse(RecordKind.CASE,
				Map.of("region", "moscow"), org.khronika.registry.ListQuery.MAX_SIZE);

		org.khronika.registry.Listing fits = this.registry.export(editor.actor(), moscow, 2);
		org.khronika.registry.Listing tooLong = this.registry.export(editor.actor(), moscow, 1);

		assertThat(fits.page().items()).hasSize(2);
		assertThat(tooLong.page().items()).as("nothing read").isEmpty();
		assertThat(tooLong.page().total()).as("the total says why").isEqualTo(2);
	}

	@Test
	void aListLongerThanAFileHoldsSaysSoInPlaceOfTheLinksAndARefusedFileLeadsBackToIt() {
		Response fits = this.session.get("/cases?region=moscow&sort=date&lang=en");
		assertThat(fits.body()).contains("export=csv");
		for (long i = this.registry.count(editor.actor(), RecordKind.SOURCE); i <= MOST_EXPORTED; i++) {
			save(org.khronika.registry.Drafts.aSource());
		}
		this.audit.flush();
		int before = exports();

		Response list = this.session.get("/sources?sort=created&lang=en");
		Response file = this.session.get("/sources?sort=created&export=xlsx");

		assertThat(list.text()).as("counted past the limit: no links, what to do instead")
			.contains("A file holds at most 600 rows: narrow the list with its filters")
			.doesNotContain("Download this list");
		assertThat(list.body()).doesNotContain("export=xlsx");
		assertThat(file.status()).as("not a failed download: back to the list").isEqualTo(303);
		assertThat(file.header("Location")).isEqualTo("/sources?sort=created&refused=export");
		this.audit.flush();
		assertThat(exports()).as("nothing read, nothing audited as exported").isEqualTo(before);
		String back = this.session.get("/sources?sort=created&refused=export&lang=ru").text();
		assertThat(back).contains("В файл помещается не больше 600 строк");
		assertThat(this.session.get("/sources?sort=created&refused=export&page=0").body())
			.as("the pages' links do not carry the refusal along")
			.contains("href=\"/sources?sort=created&amp;page=1\"")
			.doesNotContainPattern("refused=export&amp;page=[1-9]");
	}

	/** How many exports the editor's audit trail holds. */
	private int exports() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT seq) FROM audit_trail WHERE actor = ? AND action = 'export'", Integer.class,
				editor.login());
	}

	@Test
	void theListFormOffersTheKindsFiltersAndKeepsWhatWasAsked() {
		String form = this.session.get("/cases?region=moscow&sort=-date").body();

		assertThat(form).contains("name=\"region\"", "name=\"kind\"", "name=\"status\"", "name=\"article\"",
				"name=\"from\"", "name=\"to\"", "name=\"sort\"");
		assertThat(form).containsPattern("<option value=\"moscow\" selected[^>]*>");
		assertThat(this.session.get("/persons").body()).as("persons have no status")
			.contains("name=\"region\"")
			.doesNotContain("name=\"status\"");
	}

	@Test
	void anEmptyPageSaysWhetherItIsPastTheEndOrNothingMatchesTheFilters() {
		Response pastTheEnd = this.session.get("/cases?size=1&page=50&sort=date&lang=en");
		assertThat(pastTheEnd.status()).isEqualTo(200);
		assertThat(pastTheEnd.text()).as("a bookmark to a page the list no longer has")
			.containsPattern("There is no page 51: the list has \\d+ pages\\.")
			.doesNotContain("Nothing recorded yet");
		java.util.regex.Matcher last = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">Go to the last page</a>")
			.matcher(pastTheEnd.body());
		assertThat(last.find()).as("a link back into the list").isTrue();
		assertThat(this.session.get(last.group(1).replace("&amp;", "&")).text())
			.as("the last page, by date: the newest case")
			.contains("Вера Списочная");

		Response nothing = this.session.get("/cases?region=saint-petersburg&kind=criminal&lang=en");
		assertThat(nothing.status()).isEqualTo(200);
		assertThat(nothing.text()).contains("No records match these filters.")
			.doesNotContain("Nothing recorded yet", "Go to the last page");
		assertThat(this.session.get("/cases?region=saint-petersburg&kind=criminal&lang=ru").text())
			.contains("Под эти фильтры не подходит ни одна запись.");
	}

	@Test
	void aListParameterThatCannotBeReadIsA400SayingWhichAndWhy() {
		// named as the list's form labels the field; the page's number and size, which no
		// field sets, in words; a filter the list does not have, as the address says it
		Map<String, String> bad = Map.of("/persons?page=abc&lang=en", "Page number: Not a whole number",
				"/cases?sort=colour&lang=en", "Order: Unknown order 'colour'", "/cases?region=Atlantis&lang=en",
				"Region: Unknown value 'Atlantis'", "/incidents?status=closed&lang=ru",
				"Список нельзя показать: «status» в адресе: ", "/cases?from=2024-13-01&lang=ru",
				"Список нельзя показать: С: ", "/cases?from=2025-01-01&to=2024-01-01&lang=en",
				"To: “To” is before “from”", "/cases?size=100000&lang=ru",
				"Список нельзя показать: Записей на странице: Должно быть от 1 до 500", "/persons?page=-1&lang=en",
				"Page number: Must be between 0 and 1");
		bad.forEach((path, named) -> {
			Response response = this.session.get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.text()).as(path)
				.containsAnyOf("The list cannot be shown", "Список нельзя показать")
				.contains(named)
				.doesNotContain("Exception");
		});
	}

	@Test
	void aLongListIsCountedTwentyPagesAheadAndSaysItsTotalIsAtLeastThat() {
		ApiClient api = new ApiClient(this.port,
				this.tokens.create(Staff.SETUP, editor.login(), Role.EDITOR, "counts", java.time.Duration.ofDays(1)));
		long before = ((Number) api.get("/persons?size=100").json().get("total")).longValue();
		for (long i = before; i < 25; i++) {
			save(RecordDraft.empty(RecordKind.PERSON).with("names", "Длинный Список " + i));
		}
		assertThat(((Number) api.get("/persons?size=100").json().get("total")).intValue()).isEqualTo(25);

		Answer first = api.get("/persons?size=1&page=0");
		assertThat(first.json()).as("counted up to 21 of 25")
			.containsEntry("total", 20)
			.containsEntry("totalExact", false);
		assertThat(api.get("/persons?size=1&page=4").json()).as("counted up to 25 of 25")
			.containsEntry("total", 24)
			.containsEntry("totalExact", false);
		assertThat(api.get("/persons?size=1&page=5").json()).as("the cap passes the end: the count is exact")
			.containsEntry("total", 25)
			.containsEntry("totalExact", true);
		assertThat(this.session.get("/persons?size=1&lang=en").text())
			.contains("Page 1 of 20 or more (more than 20 records)");
		assertThat(this.session.get("/persons?size=1&page=5&lang=en").text()).contains("Page 6 of 25 (25 records)");
	}

	@Test
	void theApiListsWithTheSameParametersAndAnswersBadOnesWithAProblem() {
		ApiClient api = new ApiClient(this.port,
				this.tokens.create(Staff.SETUP, editor.login(), Role.EDITOR, "lists", java.time.Duration.ofDays(1)));

		Answer moscow = api.get("/cases?region=moscow&sort=date");
		List<Map<String, Object>> items = moscow.get("items");
		assertThat(items).extracting(item -> item.get("opened")).containsExactly("2024-01-10", "2025-02-01");
		assertThat(moscow.json()).containsEntry("total", 2);

		Answer bad = api.get("/cases?page=abc");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json()).containsEntry("code", "invalid_query");
		List<Map<String, Object>> errors = bad.get("errors");
		assertThat(errors).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("field", "page").containsEntry("code", "not_a_number"));
	}

}
