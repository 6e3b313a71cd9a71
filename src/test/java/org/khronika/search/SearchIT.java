package org.khronika.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.access.Actor;
import org.khronika.access.ApiTokens;
import org.khronika.access.AuditTrail;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.api.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search finds a person however their name was written, cases and incidents by their
 * words in Russian, Ukrainian and English, phrases and case numbers; counts facets; and
 * never finds, counts or shows what the reader may not see. Every search is audited with
 * its words sealed. The results page keeps the words out of its URLs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.export.most-rows", () -> String.valueOf(MOST_EXPORTED));
	}

	/**
	 * The most rows a file holds here: more than a page of results, fewer than a test
	 * finds.
	 */
	private static final int MOST_EXPORTED = Search.Request.MAX_SIZE + 50;

	@LocalServerPort
	int port;

	@Autowired
	Registry registry;

	@Autowired
	Search search;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private static Staff editor;

	private static Staff lawyer;

	private static Staff analyst;

	private static String klokov;

	private static String restrictedPerson;

	@BeforeEach
	void recordOnce() {
		if (editor != null) {
			return;
		}
		editor = Staff.add(this.context, "search-editor", Role.EDITOR);
		lawyer = Staff.add(this.context, "search-lawyer", Role.LAWYER);
		analyst = Staff.add(this.context, "search-analyst", Role.ANALYST);
		klokov = save(person("Клоков Александр Игоревич", 1987, "tver-oblast"));
		save(person("Клоков Александр Петрович", 1990, "voronezh-oblast"));
		save(person("Клоков Игорь Васильевич", 1961, "tver-oblast"));
		save(person("Алёна Фёдорова", 1995, "moscow"));
		save(person("Klokow A.", null, null));
		String vera = save(person("Вера Ограниченная", 1980, "moscow"));
		restrictedPerson = vera;
		String caseId = save(RecordDraft.empty(RecordKind.CASE)
			.with("person", klokov)
			.with("kind", "criminal")
			.with("opened", "2024-03-01")
			.with("region", "tver-oblast")
			.with("charges", "uk-207.3")
			.with("trigger", "street-detention")
			.with("status", "investigation")
			.with("caseNumber", "12402280001000123"));
		RecordView restrictedCase = this.registry.read(editor.actor(), recordId(RecordKind.PERSON, vera)).orElseThrow();
		SaveResult shared = this.registry.share(editor.actor(), restrictedCase.id(), restrictedCase.version(), true,
				List.of());
		assertThat(shared).isInstanceOf(SaveResult.Saved.class);
		save(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2024-02-24")
			.with("region", "moscow")
			.with("type", "rally")
			.with("description", "Задержали участников митинга у памятника; detained protesters at the rallies"));
		save(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2023-05-09")
			.with("region", "moscow")
			.with("type", "rally")
			.with("description", "Затримали двох студентів у Києві"));
		assertThat(caseId).isNotEmpty();
	}

	@Test
	void anIndexBuiltWhileARecordDoesNotOpenHoldsEveryOtherRecord() {
		String spoilt = save(person("Зиновий Испорченный", 1970, "moscow"));
		byte[] sealed = this.jdbc.queryForObject("SELECT sealed_part FROM registry_record WHERE id = ?", byte[].class,
				spoilt);
		byte[] flipped = sealed.clone();
		flipped[flipped.length - 1] ^= 1;
		this.jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", flipped, spoilt);
		try (Search fresh = new Search(this.context.getBean(org.khronika.registry.RecordFeed.class), this.registry,
				this.context.getBean(org.khronika.access.AccessPolicy.class),
				this.context.getBean(org.khronika.catalog.Catalog.class), this.context.getBean(NameKeys.class))) {

			Search.Result others = fresh.search(editor.actor(), new Search.Request("Фёдорова", null, Map.of(), 0, 50));
			Search.Result itself = fresh.search(editor.actor(),
					new Search.Request("Испорченный", null, Map.of(), 0, 50));

			assertThat(others.ready()).isTrue();
			assertThat(titles(others)).contains("Алёна Фёдорова");
			assertThat(ids(itself)).as("its names did not open, so they are not in the index").doesNotContain(spoilt);
		}
		finally {
			this.jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", sealed, spoilt);
		}
	}

	private static RecordDraft person(String names, Integer born, String region) {
		RecordDraft draft = RecordDraft.empty(RecordKind.PERSON).with("names", names);
		if (born != null) {
			draft = draft.with("birthYear", born.toString());
		}
		return (region != null) ? draft.with("region", region) : draft;
	}

	private String save(RecordDraft draft) {
		SaveResult result = this.registry.record(editor.actor(), draft);
		assertThat(result).as("test record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

	private static org.khronika.registry.RecordId recordId(RecordKind kind, String id) {
		return kind.id(java.util.UUID.fromString(id));
	}

	private Search.Result find(Actor actor, String text) {
		return find(actor, text, null, Map.of());
	}

	private Search.Result find(Actor actor, String text, RecordKind kind, Map<String, String> facets) {
		Search.Result result = this.search.search(actor, new Search.Request(text, kind, facets, 0, 50));
		assertThat(result.ready()).isTrue();
		return result;
	}

	private static List<String> ids(Search.Result result) {
		return result.listing().page().items().stream().map(r -> r.id().toString()).toList();
	}

	private static List<String> titles(Search.Result result) {
		return result.listing()
			.page()
			.items()
			.stream()
			.filter(r -> r.kind() == RecordKind.PERSON)
			.map(r -> ((org.khronika.registry.PersonDetails) r.details()).displayName())
			.toList();
	}

	@Test
	void findsAPersonHoweverTheirNameIsWritten() {
		for (String query : List.of("Sasha Klokov", "Klokov Aleksandr", "Александр Клоков", "Клоков Саша",
				"Klokoff Alexander", "Клоков А.", "A. Klokov", "Клоков Александр Игоревич",
				"Klokov Aleksandr Igorevich", "Клоклв Александр", "Klokov Shura")) {
			assertThat(ids(find(editor.actor(), query))).as(query).contains(klokov);
		}
		assertThat(titles(find(editor.actor(), "Александр Клоков"))).as("Klokow A. matches by initial too")
			.contains("Klokow A.")
			.doesNotContain("Алёна Фёдорова");
		assertThat(titles(find(editor.actor(), "Федорова Алена"))).as("е for ё").containsExactly("Алёна Фёдорова");
	}

	@Test
	void initialsRankWhatTheWordsFindAndFindNobodyByThemselves() {
		save(person("Аркадий Инициалов", 1970, "moscow"));
		List<String> found = titles(find(editor.actor(), "Клоков А. И."));
		assertThat(found).as("a Клоков first; never someone whose names only start with А and И")
			.doesNotContain("Аркадий Инициалов")
			.first()
			.isEqualTo("Клоков Александр Игоревич");
		assertThat(titles(find(editor.actor(), "А. И."))).as("initials alone still find by initials")
			.contains("Аркадий Инициалов");
	}

	@Test
	void theSameSurnameWithAnotherFirstNameIsFoundLowerIfAtAll() {
		List<String> found = titles(find(editor.actor(), "Александр Клоков"));
		assertThat(found.get(0)).startsWith("Клоков Александр");
		assertThat(found).doesNotContain("Клоков Игорь Васильевич");
	}

	@Test
	void findsCasesByNumberAndByTheirPersonsName() {
		Search.Result byNumber = find(editor.actor(), "12402280001000123");
		assertThat(byNumber.listing().page().items()).extracting(RecordView::kind).containsExactly(RecordKind.CASE);
		Search.Result cases = find(editor.actor(), "Sasha Klokov", RecordKind.CASE, Map.of());
		assertThat(cases.listing().page().items()).hasSize(1);
	}

	@Test
	void findsAPersonByTheCityTheirRegionIsNamedAfter() {
		assertThat(titles(find(editor.actor(), "Клоков в Твери", RecordKind.PERSON, Map.of())))
			.as("Тверь is the centre of Тверская область")
			.contains("Клоков Александр Игоревич", "Клоков Игорь Васильевич")
			.doesNotContain("Клоков Александр Петрович");
		assertThat(titles(find(editor.actor(), "Klokov Voronezh", RecordKind.PERSON, Map.of())))
			.containsExactly("Клоков Александр Петрович");
	}

	@Test
	void findsPlacesSpeltInLatinLettersAsInCyrillic() {
		assertThat(titles(find(editor.actor(), "Fedorova Moskva", RecordKind.PERSON, Map.of())))
			.as("Москва written as a Russian speaker writes it in Latin letters")
			.containsExactly("Алёна Фёдорова");
		assertThat(titles(find(editor.actor(), "Klokov Tverskaja", RecordKind.PERSON, Map.of())))
			.as("Тверская область in a German transliteration")
			.containsExactlyInAnyOrder("Клоков Александр Игоревич", "Клоков Игорь Васильевич");
		long inMoscow = find(editor.actor(), "Москва", RecordKind.INCIDENT, Map.of()).total();
		assertThat(inMoscow).as("the fixture's incidents in Москва").isGreaterThanOrEqualTo(2);
		assertThat(find(editor.actor(), "Moskva", RecordKind.INCIDENT, Map.of()).total()).isEqualTo(inMoscow);
		assertThat(find(analyst.actor(), "Moskva", RecordKind.INCIDENT, Map.of()).total())
			.as("an analyst too, as a place is public")
			.isEqualTo(inMoscow);
		assertThat(find(editor.actor(), "Klokov Moskovskaja", RecordKind.PERSON, Map.of()).total())
			.as("Московская область is not Москва, and no Клоков lives in either")
			.isZero();
	}

	@Test
	void findsCasesByTheirChargeAsLawyersWriteIt() {
		for (String charge : List.of("207.3", "УК 207.3", "CC 207.3", "ст. 207.3", "ст.207.3", "ч. 2 ст. 207.3 УК РФ",
				"статья 207.3")) {
			assertThat(find(editor.actor(), charge, RecordKind.CASE, Map.of()).listing().page().items()).as(charge)
				.extracting(r -> r.id().kind())
				.containsExactly(RecordKind.CASE);
		}
		assertThat(find(editor.actor(), "КоАП 207.3", RecordKind.CASE, Map.of()).total())
			.as("the article under another code is another article")
			.isZero();
	}

	@Test
	void findsWordsByTheirFormsInRussianUkrainianAndEnglishAndPhrasesAsWritten() {
		assertThat(find(editor.actor(), "задержать митинги").total()).as("Russian lemmas").isEqualTo(1);
		assertThat(find(editor.actor(), "rally detain").total()).as("English stems").isEqualTo(1);
		assertThat(find(editor.actor(), "Київ студент").total()).as("Ukrainian lemmas").isEqualTo(1);
		assertThat(find(editor.actor(), "\"у памятника\"").total()).as("a phrase").isEqualTo(1);
		assertThat(find(editor.actor(), "\"памятника у\"").total()).as("a phrase in another order").isZero();
	}

	@Test
	void facetsCountWhatWasFoundAndNarrowIt() {
		Search.Result all = find(editor.actor(), "Клоков");
		assertThat(all.facets().get("region")).extracting(Search.FacetValue::value)
			.contains("tver-oblast", "voronezh-oblast");
		assertThat(all.facets().get("role")).extracting(Search.FacetValue::value).containsExactly("case");
		Search.Result tver = find(editor.actor(), "Клоков", RecordKind.PERSON, Map.of("region", "tver-oblast"));
		assertThat(titles(tver)).containsExactlyInAnyOrder("Клоков Александр Игоревич", "Клоков Игорь Васильевич");
		assertThat(tver.facets().get("kind")).extracting(Search.FacetValue::count).containsExactly(2L);
	}

	@Test
	void aRecordTheReaderMayNotSeeIsNeverFoundNorCounted() {
		assertThat(ids(find(editor.actor(), "Вера Ограниченная"))).as("restricted to nobody named")
			.doesNotContain(restrictedPerson);
		assertThat(find(editor.actor(), "Ограниченная").facets()).as("nor counted").isEmpty();
		Actor admin = new Actor("search-admin", Role.ADMIN);
		assertThat(ids(find(admin, "Вера Ограниченная"))).contains(restrictedPerson);
		assertThat(find(lawyer.actor(), "Клоков").total()).as("a lawyer assigned to nothing").isZero();
		assertThat(find(analyst.actor(), "Клоков").total()).as("an analyst searches public fields only").isZero();
		assertThat(find(analyst.actor(), "Тверская").total()).as("the public region").isGreaterThan(0);
	}

	@Test
	void aRecordIsFoundAsSoonAsItIsRecorded() {
		String id = save(person("Новиков Тимофей", 2001, "moscow"));
		assertThat(ids(find(editor.actor(), "Тима Новиков"))).containsExactly(id);
	}

	@Test
	void everySearchIsAuditedWithItsWordsSealed() {
		find(editor.actor(), "Клоков Александр");
		find(editor.actor(), "Несуществующая Фамилия");
		this.audit.flush();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT detail, record_id FROM audit_trail WHERE actor = ? AND action = 'search' ORDER BY seq",
				editor.login());
		assertThat(rows).extracting(row -> row.get("detail")).contains("all: 0");
		assertThat(rows).anySatisfy(row -> assertThat(row.get("record_id")).isEqualTo(klokov));
		List<String> publicParts = this.jdbc.queryForList("SELECT public_part FROM audit_entry", String.class);
		assertThat(String.join("\n", publicParts)).doesNotContain("Клоков", "Несуществующая");
	}

	@Test
	void aPagePastTheResultsASearchPagesSaysHowToReachThemRatherThanThatNothingWasFound() {
		WebSession session = new WebSession(this.port).login(editor);
		session.get("/search?lang=en");
		String location = session.post("/search", Map.of("q", List.of("Клоков")))
			.header("Location")
			.replaceFirst("^https?://[^/]+", "");

		// the page shows 20 results: page 500 would begin at the 10,001st
		String tooDeep = session.get(location + "&page=500").text();
		String last = session.get(location + "&page=499").text();

		assertThat(tooDeep).contains("Pages go as far as the first 10,000 results").doesNotContain("Nothing found");
		assertThat(last).as("the last page a search gives: past the results, nothing found")
			.contains("Nothing found")
			.doesNotContain("Pages go as far");
		session.get("/search?lang=ru");
	}

	@Test
	void wordsInAnAddressFillTheFieldAndAreSearchedForOnlyWhenPosted() {
		WebSession session = new WebSession(this.port).login(editor);

		Response page = session.get("/search?q=Sasha+Klokov&lang=en");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"Sasha Klokov\"")
			.contains("Search words are never taken from a page")
			.doesNotContain("<mark>")
			.doesNotContain("Found:");
		assertThat(session.get("/search?lang=en").body()).as("no words, nothing to say")
			.doesNotContain("never taken from");
	}

	@Test
	void aResultSaysWhatItsNumbersCountAndLeavesOutABareYesOrNo() {
		RecordDraft picket = RecordDraft.empty(RecordKind.INCIDENT);
		for (String[] field : new String[][] { { "date", "2024-06-12" }, { "region", "moscow" }, { "type", "picket" },
				{ "detained", "12" }, { "description", "Пикет у вымышленного сквера Аистов" } }) {
			picket = picket.with(field[0], field[1]);
		}
		save(picket);
		WebSession session = new WebSession(this.port).login(editor);
		session.get("/search");

		String incident = session.post("/search", Map.of("q", List.of("сквер Аистов")))
			.header("Location")
			.replaceFirst("^https?://[^/]+", "");
		String person = session.post("/search", Map.of("q", List.of("Клоков Александр Игоревич")))
			.header("Location")
			.replaceFirst("^https?://[^/]+", "");

		assertThat(session.get(incident).text()).contains("Пикет · Москва задержано: 12").doesNotContain("Москва 12");
		assertThat(session.get(person).text()).as("whether they may be named is no bare 'no' beside a name")
			.contains("1987 · Тверская область")
			.doesNotContain("Тверская область · нет");
	}

	@Test
	void aSearchTooLongToRunLooksForItsFirstWordsAndSaysSo() {
		String pasted = "Клоков Александр " + java.util.stream.IntStream.range(0, 300)
			.mapToObj(i -> "слово" + i)
			.collect(java.util.stream.Collectors.joining(" "));
		Search.Result result = find(editor.actor(), pasted, RecordKind.PERSON, Map.of());
		assertThat(result.leftOut()).isEqualTo(300 + 2 - Search.Result.MOST_WORDS);
		assertThat(titles(result)).as("a search of its first 32 words, which no record holds all of").isEmpty();
		assertThat(find(editor.actor(), "Клоков Тверь " + "ст.".repeat(500), RecordKind.PERSON, Map.of()).leftOut())
			.as("a word of five hundred pieces counts as five hundred words")
			.isEqualTo(500 + 2 - Search.Result.MOST_WORDS);

		WebSession session = new WebSession(this.port).login(editor);
		session.get("/search");
		Response page = session.follow(session.post("/search", Map.of("q", List.of(pasted))));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Искались только первые 32 слова, остальные (270) — нет. Сократите запрос.");
		session.get("/persons/new");
		Response form = session.post("/persons", Map.of("names", List.of(pasted)));
		assertThat(form.status()).as("a name that long is checked against the persons recorded, and refused or offered")
			.isIn(200, 422);
	}

	@Test
	void theResultsPageMarksWhatWasFoundAndKeepsTheWordsOutOfItsLinks() {
		WebSession session = new WebSession(this.port).login(editor);
		session.get("/search");
		Response asked = session.post("/search", Map.of("q", List.of("Sasha Klokov")));
		assertThat(asked.status()).isEqualTo(302);
		String location = asked.header("Location");
		assertThat(location).contains("/search?s=").doesNotContainIgnoringCase("klokov");
		Response page = session.follow(asked);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<mark>Клоков</mark> <mark>Александр</mark>")
			.doesNotContain("Вера Ограниченная");
		assertThat(page.body()).as("facet links carry the token only").contains("region=tver-oblast");
		Response other = new WebSession(this.port).login(editor).get(location.replaceFirst("^https?://[^/]+", ""));
		assertThat(other.text()).as("another session does not know the token").doesNotContain("Клоков");
	}

	@Test
	void whatWasFoundExportsToCsvAndXlsxUnderTheSameRulesAndTheWordsStayOutOfTheLink() throws Exception {
		WebSession session = new WebSession(this.port).login(editor);
		String csvLink = csvLink(session, "Клоков");
		assertThat(csvLink).doesNotContainIgnoringCase("klokov").doesNotContain("Клоков");

		Response csv = session.get(csvLink);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"khronika-search.csv\"");
		assertThat(csv.body()).contains("Клоков Александр Игоревич", "Клоков Игорь Васильевич")
			.doesNotContain("Вера Ограниченная");
		byte[] xlsx = session.getBytes(csvLink.replace("export=csv", "export=xlsx"));
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).as("a row for each record found, under a heading")
				.isEqualTo(csv.body().lines().count() - 1);
		}
		assertThat(new WebSession(this.port).login(editor).get(csvLink).status())
			.as("another session does not know the search")
			.isEqualTo(404);
	}

	@Test
	void aSearchExportsEveryRecordItFoundPastTheFirstPageInOneAuditedRead() {
		for (int i = 0; i < Search.Request.MAX_SIZE + 30; i++) {
			save(person("Выгрузкина Мария", 1950 + i % 50, "moscow"));
		}
		WebSession session = new WebSession(this.port).login(editor);
		String csvLink = csvLink(session, "Выгрузкина");
		this.audit.flush();
		long before = exportedSearches();

		Response csv = session.get(csvLink);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().filter(line -> line.contains("Выгрузкина Мария")))
			.as("every record found, not a page of them")
			.hasSize(Search.Request.MAX_SIZE + 30);
		this.audit.flush();
		assertThat(exportedSearches() - before).as("one audit entry for the file").isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_trail WHERE seq = (SELECT MAX(seq) FROM audit_trail WHERE actor = ? AND detail = ?)",
				Integer.class, editor.login(), "all, exported: " + (Search.Request.MAX_SIZE + 30)))
			.as("naming every record the file holds")
			.isEqualTo(Search.Request.MAX_SIZE + 30);
	}

	@Test
	void aSearchTooLargeForOneFileGivesNoneOfItAndSaysHowMany() {
		Search.Request klokovs = new Search.Request("Клоков", RecordKind.PERSON, Map.of(), 0, 10);
		long found = find(editor.actor(), "Клоков", RecordKind.PERSON, Map.of()).total();

		Search.Result whole = this.search.everything(editor.actor(), klokovs, (int) found);
		Search.Result tooLarge = this.search.everything(editor.actor(), klokovs, (int) found - 1);

		assertThat(whole.listing().page().items()).hasSize((int) found);
		assertThat(tooLarge.listing().page().items()).as("nothing read").isEmpty();
		assertThat(tooLarge.total()).as("the total says why").isEqualTo(found);
	}

	@Test
	void aSearchThatFindsMoreThanAFileHoldsSaysSoAndARefusedFileLeadsBackToIt() {
		for (int i = 0; i < MOST_EXPORTED; i++) {
			save(person("Избыточная Ольга", 1940 + i % 60, "moscow"));
		}
		WebSession session = new WebSession(this.port).login(editor);
		String csvLink = csvLink(session, "Избыточная");
		save(person("Избыточная Ольга", 2001, "moscow"));
		this.audit.flush();
		long before = exportedSearches();

		Response refused = session.get(csvLink);

		assertThat(refused.status()).as("not a failed download: back to the search").isEqualTo(303);
		String back = refused.header("Location");
		assertThat(back).startsWith(csvLink.substring(0, csvLink.indexOf("export=")))
			.endsWith("refused=export")
			.doesNotContain("Избыточная");
		assertThat(session.get(back).text()).contains("В файл помещается не больше 150 найденных записей")
			.doesNotContain("Скачать найденное");
		this.audit.flush();
		assertThat(exportedSearches() - before).as("the search audited, as every search is").isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"SELECT record_id FROM audit_trail WHERE seq = (SELECT MAX(seq) FROM audit_trail WHERE actor = ? AND detail = ?)",
				String.class, editor.login(), "all, exported: " + (MOST_EXPORTED + 1)))
			.as("naming no record: none was read")
			.containsOnlyNulls();
		String page = session.get(csvLink.replace("&export=csv", "") + "&lang=en").text();
		assertThat(page).as("counted past the limit on the page itself: no links, what to do instead")
			.contains("A file holds at most 150 results: narrow the search")
			.doesNotContain("Download what was found");
	}

	private long exportedSearches() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT seq) FROM audit_trail WHERE actor = ? AND action = 'search' AND detail LIKE '%, exported: %'",
				Long.class, editor.login());
	}

	/** The link to a CSV file of what {@code text} finds, from the search's page. */
	private static String csvLink(WebSession session, String text) {
		session.get("/search");
		Response page = session.follow(session.post("/search", Map.of("q", List.of(text))));
		return java.util.regex.Pattern.compile("href=\"(/search\\?s=[^\"]*export=csv)\"")
			.matcher(page.body())
			.results()
			.map(m -> m.group(1).replace("&amp;", "&"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CSV link on " + page.text()));
	}

	@Test
	void theApiSearchesUnderTheSameRulesAndSaysWhatIsWrong() {
		ApiClient api = new ApiClient(this.port, this.tokens.create(Staff.SETUP, editor.login(), editor.role(),
				"search test", java.time.Duration.ofDays(1)));
		ApiClient.Answer answer = api.get("/search?q=Klokov&kind=person");
		assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
		List<Map<String, Object>> items = answer.get("items");
		assertThat(items).extracting(item -> item.get("id")).contains(klokov);
		assertThat(answer.<Number>get("wordsLeftOut").intValue()).isZero();
		ApiClient.Answer pasted = api.get("/search?q=" + "Klokov+".repeat(40));
		assertThat(pasted.status()).isEqualTo(200);
		assertThat(pasted.<Number>get("wordsLeftOut").intValue()).as("words past the first 32 are not searched for")
			.isEqualTo(8);
		// refused as a list's parameters are: each error names its field, a code and a
		// message
		ApiClient.Answer notANumber = api.get("/search?q=Klokov&page=abc");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.<List<Map<String, Object>>>get("errors")).containsExactly(
				Map.of("field", "page", "code", "not_a_number", "message", "The page must be a number from 0 to 999."));
		ApiClient.Answer dragon = api.get("/search?q=Klokov&kind=dragon");
		assertThat(dragon.status()).isEqualTo(400);
		assertThat(dragon.<List<Map<String, Object>>>get("errors"))
			.containsExactly(Map.of("field", "kind", "code", "unknown_value", "message", "No such kind of record."));
		ApiClient.Answer moscow = api.get("/search?q=Klokov&region=Moscow");
		assertThat(moscow.status()).as("a region by its name, not its code, finds nothing: said, not searched")
			.isEqualTo(400);
		assertThat(moscow.<List<Map<String, Object>>>get("errors")).containsExactly(Map.of("field", "region", "code",
				"unknown_value", "message", "No such region: filter by the code of a region, as the facets link it."));
		assertThat(api.get("/search?q=Klokov&year=20x4").<List<Map<String, Object>>>get("errors"))
			.extracting(error -> error.get("field"))
			.containsExactly("year");
		assertThat(api.get("/search?q=Klokov&region=tver-oblast&year=2024&role=case").status())
			.as("values the facets link")
			.isEqualTo(200);
		ApiClient.Answer tooDeep = api.get("/search?q=Klokov&page=100&size=100");
		assertThat(tooDeep.status()).as("a page past the first 10,000 results is not given").isEqualTo(400);
		List<Map<String, Object>> errors = tooDeep.get("errors");
		assertThat(errors).extracting(error -> error.get("field"), error -> error.get("code"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("page", "out_of_range"));
		assertThat(api.get("/search?q=Klokov&size=0").<List<Map<String, Object>>>get("errors"))
			.extracting(error -> error.get("field"), error -> error.get("code"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("size", "out_of_range"));
		assertThat(api.get("/search?q=Klokov&page=99&size=100").status()).as("the last page that is").isEqualTo(200);
		ApiClient.Answer restricted = api.get("/search?q=Ограниченная");
		assertThat((List<?>) restricted.get("items")).isEmpty();
	}

	@Test
	void whileTheIndexIsBuiltAFindSaysItIsNotReadyRatherThanThatNobodyIsThere() throws InterruptedException {
		Search starting = new Search(this.context.getBean(org.khronika.registry.RecordFeed.class), this.registry,
				this.context.getBean(org.khronika.access.AccessPolicy.class),
				this.context.getBean(org.khronika.catalog.Catalog.class), this.context.getBean(NameKeys.class));
		try {
			synchronized (starting.index().catchingUp) {
				// the build started at a restart waits here, as a long one would
				starting.buildInBackground();
				assertThat(starting.ready()).isFalse();
				assertThat(starting.find(editor.actor(), RecordKind.PERSON, "Клоков", 10).page().items())
					.as("nothing found yet, which a picker must not read as nobody")
					.isEmpty();
			}
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
			while (!starting.isReady() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(starting.ready()).isTrue();
			assertThat(starting.find(editor.actor(), RecordKind.PERSON, "Клоков", 10).page().items())
				.extracting(view -> view.id().toString())
				.contains(klokov);
		}
		finally {
			starting.close();
		}
	}

}
