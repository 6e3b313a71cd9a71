package org.khronika.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.Fixtures;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
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
 * The import page: a table is uploaded and checked in the background, its report read,
 * its import started and followed to the end, even when nobody watches the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportPageIT {

	private static final String PROFILE = "ovdinfo-moscow-2011-2012";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, TestApplication.dataDirectory(), Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Registry registry;

	private static Staff editor;

	private static Staff analyst;

	@BeforeEach
	void staff() {
		if (editor == null) {
			editor = Staff.add(this.context, "import-editor", Role.EDITOR);
			analyst = Staff.add(this.context, "import-analyst", Role.ANALYST);
		}
	}

	private long incidents() {
		return this.registry.count(new Actor("import-admin", Role.ADMIN), RecordKind.INCIDENT);
	}

	/** Reads the job page until the job has finished; returns the last page. */
	private WebSession.Response untilFinished(WebSession web, String location) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			WebSession.Response page = web.get(location);
			if (!page.body().contains("http-equiv=\"refresh\"")) {
				return page;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the job at " + location + " did not finish");
	}

	private static String location(WebSession.Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		String location = redirect.header("Location");
		return location.startsWith("http") ? java.net.URI.create(location).getRawPath() : location;
	}

	@Test
	void aTableIsCheckedThenImportedAndItsReportStays() throws Exception {
		WebSession web = new WebSession(this.port).login(editor);
		assertThat(web.get("/imports").body()).contains(PROFILE).contains("enctype=\"multipart/form-data\"");
		long before = incidents();

		String check = location(web.postMultipart("/imports", Map.of("profile", PROFILE),
				Map.of("table", Map.entry("detentions.csv", Files.readAllBytes(Fixtures.ovdInfoMoscow())))));
		WebSession.Response checked = untilFinished(web, check);

		assertThat(checked.text()).contains("Проверено: пока ничего не записано.")
			.contains("Новых записей 180")
			.contains("Отклонено строк 0");
		assertThat(incidents()).as("a check writes nothing").isEqualTo(before);

		String run = location(web.post(check + "/run", Map.of()));
		String id = run.substring(run.lastIndexOf('/') + 1);
		// nobody watches the page: the import goes on by itself
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!this.jobs.find(editor.actor(), id).orElseThrow().isFinished() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(incidents()).isEqualTo(before + 180);
		WebSession.Response imported = untilFinished(web, run);
		assertThat(imported.text()).contains("Импортировано.").contains("Создано записей 180");
		assertThat(web.get("/imports").body()).contains("detentions.csv").contains(id);
		assertThat(web.post(check + "/run", Map.of()).header("Location")).as("a check is imported once").endsWith(run);
	}

	@Test
	void aCheckOfPersonsLinksTheRowsThatMayBeSomeoneRecordedAlready() throws Exception {
		org.khronika.registry.SaveResult saved = this.registry.record(editor.actor(),
				org.khronika.registry.RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Страницына Олеся Игоревна")
					.with("birthYear", "1991")
					.with("region", "moscow"));
		String known = ((org.khronika.registry.SaveResult.Saved) saved).id().toString();
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/imports");
		String profile = """
				name: page-persons
				kind: person
				key: [ref]
				fields:
				  names:     { column: names }
				  birthYear: { column: born }
				""";
		String table = "ref,names,born\nq-1,Olesya Stranitsyna,1991\nq-2,Вымышленный Никто,1950\n";

		String check = location(web.postMultipart("/imports", Map.of(),
				Map.of("profileFile", Map.entry("persons.yaml", profile.getBytes(StandardCharsets.UTF_8)), "table",
						Map.entry("persons.csv", table.getBytes(StandardCharsets.UTF_8)))));
		WebSession.Response page = untilFinished(web, check);

		Matcher row = Pattern
			.compile("<td>2</td>\\s*<td><a href=\"/persons/" + known + "\">Страницына Олеся Игоревна</a>")
			.matcher(page.body());
		assertThat(row.find()).as("row 2 links the person it may be").isTrue();
		assertThat(page.body()).doesNotContain("<td>3</td>");
	}

	@Test
	void rowsThatCannotBeImportedAreListedWithTheirRowAndColumn() throws Exception {
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/imports");
		String table = "date,agreement,type,subject,organizator,comment,place,total,id\n"
				+ "04.12.2015,согласовано,митинг,Вымышленная тема,Оргкомитет,,Площадь,10,page-1\n"
				+ "31.13.2015,согласовано,митинг,Вымышленная тема,Оргкомитет,,Площадь,10,page-2\n";

		String check = location(web.postMultipart("/imports", Map.of("profile", PROFILE),
				Map.of("table", Map.entry("broken.csv", table.getBytes(StandardCharsets.UTF_8)))));
		WebSession.Response page = untilFinished(web, check);

		assertThat(page.text()).contains("Новых записей 1").contains("Отклонено строк 1");
		Matcher problem = Pattern.compile("<td>3</td>\\s*<td>date</td>").matcher(page.body());
		assertThat(problem.find()).as("row 3, column date is listed").isTrue();
	}

	@Test
	void aCheckInWhichEveryRowIsRefusedOffersNoImportAndSaysToCorrectTheTable() throws Exception {
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/imports");
		String table = "date,agreement,type,subject,organizator,comment,place,total,id\n"
				+ "31.13.2015,согласовано,митинг,Вымышленная тема,Оргкомитет,,Площадь,10,none-1\n";

		String check = location(web.postMultipart("/imports", Map.of("profile", PROFILE),
				Map.of("table", Map.entry("all-refused.csv", table.getBytes(StandardCharsets.UTF_8)))));
		WebSession.Response page = untilFinished(web, check);

		assertThat(page.text()).contains("Новых записей 0", "Отклонено строк 1",
				"Из этой таблицы нечего импортировать: все строки отклонены или пусты.");
		assertThat(page.body()).as("no button that would import nothing").doesNotContain(check + "/run");
		assertThat(web.post(check + "/run", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aTableOverAMegabyteIsAcceptedAndABrokenOneStopsBeforeWriting() throws Exception {
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/imports");
		StringBuilder big = new StringBuilder("date,agreement,type,subject,organizator,comment,place,total,id\n");
		String comment = "Вымышленный длинный комментарий. ".repeat(100);
		for (int i = 0; i < 400; i++) {
			big.append("05.12.2016,согласовано,пикет,Тема,Оргкомитет,\"")
				.append(comment)
				.append("\",Сквер,2,big-")
				.append(i)
				.append('\n');
		}
		byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).isGreaterThan(1024 * 1024);

		WebSession.Response bigCheck = untilFinished(web, location(web.postMultipart("/imports",
				Map.of("profile", PROFILE), Map.of("table", Map.entry("big.csv", bytes)))));
		WebSession.Response brokenCheck = untilFinished(web, location(web.postMultipart("/imports",
				Map.of("profile", PROFILE),
				Map.of("table", Map.entry("broken.xlsx", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0 })))));

		assertThat(bigCheck.text()).contains("Новых записей 400");
		assertThat(brokenCheck.text()).contains("Остановлено: файл не читается как книга XLSX");
		assertThat(brokenCheck.body()).doesNotContain("/run\"");
		WebSession.Response oldWorkbook = untilFinished(web,
				location(web.postMultipart("/imports", Map.of("profile", PROFILE), Map.of("table", Map.entry(
						"задержания.xls",
						new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0, 0 })))));
		assertThat(oldWorkbook.text())
			.contains("Остановлено: файл — книга Excel старого формата (.xls); сохраните её как XLSX или CSV");
	}

	@Test
	void aFormWithoutATableOrProfileSaysWhatIsMissingOrWrongAndAnAnalystMayNotImport() {
		WebSession web = new WebSession(this.port).login(editor);
		web.get("/imports");

		WebSession.Response noTable = web.postMultipart("/imports", Map.of("profile", PROFILE), Map.of());
		WebSession.Response badProfile = web.postMultipart("/imports", Map.of("profile", ""), Map.of("profileFile",
				Map.entry("mine.yaml", "name: mine\nkind: unicorn\n".getBytes(StandardCharsets.UTF_8))));

		assertThat(noTable.status()).isEqualTo(422);
		assertThat(noTable.text()).contains("Выберите таблицу для импорта.");
		WebSession.Response emptyTable = web.postMultipart("/imports", Map.of("profile", PROFILE),
				Map.of("table", Map.entry("задержания.csv", new byte[0])));
		assertThat(emptyTable.status()).isEqualTo(422);
		assertThat(emptyTable.text()).contains("Файл задержания.csv пуст: выберите саму таблицу.");
		assertThat(badProfile.status()).isEqualTo(422);
		assertThat(badProfile.text()).contains("unicorn");
		assertThat(web.get("/").body()).as("the editor's menu").contains("href=\"/imports\"");
		WebSession analystWeb = new WebSession(this.port).login(analyst);
		assertThat(analystWeb.get("/").body()).as("the analyst's menu").doesNotContain("href=\"/imports\"");
		assertThat(analystWeb.get("/imports").status()).isEqualTo(403);
		assertThat(this.jobs.list(analyst.actor())).isEmpty();
		List<ImportJobs.Snapshot> others = this.jobs.list(new Actor("someone-else", Role.EDITOR));
		assertThat(others).as("jobs are their owner's").isEmpty();
	}

}
