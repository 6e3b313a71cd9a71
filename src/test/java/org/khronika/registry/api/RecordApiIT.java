package org.khronika.registry.api;

import org.khronika.access.Staff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.TestDatabases.TestDatabase;
import org.khronika.WebSession;
import org.khronika.access.Accounts;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;
import org.khronika.eventlog.EventLog;
import org.khronika.registry.api.ApiClient.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The JSON API, full stack, on the local PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordApiIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static TestDatabase database;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		database = TestApplication.register(registry, DATA, Engine.POSTGRESQL);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	EventLog log;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private ApiClient api;

	@BeforeEach
	void token() {
		if (!this.accounts.exists("script")) {
			Staff.add(this.context, "script", Role.EDITOR);
		}
		this.api = new ApiClient(this.port,
				this.tokens.create(Staff.SETUP, "script", Role.EDITOR, "tests", java.time.Duration.ofDays(1)));
	}

	@Test
	void withoutAValidTokenEveryEndpointAnswers401() {
		for (ApiClient client : List.of(new ApiClient(this.port, null), new ApiClient(this.port, "kht_forged"))) {
			assertThat(client.get("/persons").status()).isEqualTo(401);
			assertThat(client.get("/cases/00000000-0000-4000-8000-000000000001").status()).isEqualTo(401);
			assertThat(client.post("/persons", Map.of("names", List.of("X"))).status()).isEqualTo(401);
			assertThat(client.put("/sources/00000000-0000-4000-8000-000000000001", Map.of()).status()).isEqualTo(401);
		}
		assertThat(new ApiClient(this.port, null).get("/persons").json()).containsEntry("code", "auth.required");
	}

	/**
	 * Whoever refuses (the token check, the size limit before anything reads the body,
	 * the request's parsing before any endpoint is chosen, the endpoint itself), the
	 * answer has one shape: a problem document with its status, a stable code and a title
	 * in the language asked for.
	 */
	@Test
	void everyRefusalIsAProblemDocumentWithItsCodeAndATitleInTheLanguageAsked() {
		Staff.add(this.context, "problems-analyst", Role.ANALYST);
		ApiClient analyst = new ApiClient(this.port, this.tokens.create(Staff.SETUP, "problems-analyst", Role.ANALYST,
				"tests", java.time.Duration.ofDays(1)));
		String cutShort = "--b\r\nContent-Disposition: form-data; name=\"names\"\r\n\r\nИванов";

		for (String language : List.of("ru", "en")) {
			java.util.function.Predicate<String> inLanguage = title -> language.equals("ru")
					? title.matches("[^A-Za-z]*[А-Яа-яЁё].*") : title.matches("[A-Z][\\x20-\\x7E]+");
			Map<String, Answer> refusals = new java.util.LinkedHashMap<>();
			refusals.put("401 auth.required", new ApiClient(this.port, null).inLanguage(language).get("/persons"));
			refusals.put("403 access.denied",
					analyst.inLanguage(language).post("/persons", Map.of("names", List.of("Иван Отказов"))));
			refusals.put("400 validation",
					this.api.inLanguage(language).post("/persons", Map.of("names", List.of("И"), "birthYear", "x")));
			refusals.put("413 too_large", this.api.inLanguage(language)
				.postRaw("/persons", "{\"names\": [\"" + "x".repeat(2 * 1024 * 1024) + "\"]}"));
			refusals.put("400 unreadable",
					this.api.inLanguage(language).postRaw("/persons", "multipart/form-data; boundary=b", cutShort));
			refusals.put("405 method_not_allowed", this.api.inLanguage(language).put("/persons", Map.of()));
			refusals.put("404 not_found", this.api.inLanguage(language).get("/no-such-endpoint"));

			refusals.forEach((expected, answer) -> {
				assertThat(answer.status() + " " + answer.get("code")).as(language + " " + expected)
					.isEqualTo(expected);
				assertThat(answer.type()).as(expected).startsWith("application/problem+json");
				assertThat(answer.json()).as(expected)
					.containsEntry("type", "about:blank")
					.containsEntry("status", answer.status());
				assertThat(answer.<String>get("title")).as(language + " " + expected).matches(inLanguage);
			});
		}
	}

	@Test
	void aPersonPostedIsStoredAndReturnedWithItsId() {
		Answer created = this.api.post("/persons", Map.of("names", List.of("Пётр Тестов"), "birthYear", 1987, "region",
				"Москва", "contacts", "t.me/invented"));

		assertThat(created.status()).isEqualTo(201);
		String id = created.get("id");
		assertThat(created.location()).endsWith("/api/v1/persons/" + id);
		assertThat(created.json()).contains(entry("names", List.of("Пётр Тестов")), entry("birthYear", 1987),
				entry("region", "moscow"), entry("contacts", "t.me/invented"), entry("version", 1),
				entry("createdBy", "script"));
		assertThat(this.api.get("/persons/" + id).json()).isEqualTo(created.json());
	}

	@Test
	void validationErrorsNameEveryBadFieldAndSaveNothing() {
		long entries = this.log.size();

		Answer answer = this.api.post("/cases",
				Map.of("person", "00000000-0000-4000-8000-000000000001", "kind", "criminal", "charges",
						List.of("УК 999"), "trigger", "denunciation", "status", "closed", "outcome", "fine",
						"fineAmount", "много"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json()).containsEntry("code", "validation");
		List<Map<String, Object>> errors = answer.get("errors");
		assertThat(errors).extracting(e -> e.get("field") + ":" + e.get("code"))
			.containsExactlyInAnyOrder("fineAmount:not_a_number", "person:no_such_record", "charges[0]:unknown_article",
					"informant:informant_required");
		assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
		assertThat(this.log.size()).isEqualTo(entries);
	}

	@Test
	void malformedBodiesAndUnknownRecordsAreAnsweredPlainly() {
		Answer malformed = this.api.postRaw("/persons", "{\"names\": [\"Незакрытая");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json()).containsEntry("code", "malformed");
		assertThat(malformed.json().toString()).doesNotContain("Незакрытая");

		assertThat(this.api.postRaw("/persons", "[1, 2]").status()).isEqualTo(400);
		assertThat(this.api.get("/persons/00000000-0000-4000-8000-000000000099").status()).isEqualTo(404);
		assertThat(this.api.get("/persons/garbage").json()).containsEntry("code", "record.not_found");
		assertThat(this.api.get("/unicorns").status()).isEqualTo(404);
	}

	@Test
	void anUpdateNeedsTheCurrentVersion() {
		String id = this.api.create("/sources",
				Map.of("kind", "media", "reference", "https://example.org/1", "reliability", "B2"));

		Answer updated = this.api.put("/sources/" + id,
				Map.of("version", 1, "kind", "media", "reference", "https://example.org/2", "reliability", "A1"));
		Answer stale = this.api.put("/sources/" + id,
				Map.of("version", 1, "kind", "media", "reference", "https://example.org/3", "reliability", "A1"));
		Answer unversioned = this.api.put("/sources/" + id,
				Map.of("kind", "media", "reference", "x", "reliability", "A1"));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json()).contains(entry("version", 2), entry("reference", "https://example.org/2"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json()).containsEntry("code", "record.stale");
		assertThat(unversioned.status()).isEqualTo(400);
		assertThat(this.api.get("/sources/" + id).json()).containsEntry("reference", "https://example.org/2");
	}

	@Test
	void aPersonWhoseSealedFieldsWereChangedInTheTableIsAnsweredWithoutThemAndSaysSo() {
		String id = this.api.create("/persons", Map.of("names", List.of("Инна Испорченная"), "birthYear", 1990,
				"region", "Москва", "contacts", "t.me/invented-too"));
		org.springframework.jdbc.core.JdbcTemplate jdbc = this.context
			.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		byte[] sealed = jdbc.queryForObject("SELECT sealed_part FROM registry_record WHERE id = ?", byte[].class, id);
		byte[] flipped = sealed.clone();
		flipped[0] ^= 1;
		jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", flipped, id);
		try {
			Answer answer = this.api.get("/persons/" + id);

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.json())
				.contains(entry("unreadable", true), entry("redacted", true), entry("region", "moscow"))
				.doesNotContainKeys("names", "birthYear", "contacts");
			assertThat(this.api.get("/persons?size=100").status()).as("the list it is in").isEqualTo(200);
		}
		finally {
			jdbc.update("UPDATE registry_record SET sealed_part = ? WHERE id = ?", sealed, id);
		}
		assertThat(this.api.get("/persons/" + id).json()).contains(entry("names", List.of("Инна Испорченная")))
			.doesNotContainKeys("unreadable", "redacted");
	}

	@Test
	void listsArePaged() {
		for (int i = 0; i < 3; i++) {
			this.api.create("/sources", Map.of("kind", "hotline", "reference", "Звонок " + i, "reliability", "C3"));
		}

		Answer first = this.api.get("/sources?page=0&size=2");
		Answer second = this.api.get("/sources?page=1&size=2");

		assertThat(first.json()).contains(entry("page", 0), entry("size", 2));
		assertThat((List<?>) first.get("items")).hasSize(2);
		assertThat(((Number) first.get("total")).intValue()).isGreaterThanOrEqualTo(3);
		assertThat((List<?>) second.get("items")).isNotEmpty();
	}

	/**
	 * Three cases drawn from real reporting, entered by a script (names invented): a man
	 * arrested after his phone was tapped, charged under 207.3, custody extended at a
	 * hearing; a student denounced by her father, questioned and released without charge;
	 * a man denounced by an acquaintance over messages in a group chat, his flat
	 * searched, charged under 207.3.
	 */
	@Test
	void threeReportedCasesEnteredThroughTheApi() {
		String lawyer = this.api.create("/sources",
				Map.of("kind", "lawyer", "reference", "Защитник по делу (вымышленный)", "reliability", "A2"));

		String sokolov = this.api.create("/persons", Map.of("names", List.of("Андрей Соколов", "Andrei Sokolov"),
				"birthYear", 1979, "region", "Москва", "sources", List.of(lawyer)));
		String wiretap = this.api.create("/cases",
				Map.of("person", sokolov, "kind", "criminal", "charges", List.of("207.3"), "trigger", "wiretap",
						"court", "Мещанский районный суд", "status", "in-court", "sources", List.of(lawyer)));
		this.api.create("/case-events", Map.of("caseId", wiretap, "type", "detention", "date", "2025-03-04"));
		this.api.create("/case-events", Map.of("caseId", wiretap, "type", "measure-of-restraint", "date", "2025-03-06",
				"measure", "custody", "until", "2025-05-04"));
		this.api.create("/case-events",
				Map.of("caseId", wiretap, "type", "extension", "date", "2025-04-30", "court", "Мещанский районный суд",
						"measure", "custody", "until", "2025-08-04", "note", "Продлено на заседании"));

		String lebedeva = this.api.create("/persons",
				Map.of("names", List.of("Мария Лебедева"), "birthYear", 2004, "region", "Санкт-Петербург"));
		String byFather = this.api.create("/cases", Map.of("person", lebedeva, "kind", "criminal", "trigger",
				"denunciation", "informant", "relative", "status", "pre-investigation", "notes", "Донос отца"));
		this.api.create("/case-events", Map.of("caseId", byFather, "type", "questioning", "date", "2025-01-20"));
		this.api.create("/case-events",
				Map.of("caseId", byFather, "type", "release", "date", "2025-01-20", "note", "Без обвинения"));
		Answer closed = this.api.put("/cases/" + byFather,
				Map.of("version", 1, "person", lebedeva, "kind", "criminal", "trigger", "denunciation", "informant",
						"relative", "status", "closed", "outcome", "dismissed", "notes", "Донос отца; отпущена"));
		assertThat(closed.status()).isEqualTo(200);

		String kravtsov = this.api.create("/persons",
				Map.of("names", List.of("Игорь Кравцов"), "birthYear", 1988, "region", "Новосибирская область"));
		this.api.create("/incidents", Map.of("date", "2025-02-11", "region", "Новосибирская область", "type",
				"private-message", "topic", "Сообщения в групповом чате", "detained", 1, "persons", List.of(kravtsov)));
		String chat = this.api.create("/cases",
				Map.of("person", kravtsov, "kind", "criminal", "charges", List.of("УК 207.3"), "trigger",
						"denunciation", "informant", "acquaintance", "status", "investigation"));
		this.api.create("/case-events",
				Map.of("caseId", chat, "type", "search", "date", "2025-02-18", "note", "Обыск в квартире"));

		Map<String, Object> wiretapCase = this.api.get("/cases/" + wiretap).json();
		assertThat(wiretapCase).contains(entry("charges", List.of("uk-207.3")), entry("trigger", "wiretap"),
				entry("person", sokolov));
		Map<String, Object> fatherCase = this.api.get("/cases/" + byFather).json();
		assertThat(fatherCase).contains(entry("informant", "relative"), entry("status", "closed"),
				entry("outcome", "dismissed"), entry("charges", List.of()), entry("version", 2));
		assertThat(this.api.get("/cases/" + chat).json()).contains(entry("informant", "acquaintance"),
				entry("charges", List.of("uk-207.3")));

		// the people working the cases read them on the web: record pages, links and
		// history
		WebSession web = new WebSession(this.port).login(Staff.add(this.context, "monitor", Role.EDITOR));
		assertThat(web.get("/cases/" + wiretap).text()).contains("Андрей Соколов", "УК 207.3", "Прослушка", "В суде",
				"Продление меры пресечения");
		assertThat(web.get("/persons/" + lebedeva).text()).contains("Мария Лебедева", "2004", "Санкт-Петербург");
		assertThat(web.get("/cases/" + byFather).text()).contains("Донос", "Родственник", "Прекращено", "Допрос, опрос",
				"Освобождение");
		assertThat(web.get("/cases/" + byFather + "/history").text()).contains("Версия 1", "Версия 2",
				"Доследственная проверка", "Закрыто");
		assertThat(web.get("/persons/" + kravtsov).text()).contains("Игорь Кравцов", "Личная переписка");
		assertThat(web.get("/case-events").text()).contains("Обыск", "Продление меры пресечения");
	}

}
