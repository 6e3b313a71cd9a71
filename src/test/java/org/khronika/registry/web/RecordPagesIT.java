package org.khronika.registry.web;

import org.khronika.access.Staff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.access.Accounts;
import org.khronika.access.Role;
import org.khronika.eventlog.EventLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's pages over real HTTP: forms, their errors, versions, access and headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordPagesIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	EventLog log;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private static Staff editor;

	/**
	 * One editor's session for every test: an account has so many second-factor codes in
	 * a minute (and ten recovery codes).
	 */
	private static WebSession editorSession;

	private WebSession session;

	@BeforeEach
	void logIn() {
		if (editor == null) {
			editor = Staff.add(this.context, "editor", Role.EDITOR);
			editorSession = new WebSession(this.port).login(editor);
		}
		this.session = editorSession;
		// a test may have switched the session's language
		this.session.get("/?lang=ru");
	}

	@Test
	void anonymousVisitorsSeeOnlyTheLoginPage() {
		WebSession anonymous = new WebSession(this.port);

		for (String path : List.of("/", "/persons", "/persons/new", "/cases",
				"/sources/00000000-0000-4000-8000-000000000001")) {
			Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(302);
			assertThat(response.header("Location")).as(path).endsWith("/login");
		}
		assertThat(anonymous.get("/login").status()).isEqualTo(200);
		assertThat(anonymous.get("/css/khronika.css").status()).isEqualTo(200);
	}

	@Test
	void aPersonIsRecordedShownAndEditedWithItsHistory() {
		this.session.get("/persons/new");
		Response created = this.session.post("/persons", Map.of("names", List.of("Иван Клоков\nIvan Klokov"),
				"birthYear", List.of("1987"), "region", List.of("moscow"), "mayBeNamed", List.of("true")));

		assertThat(created.status()).isEqualTo(302);
		String location = created.header("Location");
		assertThat(location).matches(".*/persons/[0-9a-f-]{36}");
		Response page = this.session.follow(created);
		assertThat(page.text()).contains("Иван Клоков", "Ivan Klokov", "1987", "Москва", "Сохранено.", "Версия 1");
		assertThat(page.body()).as("when it was recorded, in Russian and in UTC, with the moment as ISO beside it")
			.containsPattern("Записано: editor, <time datetime=\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\">"
					+ "\\d{1,2}\u00a0[а-я]+\\.?\u00a0\\d{4}\u00a0г\\.,\u00a0\\d\\d:\\d\\d\u00a0UTC</time>");

		String path = location.substring(location.indexOf("/persons/"));
		this.session.get(path + "/edit");
		Response edited = this.session.post(path,
				Map.of("version", List.of("1"), "names", List.of("Иван Клоков\nIvan Klokov\nI. Klokov"), "birthYear",
						List.of("1987"), "region", List.of("moscow")));
		assertThat(edited.status()).isEqualTo(302);

		Response history = this.session.get(path + "/history");
		assertThat(history.text()).contains("Версия 1", "Версия 2", "editor", "I. Klokov", "изменено");
		assertThat(this.session.get("/persons").text()).contains("Иван Клоков");
	}

	@Test
	void aCasePageListsItsEventsInTheOrderTheyHappened() {
		String courtCase = caseAgainst("Андрей Соколов");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);
		for (String[] event : List.of(new String[] { "verdict", "2025-09-01" },
				new String[] { "detention", "2025-03-04" }, new String[] { "hearing-held", "2025-06-10" })) {
			this.session.get("/case-events/new?caseId=" + caseId);
			assertThat(this.session
				.post("/case-events",
						Map.of("caseId", List.of(caseId), "type", List.of(event[0]), "date", List.of(event[1])))
				.status()).isEqualTo(302);
		}

		String page = this.session.get(courtCase).text();

		assertThat(page.indexOf("4 мар. 2025 г.")).isPositive().isLessThan(page.indexOf("10 июн. 2025 г."));
		assertThat(page.indexOf("10 июн. 2025 г.")).isLessThan(page.indexOf("1 сент. 2025 г."));
		String table = this.session.get(courtCase)
			.body()
			.replaceAll("(?s).*<table class=\"records\">(.*?)</table>.*", "$1");
		assertThat(table).as("the events' table leaves out the case: it is the page's own")
			.contains("<th scope=\"col\">Событие в деле</th>", "<th scope=\"col\">Суд</th>")
			.doesNotContain("<th scope=\"col\">Дело</th>", "Андрей Соколов");
		assertThat(this.session.get("/case-events").body()).as("the list of every case's events names each one's case")
			.contains("<th scope=\"col\">Дело</th>");
	}

	@Test
	void aFormOpenedFromAStaleLinkSaysAtTheFieldThatItsRecordIsNotThere() {
		String there = caseAgainst("Олег Устаревший").replaceFirst(".*/", "");
		assertThat(this.session.get("/case-events/new?caseId=" + there).text()).as("a case that is there")
			.doesNotContain("Нет такой записи");

		String gone = "00000000-0000-4000-8000-000000000077";
		assertThat(this.session.get("/case-events/new?caseId=" + gone).text()).as("a case that is not")
			.contains("Нет такой записи: «" + gone + "»");
		assertThat(this.session.get("/case-events/new?caseId=not-an-id&lang=en").text())
			.contains("There is no case with the id 'not-an-id'");
		assertThat(this.session.get("/case-events/new?caseId=" + there + "&type=hearing-hold").text())
			.as("a kind of event no list has")
			.contains("Unknown value 'hearing-hold'.")
			.doesNotContain("There is no case");
		assertThat(this.session.get("/case-events/new?caseId=" + there + "&type=hearing-held").text())
			.doesNotContain("Unknown value");
	}

	@Test
	void saveAndAddAnotherOpensTheNextBlankFormOfTheSameCaseAndSaysWhereTheSavedOneIs() {
		String courtCase = caseAgainst("Олег Следующий");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);

		assertThat(this.session.get("/case-events/new?caseId=" + caseId).body()).as("offered on a new record's form")
			.contains("name=\"_another\"");
		Response saved = this.session.post("/case-events", Map.of("caseId", List.of(caseId), "type",
				List.of("detention"), "date", List.of("2025-03-04"), "_another", List.of("true")));

		assertThat(path(saved)).isEqualTo("/case-events/new?caseId=" + caseId);
		String next = this.session.get(path(saved)).body();
		assertThat(next).contains("Следующая запись", "href=\"/case-events/")
			.as("the case stays chosen for the next event")
			.contains("value=\"" + caseId + "\"");
		assertThat(this.session.get(courtCase).text()).contains("4 мар. 2025 г.");
		assertThat(this.session.get(courtCase + "/edit").body()).as("not offered when a record is edited")
			.doesNotContain("name=\"_another\"");
	}

	@Test
	void aCasePageAddsAHearingAnExtensionAReleaseOrAVerdictInOneStepWithTheCasePreset() {
		String courtCase = caseAgainst("Вера Быстрова");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);

		String page = this.session.get(courtCase).body();
		for (String type : List.of("detention", "search", "measure-of-restraint", "hearing-scheduled", "hearing-held",
				"release", "verdict")) {
			assertThat(page).as(type).contains("href=\"/case-events/new?caseId=" + caseId + "&amp;type=" + type + "\"");
		}
		assertThat(page).as("no measure in force to extend, no verdict to appeal")
			.doesNotContain("type=extension", "_extension", "type=appeal");
		String form = this.session.get("/case-events/new?caseId=" + caseId + "&type=hearing-held").body();
		assertThat(form).as("the case chosen").contains("name=\"caseId\" value=\"" + caseId + "\" checked");
		assertThat(form).as("the kind chosen").contains("value=\"hearing-held\" selected");
		assertThat(form).as("a hearing has no measure of restraint").doesNotContain("name=\"measure\"");

		Response saved = this.session.post("/case-events", Map.of("caseId", List.of(caseId), "type",
				List.of("hearing-held"), "date", List.of("2025-04-02"), "court", List.of("Тверской районный суд")));

		assertThat(saved.status()).as("one step").isEqualTo(302);
		assertThat(this.session.get(courtCase).text()).contains("Заседание состоялось", "Тверской районный суд");
	}

	@Test
	void fieldsThatDoNotApplyToTheChosenKindAreNotShownAndAppearOnceItIsChosen() {
		String blankEvent = this.session.get("/case-events/new").body();
		assertThat(blankEvent).doesNotContain("name=\"measure\"", "name=\"until\"").contains("name=\"_choose\"");
		assertThat(this.session.get("/case-events/new?type=extension").body()).contains("name=\"measure\"",
				"name=\"until\"");

		String blankCase = this.session.get("/cases/new").body();
		assertThat(blankCase).as("no outcome, fine or term before the case is decided")
			.doesNotContain("name=\"fineAmount\"", "name=\"sentenceMonths\"", "name=\"outcome\"")
			.as("a court's fields and the informant until a choice without them is made")
			.contains("name=\"charges\"", "name=\"court\"", "name=\"informant\"");

		long entries = changes();
		Response fine = this.session.post("/cases", Map.of("status", List.of("closed"), "outcome", List.of("fine"),
				"kind", List.of("administrative"), "_choose", List.of("true")));
		assertThat(fine.status()).isEqualTo(200);
		assertThat(fine.body()).contains("name=\"fineAmount\"").doesNotContain("name=\"sentenceMonths\"");
		Response inquiry = this.session.post("/cases",
				Map.of("kind", List.of("inquiry"), "trigger", List.of("denunciation"), "_choose", List.of("true")));
		assertThat(inquiry.body()).contains("name=\"informant\"").doesNotContain("name=\"charges\"");
		assertThat(
				this.session.post("/cases", Map.of("trigger", List.of("wiretap"), "_choose", List.of("true"))).body())
			.doesNotContain("name=\"informant\"");
		assertThat(changes()).as("showing fields saves nothing").isEqualTo(entries);
	}

	@Test
	void aChoiceChangedWithoutAskingForItsFieldsShowsThemBeforeAnythingIsSaved() {
		String courtCase = caseAgainst("Пётр Торопливый");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);
		long entries = changes();

		Response response = this.session.post("/case-events",
				Map.of("caseId", List.of(caseId), "type", List.of("measure-of-restraint"), "date",
						List.of("2025-03-05"), "_shown", List.of("caseId,type,date,court,note,sources")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).contains("Для выбранного нужны ещё поля");
		assertThat(response.body()).contains("name=\"measure\"", "name=\"until\"", "value=\"2025-03-05\"");
		assertThat(changes()).isEqualTo(entries);
	}

	@Test
	void anExtensionDecidedAtAHearingIsOneActionThatRecordsBothOrNeither() {
		String courtCase = caseAgainst("Нина Продлённая");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);
		Map<String, List<String>> hearing = Map.of("caseId", List.of(caseId), "date", List.of("2025-05-01"), "court",
				List.of("Тверской районный суд"), "measure", List.of("custody"), "until", List.of("2025-08-01"),
				"_extension", List.of("true"));
		String form = this.session.get("/case-events/new?caseId=" + caseId + "&_extension=true").body();
		assertThat(form).contains("Заседание, на котором продлили меру пресечения", "name=\"measure\"",
				"name=\"until\"");
		long entries = changes();

		Response nothingToExtend = this.session.post("/case-events", hearing);
		assertThat(nothingToExtend.status()).isEqualTo(422);
		assertThat(nothingToExtend.text()).contains("Продление требует более ранней меры пресечения");
		assertThat(changes()).as("not the hearing without its extension").isEqualTo(entries);

		assertThat(this.session
			.post("/case-events",
					Map.of("caseId", List.of(caseId), "type", List.of("measure-of-restraint"), "date",
							List.of("2025-03-05"), "measure", List.of("custody"), "until", List.of("2025-05-05")))
			.status()).isEqualTo(302);
		Response both = this.session.post("/case-events", hearing);

		assertThat(path(both)).isEqualTo(courtCase);
		assertThat(changes()).isEqualTo(entries + 3);
		assertThat(this.session.get(courtCase).text()).contains("Заседание состоялось", "Продление меры пресечения");
	}

	@Test
	void aVerdictFromTheCasePageClosesTheCaseWithItsOutcomeBothOrNeither() {
		String courtCase = caseAgainst("Глеб Приговорённый");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);
		String form = this.session.get("/case-events/new?caseId=" + caseId + "&type=verdict").body();
		assertThat(form).as("the case's outcome, its amount once a fine is chosen")
			.contains("name=\"outcome\"")
			.doesNotContain("name=\"fineAmount\"");
		String shown = form.replaceAll("(?s).*name=\"_shown\" value=\"([^\"]*)\".*", "$1");
		long entries = changes();

		Response askedForAmount = this.session.post("/case-events",
				Map.of("caseId", List.of(caseId), "type", List.of("verdict"), "date", List.of("2025-06-01"), "outcome",
						List.of("fine"), "_shown", List.of(shown)));
		assertThat(askedForAmount.status()).isEqualTo(200);
		assertThat(askedForAmount.body()).contains("name=\"fineAmount\"");
		String shownNow = askedForAmount.body().replaceAll("(?s).*name=\"_shown\" value=\"([^\"]*)\".*", "$1");
		assertThat(shownNow).as("what a browser sends back").contains("fineAmount");
		int readsBefore = auditedReadsOf(caseId);
		Response badAmount = this.session.post("/case-events",
				Map.of("caseId", List.of(caseId), "type", List.of("verdict"), "date", List.of("2025-06-01"), "outcome",
						List.of("fine"), "fineAmount", List.of("много"), "_shown", List.of(shownNow)));
		assertThat(badAmount.status()).isEqualTo(422);
		assertThat(changes()).as("not the verdict without the case's outcome").isEqualTo(entries);
		assertThat(auditedReadsOf(caseId) - readsBefore)
			.as("the case read once to refuse the verdict and show its form again")
			.isEqualTo(1);

		Response saved = this.session.post("/case-events",
				Map.of("caseId", List.of(caseId), "type", List.of("verdict"), "date", List.of("2025-06-01"), "outcome",
						List.of("fine"), "fineAmount", List.of("30000"), "_shown", List.of(shownNow)));

		assertThat(path(saved)).isEqualTo(courtCase);
		assertThat(changes()).as("the verdict and the case's new version").isEqualTo(entries + 2);
		assertThat(this.session.get(courtCase).text()).contains("Закрыто · Штраф", "Штраф, рублей 30 000",
				"Приговор, постановление · 1 июн. 2025 г.");
	}

	@Test
	void anExtensionFromTheCasePageHoldsTheMeasureInForce() {
		String courtCase = caseAgainst("Олег Продлённый");
		String caseId = courtCase.substring(courtCase.lastIndexOf('/') + 1);
		this.session.get("/case-events/new?caseId=" + caseId + "&type=measure-of-restraint");
		path(this.session.post("/case-events",
				Map.of("caseId", List.of(caseId), "type", List.of("measure-of-restraint"), "date",
						List.of("2025-03-06"), "measure", List.of("house-arrest"), "until", List.of("2025-05-06"))));

		String page = this.session.get(courtCase).body();

		assertThat(page).contains(
				"href=\"/case-events/new?caseId=" + caseId + "&amp;type=extension&amp;measure=house-arrest\"",
				"href=\"/case-events/new?caseId=" + caseId + "&amp;_extension=true&amp;measure=house-arrest\"");
		assertThat(
				this.session.get("/case-events/new?caseId=" + caseId + "&_extension=true&measure=house-arrest").body())
			.contains("value=\"house-arrest\" selected");
	}

	@Test
	void aReleaseEndsAnInquiryWithoutChargeWhenAskedBothOrNeither() {
		this.session.get("/persons/new");
		String person = path(this.session.post("/persons", Map.of("names", List.of("Ирина Проверяемая"))));
		this.session.get("/cases/new");
		String inquiry = path(this.session.post("/cases",
				Map.of("person", List.of(person.substring(person.lastIndexOf('/') + 1)), "kind", List.of("inquiry"),
						"trigger", List.of("denunciation"), "informant", List.of("relative"), "status",
						List.of("pre-investigation"))));
		String inquiryId = inquiry.substring(inquiry.lastIndexOf('/') + 1);
		String criminal = caseAgainst("Пётр Обвиняемый");
		assertThat(this.session
			.get("/case-events/new?caseId=" + criminal.substring(criminal.lastIndexOf('/') + 1) + "&type=release")
			.body()).as("a release in a criminal case does not end it").doesNotContain("_closeInquiry");
		assertThat(this.session.get("/case-events/new?caseId=" + inquiryId + "&type=release").body())
			.contains("name=\"_closeInquiry\"", "Закрыть и проверку: отпущен без обвинения");
		long entries = changes();

		Response badDate = this.session.post("/case-events",
				Map.of("caseId", List.of(inquiryId), "type", List.of("release"), "date", List.of("вчера"),
						"_closeInquiry", List.of("true"), "_toCase", List.of("true")));
		assertThat(badDate.status()).isEqualTo(422);
		assertThat(changes()).as("neither the release nor the inquiry's end").isEqualTo(entries);
		Response saved = this.session.post("/case-events",
				Map.of("caseId", List.of(inquiryId), "type", List.of("release"), "date", List.of("2025-01-20"),
						"_closeInquiry", List.of("true"), "_toCase", List.of("true")));

		assertThat(path(saved)).isEqualTo(inquiry);
		assertThat(changes()).as("the release and the inquiry's new version").isEqualTo(entries + 2);
		assertThat(this.session.get(inquiry).text()).contains("Закрыто · Отпущен без обвинения",
				"Освобождение · 20 янв. 2025 г.");
		assertThat(this.session.get("/case-events/new?caseId=" + inquiryId + "&type=release").body())
			.as("a closed inquiry is not closed again")
			.doesNotContain("_closeInquiry");
	}

	@Test
	void aNewPersonIsSavedAndTheirCaseFormOpenedInOneStep() {
		this.session.get("/persons/new");
		Response saved = this.session.post("/persons",
				Map.of("names", List.of("Нина Сразу"), "_openCase", List.of("true")));

		String caseForm = path(saved);
		assertThat(caseForm).startsWith("/cases/new?person=");
		String personId = caseForm.substring(caseForm.indexOf('=') + 1);
		assertThat(this.session.get(caseForm).body()).as("the person chosen, and where they were saved")
			.contains("name=\"person\" value=\"" + personId + "\" checked", "href=\"/persons/" + personId + "\"");
	}

	@Test
	void aLinkFieldOffersTheReadersLastRecordsBeforeAnySearch() {
		this.session.get("/sources/new");
		String source = path(this.session.post("/sources", Map.of("kind", List.of("lawyer"), "reference",
				List.of("Защитник (вымышленный)"), "reliability", List.of("B2"))));
		String sourceId = source.substring(source.lastIndexOf('/') + 1);

		String form = this.session.get("/cases/new").body();
		String searched = this.session
			.post("/cases", Map.of("find.sources", List.of("Нечто несуществующее"), "_find", List.of("sources")))
			.body();

		assertThat(form).contains("Из ваших последних записей:")
			.contains("id=\"sources-recent-0\" name=\"sources\" value=\"" + sourceId + "\"");
		assertThat(searched).as("once searched, what was found").doesNotContain("value=\"" + sourceId + "\"");
	}

	@Test
	void aRecordOfferedOrListedAsChangedLastIsTitledWithTheRecordsItNames() {
		this.session.get("/persons/new");
		String person = path(this.session.post("/persons", Map.of("names", List.of("Вера Недавняя"))));
		path(this.session.post("/cases", Map.of("person", List.of(person.substring(person.lastIndexOf('/') + 1)),
				"kind", List.of("criminal"), "trigger", List.of("wiretap"), "status", List.of("investigation"))));

		assertThat(this.session.get("/case-events/new").text())
			.as("the case just recorded is offered under its person's name")
			.contains("Из ваших последних записей: Вера Недавняя — Уголовное")
			.doesNotContain("недоступно");
		assertThat(this.session.get("/").text()).as("and so the overview lists it")
			.contains("Вера Недавняя — Уголовное")
			.doesNotContain("недоступно");
		assertThat(this.session.get("/").body()).as("the person beside it without empty cells or a bare 'no'")
			.containsPattern("Вера Недавняя</a>\\s*</li>");
	}

	@Test
	void aFormReadsWhatItsLinkFieldsOfferInOneAuditedReadAndTheCasesOfThePersonsOfferedInAnother() {
		WebSession clerk = new WebSession(this.port).login(Staff.add(this.context, "offers-editor", Role.EDITOR));
		clerk.get("/?lang=ru");
		for (String[] accused : List.of(new String[] { "Ольга Предложенная", "uk-207.3" },
				new String[] { "Игорь Предложенный", "uk-280.3" })) {
			String person = path(clerk.post("/persons", Map.of("names", List.of(accused[0]))));
			path(clerk.post("/cases",
					Map.of("person", List.of(person.substring(person.lastIndexOf('/') + 1)), "kind",
							List.of("criminal"), "trigger", List.of("wiretap"), "status", List.of("in-court"),
							"charges", List.of(accused[1]))));
		}
		path(clerk.post("/sources", Map.of("kind", List.of("lawyer"), "reference", List.of("Защитник (вымышленный)"),
				"reliability", List.of("B2"))));
		Map<String, Integer> before = reads("offers-editor");

		String form = clerk.get("/cases/new").text();

		Map<String, Integer> after = reads("offers-editor");
		assertThat(form).as("both persons offered, each with the case against them")
			.contains("Ольга Предложенная", "Игорь Предложенный", "Защитник (вымышленный)")
			.containsPattern("Ольга Предложенная · Дело: УК.207\\.3")
			.containsPattern("Игорь Предложенный · Дело: УК.280\\.3");
		assertThat(after.getOrDefault("changed-by", 0) - before.getOrDefault("changed-by", 0))
			.as("the last records of the person and source fields, one audited read")
			.isEqualTo(1);
		assertThat(after.getOrDefault("mentioning", 0) - before.getOrDefault("mentioning", 0))
			.as("the cases of every person offered, one audited read")
			.isEqualTo(1);
	}

	/**
	 * How many times the record {@code id} was read by itself (not in a list, as a link
	 * field's choice or offer), by the audit trail.
	 */
	private int auditedReadsOf(String id) {
		this.context.getBean(org.khronika.access.AuditTrail.class).flush();
		return this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("SELECT COUNT(DISTINCT seq) FROM audit_trail WHERE record_id = ? AND action = 'read'",
					Integer.class, id);
	}

	/** How many audit entries of each detail {@code login}'s reads wrote. */
	private Map<String, Integer> reads(String login) {
		this.context.getBean(org.khronika.access.AuditTrail.class).flush();
		Map<String, Integer> entries = new java.util.HashMap<>();
		this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.query("SELECT detail, COUNT(DISTINCT seq) FROM audit_trail WHERE actor = ? AND action = 'list' GROUP BY detail",
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> entries.put(rs.getString(1), rs.getInt(2)),
					login);
		return entries;
	}

	@Test
	void anIncidentPageOpensACaseForEachPersonInIt() {
		this.session.get("/persons/new");
		String person = path(this.session.post("/persons", Map.of("names", List.of("Фёдор Участник"))));
		String personId = person.substring(person.lastIndexOf('/') + 1);
		this.session.get("/incidents/new");
		String incident = path(this.session.post("/incidents", Map.of("date", List.of("2025-02-11"), "region",
				List.of("moscow"), "type", List.of("picket"), "persons", List.of(personId))));
		String incidentId = incident.substring(incident.lastIndexOf('/') + 1);

		String page = this.session.get(incident).body();

		assertThat(page).contains("href=\"/cases/new?person=" + personId + "&amp;incidents=" + incidentId + "\"",
				"Открыть дело: Фёдор Участник");
		assertThat(this.session.get("/cases/new?person=" + personId + "&incidents=" + incidentId).body())
			.contains("name=\"incidents\" value=\"" + incidentId + "\" checked");
	}

	@Test
	void shreddingAPersonAsksOnAPageOfItsOwnThenDestroysTheirNamesForGood() {
		String courtCase = caseAgainst("Зоя Уничтожаемая");
		String person = personOf(courtCase);
		assertThat(this.session.get(person).body()).as("only an administrator shreds")
			.doesNotContain(person + "/shred");
		assertThat(this.session.get(person + "/shred").status()).isEqualTo(403);
		assertThat(this.session.post(person + "/shred", Map.of()).status()).isEqualTo(403);
		WebSession admin = new WebSession(this.port).login(Staff.add(this.context, "shredder", Role.ADMIN));
		assertThat(admin.get(person).body()).contains("href=\"" + person + "/shred\"", "Уничтожить данные человека…");

		Response asked = admin.get(person + "/shred");

		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.text()).contains("Уничтожить данные: Зоя Уничтожаемая?", "станут нечитаемыми навсегда",
				"Отменить это нельзя", "Записи, которые ссылаются на человека, остаются (1)", "Уничтожить навсегда",
				"Отмена, ничего не менять");
		assertThat(admin.get(person).text()).as("asking changes nothing").contains("Зоя Уничтожаемая");

		Response shredded = admin.post(person + "/shred", Map.of());

		assertThat(path(shredded)).isEqualTo(person);
		assertThat(admin.get(person).text())
			.contains("Идентифицирующие данные этого человека уничтожены", "проверьте их собственный текст")
			.doesNotContain("Зоя Уничтожаемая");
		assertThat(this.session.get(courtCase).text()).as("the case stays, its person unnamed")
			.doesNotContain("Зоя Уничтожаемая")
			.contains("Уголовное");
		assertThat(admin.get(person + "/shred").status()).as("nothing left to shred").isEqualTo(404);
	}

	@Test
	void aRecordWhoseSealedFieldsWereChangedInTheTableIsShownToNoOneAndTheRestStillOpen() {
		String courtCase = caseAgainst("Тамара Подменённая");
		String person = personOf(courtCase);
		String id = person.substring(person.lastIndexOf('/') + 1);
		this.session.get("/persons/new");
		path(this.session.post("/persons", Map.of("names", List.of("Олег Нетронутый"))));
		org.springframework.jdbc.core.JdbcTemplate jdbc = this.context
			.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		byte[] sealed = jdbc.queryForObject("SELECT sealed_part FROM registry_record WHERE id = ?", byte[].class, id);
		byte[] flipped = sealed.clone();
		flipped[flipped.length - 1] ^= 1;
		jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", flipped, id);
		try {
			Response page = this.session.get(person);

			assertThat(page.status()).isEqualTo(200);
			assertThat(page.text())
				.contains(
						"Идентифицирующие поля этой записи не открываются: их или ключ записи изменили в обход Хроники",
						"Сообщите администратору: глубокая проверка журнала назовёт изменённую строку")
				.doesNotContain("Подменённая", "Ваша роль видит только открытые поля", "verify-log", "Khronika");
			assertThat(this.session.get(person + "?lang=en").text()).as("and to an administrator what to run")
				.contains("the deep check of the log (verify-log --deep) names a changed row, which rebuild restores");
			this.session.get("/?lang=ru");
			assertThat(page.body()).as("no form to save its fields empty").doesNotContain(person + "/edit");
			assertThat(this.session.get(person + "/edit").header("Location")).endsWith(person);
			Response list = this.session.get("/persons");
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.text()).as("the others open").contains("Олег Нетронутый").doesNotContain("Подменённая");
			assertThat(this.session.get(courtCase).status()).isEqualTo(200);
			assertThat(this.session.get(person + "/history").text()).as("its log entry opens, but not for this page")
				.contains("Версия 1")
				.doesNotContain("Подменённая");
			assertThat(this.context.getBean(org.khronika.registry.DeepCheck.class).run().differences())
				.as("as the page tells an administrator")
				.contains("registry_record row " + id + " is not what the log makes it (it differs)");
		}
		finally {
			jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", sealed, id);
		}
		assertThat(this.session.get(person).text()).contains("Тамара Подменённая");
	}

	@Test
	void aVersionWhoseKeyWasChangedSaysInTheHistoryThatItDoesNotOpen() {
		this.session.get("/persons/new");
		String person = path(this.session.post("/persons", Map.of("names", List.of("Пётр Неоткрытый"))));
		this.session.get("/persons/new");
		String other = path(this.session.post("/persons", Map.of("names", List.of("Павел Соседний"))));
		String id = person.substring(person.lastIndexOf('/') + 1);
		org.springframework.jdbc.core.JdbcTemplate jdbc = this.context
			.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		byte[] key = jdbc.queryForObject("SELECT wrapped_key FROM subject_key WHERE subject_id = ?", byte[].class, id);
		byte[] othersKey = jdbc.queryForObject("SELECT wrapped_key FROM subject_key WHERE subject_id = ?", byte[].class,
				other.substring(other.lastIndexOf('/') + 1));
		jdbc.update("UPDATE subject_key SET wrapped_key = ? WHERE subject_id = ?", othersKey, id);
		try {
			Response history = this.session.get(person + "/history");

			assertThat(history.status()).isEqualTo(200);
			assertThat(history.text()).contains(
					"Идентифицирующие поля этой версии не открываются: её запись в журнале или ключ записи изменены")
				.doesNotContain("Неоткрытый");
			assertThat(this.session.get(person).text()).contains("Идентифицирующие поля этой записи не открываются");
		}
		finally {
			jdbc.update("UPDATE subject_key SET wrapped_key = ? WHERE subject_id = ?", key, id);
		}
		assertThat(this.session.get(person + "/history").text()).contains("Пётр Неоткрытый")
			.doesNotContain("не открываются");
	}

	/**
	 * A new person of that name and a case against them, made through the forms: its
	 * path.
	 */
	private String caseAgainst(String name) {
		this.session.get("/persons/new");
		String person = path(this.session.post("/persons", Map.of("names", List.of(name))));
		this.session.get("/cases/new");
		return path(this.session.post("/cases", Map.of("person", List.of(person.substring(person.lastIndexOf('/') + 1)),
				"kind", List.of("criminal"), "trigger", List.of("wiretap"), "status", List.of("in-court"))));
	}

	/** The path of the person a case page links to. */
	private String personOf(String courtCase) {
		return this.session.get(courtCase).body().replaceAll("(?s).*href=\"(/persons/[0-9a-f-]{36})\".*", "$1");
	}

	private static String path(Response created) {
		assertThat(created.status()).isEqualTo(302);
		return created.header("Location").replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void badInputIsShownNextToItsFieldsAndNothingIsSaved() {
		long entries = changes();
		this.session.get("/persons/new");

		Response response = this.session.post("/persons",
				Map.of("names", List.of(""), "birthYear", List.of("тысяча"), "region", List.of("atlantis")));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.text()).contains("Исправьте отмеченные поля; ничего не сохранено.",
				"Укажите хотя бы одно имя.", "Не целое число.", "Неизвестный регион «atlantis».");
		assertThat(response.body()).contains("value=\"тысяча\"")
			.as("the list above the form names each field, which a bare \"not a whole number\" does not")
			.contains("<a href=\"#birthYear\">Год рождения: Не целое число.</a>");

		this.session.get("/persons/new");
		Response tooEarly = this.session.post("/persons",
				Map.of("names", List.of("Тестова Анна"), "birthYear", List.of("1850")));
		assertThat(tooEarly.text()).as("years are written as years, with no thousands separator")
			.contains("Должно быть от 1900 до " + java.time.LocalDate.now().getYear() + ".");

		this.session.get("/incidents/new");
		Response badDate = this.session.post("/incidents",
				Map.of("date", List.of("31.02.2025"), "region", List.of("moscow"), "type", List.of("protest")));
		assertThat(badDate.text()).as("a field is told what is wrong once")
			.contains("Не дата: используйте формат ГГГГ-ММ-ДД.")
			.doesNotContain("Обязательное поле.");
		assertThat(changes()).isEqualTo(entries);
	}

	@Test
	void aStaleEditIsRefusedWithoutLosingWhatWasTyped() {
		this.session.get("/sources/new");
		String path = this.session
			.post("/sources", Map.of("kind", List.of("media"), "reference", List.of("https://example.org/a"),
					"reliability", List.of("B2")))
			.header("Location")
			.replaceFirst("^https?://[^/]+", "");
		this.session.get(path + "/edit");
		this.session.post(path, Map.of("version", List.of("1"), "kind", List.of("media"), "reference",
				List.of("https://example.org/b"), "reliability", List.of("B2")));
		long entries = changes();

		Response stale = this.session.post(path, Map.of("version", List.of("1"), "kind", List.of("media"), "reference",
				List.of("https://example.org/mine"), "reliability", List.of("C3")));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text()).contains("Кто-то изменил эту запись");
		assertThat(stale.body()).contains("https://example.org/mine");
		assertThat(changes()).isEqualTo(entries);
		assertThat(this.session.get(path).text()).contains("https://example.org/b");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() {
		long entries = changes();

		Response forged = this.session.postWithoutCsrf("/sources",
				Map.of("kind", List.of("media"), "reference", List.of("x"), "reliability", List.of("A1")));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(changes()).isEqualTo(entries);
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() {
		// the last one is refused by the firewall, before any page
		for (String path : List.of("/login", "/", "/persons", "/persons/new", "/no-such-page", "/persons//x")) {
			Response response = this.session.get(path);
			assertThat(response.header("Content-Security-Policy")).as(path)
				.contains("default-src 'none'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.header("Cache-Control")).as(path).contains("no-store");
			assertThat(response.header("Cross-Origin-Opener-Policy")).as(path).isEqualTo("same-origin");
			assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()");
			assertThat(response.header("Server")).as(path).isNull();
		}
	}

	@Test
	void unknownRecordsAndGarbageIdsAnswerNotFoundWithoutInternals() {
		for (String path : List.of("/persons/00000000-0000-4000-8000-000000000099", "/cases/not-an-id",
				"/persons/x/history")) {
			Response response = this.session.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path)
				.doesNotContain("Exception")
				.doesNotContain("org.khronika")
				.doesNotContain("at java.");
			assertThat(response.text()).contains("Такой страницы нет");
		}
	}

	@Test
	void notFoundAndNotAllowedHaveTheirOwnPagesAndWords() {
		Response missing = this.session.get("/persons/00000000-0000-4000-8000-000000000099?lang=en");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text()).contains("Not found", "the record may be restricted")
			.doesNotContain("Something went wrong");
		assertThat(missing.body()).as("the language link leads to the same address, not to /error")
			.contains("href=\"/persons/00000000-0000-4000-8000-000000000099?lang=ru\"")
			.doesNotContain("/error?");
		assertThat(missing.body()).as("the menu of the one logged in, to go on from")
			.contains("href=\"/account\"", "href=\"/persons\"");
		for (String asIfAFile : List.of("/css/gone.css", "/persons.json", "/feed.xml")) {
			// asked as a script or a feed reader asks, for anything
			Response gone = this.session.get(asIfAFile, Map.of("Accept", "*/*"));
			assertThat(gone.status()).as(asIfAFile).isEqualTo(404);
			assertThat(gone.header("Content-Type")).as("a page, whatever its address ends in: %s", asIfAFile)
				.startsWith("text/html");
		}

		WebSession analyst = new WebSession(this.port).login(Staff.add(this.context, "pages-analyst", Role.ANALYST));
		Response denied = analyst.get("/persons/new?lang=en");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.text()).contains("Not allowed", "Your role does not include this work")
			.doesNotContain("Something went wrong");
		assertThat(denied.body()).as("refused by the security filters, the language link still leads to the address")
			.contains("href=\"/persons/new?lang=ru\"");
		assertThat(analyst.get("/persons/new?lang=ru").text()).contains("Нет доступа");
	}

	@Test
	void anErrorPageShowsTheReaderTheSameMenuAsEveryPage() {
		WebSession admin = new WebSession(this.port).login(Staff.add(this.context, "menu-admin", Role.ADMIN));
		List<String> menu = menu(admin.get("/persons").body());
		assertThat(menu).as("an administrator's menu")
			.contains("/intake", "/imports", "/stats", "/linkage", "/publish", "/admin/users", "/admin/audit");

		// not found, by a page and by no page at all; a request not understood
		for (String path : List.of("/persons/00000000-0000-4000-8000-000000000099", "/no-such-page",
				"/persons?q=%FF%FE")) {
			Response failed = admin.get(path);
			assertThat(failed.status()).as(path).isBetween(400, 404);
			assertThat(menu(failed.body())).as(path).isEqualTo(menu);
		}
		WebSession analyst = new WebSession(this.port).login(Staff.add(this.context, "menu-analyst", Role.ANALYST));
		assertThat(menu(analyst.get("/persons/new").body())).as("refused by the security filters")
			.contains("/stats")
			.isEqualTo(menu(analyst.get("/persons").body()));
	}

	/** The addresses the page's main menu links to. */
	private static List<String> menu(String page) {
		int start = page.indexOf("<nav");
		String nav = page.substring(start, page.indexOf("</nav>", start));
		return java.util.regex.Pattern.compile("href=\"([^\"?]+)").matcher(nav).results().map(m -> m.group(1)).toList();
	}

	@Test
	void aRequestThatCannotBeReadSaysWhetherItsTextItsUploadOrWhatItAskedWasWrong() throws Exception {
		Response garbled = this.session.get("/persons?q=%FF%FE");
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(garbled.text()).contains("Форму не удалось прочитать", "не в UTF-8");

		Response edited = this.session.get("/persons//00000000-0000-4000-8000-000000000099");
		assertThat(edited.status()).as("an address the server refuses before any page").isEqualTo(400);
		assertThat(edited.text()).contains("Запрос не понят", "откройте страницу заново из меню")
			.doesNotContain("UTF-8");

		for (String refusedByTheServer : List.of("/persons/a%2Fb", "/persons/%5C", "/persons/a%00")) {
			Response slash = this.session.get(refusedByTheServer);
			assertThat(slash.status()).as(refusedByTheServer).isEqualTo(400);
			assertThat(slash.text()).as("the server's own refusal, on Khronika's page in both languages")
				.contains("Хроника", "Запрос не понят", "The request was not understood",
						"откройте страницу заново из меню")
				.doesNotContain("HTTP Status", "Tomcat");
			assertThat(slash.header("Content-Security-Policy")).startsWith("default-src 'none'");
		}
		assertThat(edited.header("Content-Security-Policy")).as("refused by the firewall, under every page's headers")
			.startsWith("default-src 'none'");
		assertThat(edited.header("X-Frame-Options")).isEqualTo("DENY");
		Response elsewhere = this.session.get("//example.org/persons");
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.body()).as("a refused path is never made a link")
			.contains("href=\"/?lang=en\"")
			.doesNotContain("example.org");
		for (String api : List.of("/api/persons/a%2Fb", "/api/persons//x")) {
			Response refused = this.session.get(api);
			assertThat(refused.status()).as(api).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(api).startsWith("application/problem+json");
			assertThat(refused.body()).as(api).contains("\"code\":\"unreadable\"", "\"status\":400");
		}

		this.session.get("/persons/new");
		Map<String, List<String>> tooMany = new java.util.HashMap<>();
		for (int field = 0; field < 1500; field++) {
			tooMany.put("field" + field, List.of("x"));
		}
		Response overfull = this.session.post("/persons", tooMany);
		assertThat(overfull.status()).as("more fields than the server reads").isEqualTo(400);
		assertThat(overfull.text()).contains("Запрос не понят").doesNotContain("UTF-8");

		java.net.http.HttpResponse<String> brokenOff = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/imports"))
				.header("Content-Type", "multipart/form-data; boundary=cut")
				.header("Accept-Language", "ru")
				.header("Accept", "text/html")
				.header("Cookie", "JSESSIONID=" + this.session.sessionCookie())
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("--cut\r\nContent-Disposition: form-data; "
						+ "name=\"file\"; filename=\"persons.csv\"\r\nContent-Type: text/csv\r\n\r\nимя,год\r\n"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(brokenOff.statusCode()).as("an upload that breaks off").isEqualTo(400);
		assertThat(brokenOff.body()).contains("Отправка прервалась", "пришло не полностью").doesNotContain("UTF-8");
	}

	@Test
	void aNewPersonWhoMayBeRecordedAlreadyIsOfferedBeforeASecondRecordIsMade() {
		this.session.get("/persons/new");
		Response first = this.session.post("/persons",
				Map.of("names", List.of("Фомичёва Лариса Олеговна"), "birthYear", List.of("1970")));
		assertThat(first.status()).isEqualTo(302);
		String known = first.header("Location");

		this.session.get("/persons/new");
		Response invalid = this.session.post("/persons",
				Map.of("names", List.of("Larisa Fomicheva"), "birthYear", List.of("в семидесятом")));
		assertThat(invalid.status()).as("a form with problems says what to correct first").isEqualTo(422);

		Response offered = this.session.post("/persons",
				Map.of("names", List.of("Larisa Fomicheva"), "birthYear", List.of("1970")));
		assertThat(offered.status()).as("nothing recorded yet").isEqualTo(200);
		assertThat(offered.text()).contains("Возможно, этот человек уже записан", "Фомичёва Лариса Олеговна");
		assertThat(offered.body()).contains(known.substring(known.indexOf("/persons/")))
			.as("told apart by what may be seen of them, with no bare consent flag")
			.containsPattern("Фомичёва Лариса Олеговна</a>\\s*<span class=\"meta\">1970</span>");

		Response anyway = this.session.post("/persons",
				Map.of("names", List.of("Larisa Fomicheva"), "birthYear", List.of("1970"), "_anyway", List.of("true")));
		assertThat(anyway.status()).as("recorded when the editor says none of them is this person").isEqualTo(302);

		String second = anyway.header("Location");
		this.session.get("/linkage");
		assertThat(this.session
			.post("/linkage/confirm",
					Map.of("left", List.of(id(known)), "right", List.of(id(second)), "kind", List.of("person")))
			.status()).as("the two records linked as one person").isEqualTo(302);
		this.session.get("/persons/new");
		Response once = this.session.post("/persons",
				Map.of("names", List.of("Лариса Фомичёва"), "birthYear", List.of("1970")));
		assertThat(once.status()).isEqualTo(200);
		assertThat(once.body()).as("one person, offered once, by one of their records")
			.containsOnlyOnce("Возможно, этот человек уже записан")
			.containsOnlyOnce("<span class=\"meta\">1970</span>");
	}

	/** The id a record's address ends with. */
	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	@Test
	void everyFormShowsEachFieldOnceWithItsLabel() {
		java.util.regex.Pattern idPattern = java.util.regex.Pattern
			.compile("<(?:input|select|textarea)[^>]* id=\"([^\"]+)\"");
		for (String form : List.of("/persons/new", "/incidents/new", "/cases/new", "/case-events/new",
				"/sources/new")) {
			String body = this.session.get(form).body();
			List<String> ids = idPattern.matcher(body).results().map(m -> m.group(1)).toList();
			assertThat(ids).as(form).doesNotHaveDuplicates().isNotEmpty();
			assertThat(java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(body).results().map(m -> m.group(1)))
				.as(form + ": every id once")
				.doesNotHaveDuplicates();
			for (String id : ids) {
				if (!List.of("content").contains(id) && !id.endsWith("-hint")) {
					assertThat(body).as(form + " label for " + id).contains("for=\"" + id + "\"");
				}
			}
		}
	}

	@Test
	void theInterfaceSpeaksRussianAndEnglish() {
		assertThat(this.session.get("/persons/new").text()).contains("Новый человек", "Год рождения");
		assertThat(this.session.get("/persons/new?lang=en").text()).contains("New person", "Year of birth");
		assertThat(this.session.get("/persons").text()).as("the choice is remembered").contains("Persons");
		this.session.get("/?lang=ru");
	}

	/** Log entries that change records: every entry but the audit trail's. */
	private long changes() {
		long[] count = { 0 };
		this.log.replay(entry -> {
			if (!entry.type().startsWith("audit.")) {
				count[0]++;
			}
		});
		return count[0];
	}

}
