package org.khronika.browser;

import org.khronika.access.Staff;
import org.khronika.registry.SaveResult;
import org.khronika.registry.Registry;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordId;
import org.khronika.access.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Accounts;
import org.khronika.access.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor enters three cases drawn from real reporting (names invented) through the web
 * interface, in Chromium with JavaScript off, and reads them back in lists, record pages
 * and histories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioBrowserIT {

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
	org.springframework.context.ApplicationContext context;

	private Staff monitor;

	private ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		this.monitor = Staff.add(this.context, "monitor", Role.EDITOR);
		this.browser = Browser.withoutJavaScript();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			screenshot("last-page");
			this.browser.quit();
		}
	}

	@Test
	void threeReportedCasesEnteredAndReadInTheBrowser() {
		open("/persons");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		click("Язык: русский");
		fill("username", "monitor");
		fill("password", Staff.PASSWORD);
		submit();
		assertThat(heading()).isEqualTo("Второй фактор");
		fill("code", this.monitor.nextCode());
		submit();
		assertThat(heading()).isEqualTo("Обзор");

		// a source for what the lawyer told us
		open("/sources/new");
		choose("kind", "Адвокат");
		fill("reference", "Защитник по делу (вымышленный)");
		fill("reliability", "A2");
		submit();
		assertThat(text()).contains("Сохранено.", "Адвокат · A2");

		// 1. arrested after his phone was tapped, charged under 207.3, custody extended
		// at a hearing
		int start = this.steps;
		int startMoves = this.moves;
		String sokolov = recordPersonAndOpenACase("Андрей Соколов\nAndrei Sokolov", "1979", "Москва");
		assertThat(chosen("person")).startsWith("Андрей Соколов · 1979 · Москва");
		choose("kind", "Уголовное");
		chooseMany("charges",
				"УК 207.3 — Публичное распространение заведомо ложной информации об использовании Вооружённых сил");
		choose("trigger", "Прослушка");
		fill("court", "Мещанский районный суд");
		choose("status", "В суде");
		pickRecent("sources", "Адвокат · A2");
		screenshot("case-form");
		submit();
		String wiretapCase = this.browser.getCurrentUrl();
		assertThat(heading()).isEqualTo("Андрей Соколов — Уголовное (УК 207.3)");
		addCaseEvent("Задержание", LocalDate.of(2025, 3, 4), null, null, "Задержан после прослушки");
		addCaseEvent("Мера пресечения", LocalDate.of(2025, 3, 6), "Заключение под стражу", LocalDate.of(2025, 5, 4),
				null);
		click("Заседание, продлившее меру");
		assertThat(new Select(field("measure")).getFirstSelectedOption().getText())
			.as("the measure in force is the one extended")
			.isEqualTo("Заключение под стражу");
		date("date", LocalDate.of(2025, 4, 30));
		date("until", LocalDate.of(2025, 8, 4));
		submit();
		assertThat(text()).contains("Сохранено.", "Заседание состоялось · 30 апр. 2025 г.",
				"Продление меры пресечения · 30 апр. 2025 г.");
		int sokolovSteps = this.steps - start;
		int sokolovFacts = sokolovSteps - (this.moves - startMoves);

		// 2. a student denounced by her father, questioned and released without charge:
		// an inquiry, no case opened
		start = this.steps;
		startMoves = this.moves;
		recordPersonAndOpenACase("Мария Лебедева", "2004", "Санкт-Петербург");
		choose("kind", "Проверка (дело не возбуждено)");
		choose("trigger", "Донос");
		choose("informant", "Родственник");
		choose("status", "Доследственная проверка");
		fill("notes", "Донос отца");
		submit();
		String fatherCase = this.browser.getCurrentUrl();
		assertThat(caseActions()).as("an inquiry has no hearings, measures or verdicts")
			.containsExactly("Задержание", "Допрос, опрос", "Обыск", "Освобождение");
		addCaseEvent("Допрос, опрос", LocalDate.of(2025, 1, 20), null, null, null);
		click("Освобождение");
		date("date", LocalDate.of(2025, 1, 20));
		fill("note", "Отпущена без обвинения");
		tick("_closeInquiry");
		submit();
		assertThat(this.browser.getCurrentUrl()).as("back on the case after each event").isEqualTo(fatherCase);
		int lebedevaSteps = this.steps - start;
		int lebedevaFacts = lebedevaSteps - (this.moves - startMoves);
		assertThat(text()).contains("Сохранено.", "Стадия", "Закрыто · Отпущен без обвинения", "Версия 2")
			.as("an inquiry charges no one and goes to no court: those fields are not shown")
			.doesNotContain("Обвинения (статьи)", "Судья");

		// 3. denounced by an acquaintance over messages in a group chat, flat searched,
		// charged under 207.3
		start = this.steps;
		startMoves = this.moves;
		String kravtsov = recordPerson("Игорь Кравцов", "1988", "Новосибирская область");
		click("Записать инцидент с этим человеком");
		assertThat(chosen("persons")).startsWith("Игорь Кравцов");
		date("date", LocalDate.of(2025, 2, 11));
		choose("region", "Новосибирская область");
		fill("locality", "Новосибирск");
		choose("type", "Личная переписка");
		fill("topic", "Сообщения в групповом чате");
		fill("detained", "1");
		submit();
		assertThat(text()).contains("11 февр. 2025 г. · Личная переписка · Новосибирская область", "Игорь Кравцов");
		click("Открыть дело: Игорь Кравцов");
		assertThat(chosen("person")).startsWith("Игорь Кравцов");
		assertThat(chosen("incidents")).as("the case arose from the incident").startsWith("11 февр. 2025 г.");
		choose("kind", "Уголовное");
		chooseMany("charges",
				"УК 207.3 — Публичное распространение заведомо ложной информации об использовании Вооружённых сил");
		choose("trigger", "Донос");
		choose("informant", "Знакомый");
		choose("status", "Следствие");
		submit();
		addCaseEvent("Обыск", LocalDate.of(2025, 2, 18), null, null, "Обыск в квартире");
		int kravtsovSteps = this.steps - start;
		int kravtsovFacts = kravtsovSteps - (this.moves - startMoves);
		// the daily work's cost, for the README: every click, choice and typed field,
		// from the new person's form to the case's last event (53, 27 and 34 before
		// the forms showed only what applies and the case page added events in one
		// step), and of those the facts the case records, which no form can spare
		System.out.printf("scenario steps: Sokolov %d (facts %d), Lebedeva %d (facts %d), Kravtsov %d (facts %d)%n",
				sokolovSteps, sokolovFacts, lebedevaSteps, lebedevaFacts, kravtsovSteps, kravtsovFacts);
		assertThat(List.of(sokolovSteps, lebedevaSteps, kravtsovSteps)).as("steps of the three seed cases")
			.containsExactly(25, 19, 24);
		assertThat(List.of(sokolovFacts, lebedevaFacts, kravtsovFacts)).as("facts typed or chosen in them")
			.containsExactly(16, 12, 16);

		// lists show all three
		open("/cases");
		assertThat(text()).contains("Андрей Соколов — Уголовное (УК 207.3)", "Прослушка", "В суде",
				"Мария Лебедева — Проверка (дело не возбуждено)", "Донос (Родственник)", "Закрыто",
				"Игорь Кравцов — Уголовное (УК 207.3)", "Донос (Знакомый)", "Следствие");
		screenshot("case-list");
		open("/persons");
		assertThat(text()).contains("Андрей Соколов", "Мария Лебедева", "Игорь Кравцов");
		open("/case-events");
		assertThat(text()).contains("Задержание · 4 мар. 2025 г.", "Продление меры пресечения · 30 апр. 2025 г.",
				"Обыск · 18 февр. 2025 г.");
		assertThat(this.browser.findElement(By.cssSelector("table.records time[datetime='2025-03-04']")).getText())
			.as("a list's titles write the day in the reader's words, the ISO day beside it for machines")
			.isEqualTo("4 мар. 2025 г.");
		assertThat(this.browser.findElement(By.xpath("//table[@class='records']//a[time[@datetime='2025-03-04']]"))
			.getText()).as("the day alone in the <time>, in the title").isEqualTo("Задержание · 4 мар. 2025 г.");

		// record pages link what belongs together
		this.browser.get(wiretapCase);
		assertThat(this.browser.findElement(By.cssSelector(".summary")).getText())
			.as("the page leads with the case's summary: custody's term ran out and nothing since says why")
			.contains("Стадия", "В суде", "Заключение под стражу", "срок истёк",
					"продление или освобождение не записаны", "УК 207.3");
		assertThat(text()).contains("Мещанский районный суд", "Задержание · 4 мар. 2025 г.",
				"Мера пресечения · 6 мар. 2025 г.", "Продление меры пресечения · 30 апр. 2025 г.", "Адвокат · A2");
		assertThat(printed()).as("a case prints to one A4 page: what it says, not the page's menus and buttons")
			.satisfies(pages -> assertThat(pages).hasSize(1))
			.satisfies(pages -> assertThat(pages.get(0).replace('\u00a0', ' ').replaceAll("\\s+", " "))
				.contains("Андрей Соколов", "В суде", "УК 207.3", "Мещанский районный суд",
						"Задержание · 4 мар. 2025 г.", "Продление меры пресечения · 30 апр. 2025 г.")
				.doesNotContain("Статистика", "Изменить", "История", "Выйти"));
		click("Продление меры пресечения · 30 апр. 2025 г.");
		assertThat(text()).contains("Заключение под стражу", "4 августа 2025 г.");
		assertThat(this.browser.findElement(By.cssSelector("dl.fields time[datetime='2025-08-04']")).getText())
			.as("a date in the reader's words, the day in ISO beside it for machines")
			.isEqualTo("4 августа 2025 г.");
		assertThat(this.browser.findElement(By.cssSelector("dl.fields time")).getCssValue("white-space"))
			.as("a date never breaks across lines")
			.isEqualTo("nowrap");
		this.browser.get(sokolov);
		assertThat(text()).contains("Andrei Sokolov", "1979", "Москва", "Андрей Соколов — Уголовное (УК 207.3)");

		screenshot("case-event");
		// histories show each version and what changed
		this.browser.get(fatherCase);
		click("История");
		assertThat(text()).contains("Версия 1", "Версия 2", "Доследственная проверка", "Закрыто", "изменено",
				"monitor");

		// the figures: cases by how they started, each figure leading to its cases
		click("Статистика");
		choose("measure", "Дела (преследования)");
		choose("by", "Повод");
		submit();
		assertThat(text()).contains("Число дел, административных и уголовных", "Донос", "Прослушка", "Итого");
		assertThat(this.browser.findElements(By.cssSelector(".chart-frame svg rect"))).isNotEmpty();
		screenshot("stats");
		navigateBy(this.browser.findElement(By.xpath("//tr[td[normalize-space()='Донос']]//a")));
		assertThat(heading()).isEqualTo("Дела (преследования)");
		assertThat(text())
			.contains("Повод: Донос", "Игорь Кравцов — Уголовное (УК 207.3) · Донос (Знакомый) · Следствие")
			.as("an inquiry is no case: the figure does not count it")
			.doesNotContain("Мария Лебедева");
		assertThat(this.browser.findElements(By.cssSelector("ol.figure-records li"))).hasSize(1);

		// a table imported from the import page, checked first, then imported
		click("Импорт");
		choose("profile", "ovdinfo-moscow-2011-2012 (Инциденты)");
		field("table").sendKeys(table().toString());
		submit();
		untilShown("Проверено: пока ничего не записано.");
		assertThat(text().replaceAll("\\s+", " ")).contains("Новых записей 2", "Отклонено строк 0");
		screenshot("import-checked");
		submit();
		untilShown("Импортировано.");
		open("/incidents");
		assertThat(text()).contains("12 июн. 2016 г. · Пикет · Москва", "13 июн. 2016 г. · Митинг · Москва");
	}

	/** The page printed on A4 as Chromium prints it: the text of each printed page. */
	private List<String> printed() {
		org.openqa.selenium.print.PrintOptions options = new org.openqa.selenium.print.PrintOptions();
		options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
		byte[] pdf = java.util.Base64.getDecoder().decode(this.browser.print(options).getContent());
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			List<String> pages = new java.util.ArrayList<>();
			org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				pages.add(stripper.getText(document));
			}
			return pages;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Whether the page shows {@code wanted}; false while it is being replaced. */
	private boolean shows(String wanted) {
		try {
			return text().contains(wanted);
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return false;
		}
	}

	/** A small table of the fixture's shape, every value invented. */
	private Path table() {
		try {
			Path file = Files.createTempFile("khronika-browser-", ".csv");
			Files.writeString(file, "date,agreement,type,subject,organizator,comment,place,total,id\n"
					+ "12.06.2016,не согласовано,пикет,Вымышленная тема,Вымышленный оргкомитет,,Сквер,3,b-1\n"
					+ "13.06.2016,согласовано,митинг,Вымышленная тема,Вымышленный оргкомитет,,Площадь,40,b-2\n");
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Waits while the page refreshes itself (a running job) until it shows
	 * {@code wanted}.
	 */
	private void untilShown(String wanted) {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		while (!shows(wanted)) {
			if (java.time.Instant.now().isAfter(deadline)) {
				throw new AssertionError("the page never showed " + wanted + ": " + text());
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * Records a new person by the form's "Save and open a case": ends on the case form,
	 * the person chosen. Returns the person's page.
	 */
	private String recordPersonAndOpenACase(String names, String birthYear, String region) {
		open("/persons/new");
		fill("names", names);
		fill("birthYear", birthYear);
		choose("region", region);
		this.steps++;
		this.moves++;
		navigateBy(this.browser.findElement(By.cssSelector("button[name=_openCase]")));
		assertThat(heading()).isEqualTo("Новое дело");
		assertThat(text()).contains("Сохранено.");
		return this.browser.findElement(By.linkText("открыть сохранённое")).getAttribute("href");
	}

	private String recordPerson(String names, String birthYear, String region) {
		open("/persons/new");
		fill("names", names);
		fill("birthYear", birthYear);
		choose("region", region);
		submit();
		assertThat(text()).contains("Сохранено.", names.split("\n")[0], birthYear, region);
		return this.browser.getCurrentUrl();
	}

	/**
	 * Adds an event from the case page the browser is on: through the page's one-step
	 * link for that kind of event where it has one, otherwise the event form with the
	 * kind chosen. Ends on the case page.
	 */
	private void addCaseEvent(String type, LocalDate date, String measure, LocalDate until, String note) {
		String casePage = this.browser.getCurrentUrl();
		if (this.browser.findElements(By.cssSelector(".case-actions a"))
			.stream()
			.anyMatch(link -> link.getText().equals(type))) {
			click(type);
		}
		else {
			click("Добавить событие в дело");
			choose("type", type);
		}
		date("date", date);
		if (measure != null) {
			choose("measure", measure);
			date("until", until);
		}
		if (note != null) {
			fill("note", note);
		}
		submit();
		assertThat(text()).as("saving %s", type).contains("Сохранено.", type + " · " + inRussian(date));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(casePage);
	}

	/** A day as Russian writes it in a title: 4 мар. 2025 г. (the JDK's CLDR data). */
	private static String inRussian(LocalDate date) {
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(java.util.Locale.forLanguageTag("ru"))
			.format(date);
	}

	/** Leaves a picture of the page in target/screenshots for a person to look at. */
	private void screenshot(String name) {
		try {
			Files.createDirectories(Path.of("target/screenshots"));
			Files.write(Path.of("target/screenshots/" + name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aPersonIsFoundByAnotherSpellingAndACaseLinkedToThemThroughTheSearchPicker() {
		Registry registry = this.context.getBean(Registry.class);
		Actor editor = new Actor("browser-editor", Role.EDITOR);
		registry.record(editor,
				org.khronika.registry.RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Клоков Александр")
					.with("birthYear", "1987")
					.with("region", "tver-oblast"));
		registry.record(editor,
				org.khronika.registry.RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Клоков Александр")
					.with("birthYear", "1990")
					.with("region", "voronezh-oblast"));
		open("/login?lang=ru");
		fill("username", this.monitor.login());
		fill("password", Staff.PASSWORD);
		submit();
		fill("code", this.monitor.nextCode());
		submit();

		fill("header-search", "Sasha Klokov");
		navigateBy(this.browser.findElement(By.cssSelector("header form button[type=submit]")));
		assertThat(this.browser.getCurrentUrl()).as("the words stay out of the address").doesNotContain("Klokov");
		assertThat(this.browser.findElements(By.cssSelector(".search-results mark"))).extracting(WebElement::getText)
			.contains("Клоков", "Александр");
		assertThat(text()).contains("Найдено: 2", "Тверская область", "Воронежская область");
		screenshot("search-results");

		open("/cases/new");
		pick("person", "Sasha Klokov", "Клоков Александр · 1987 · Тверская область");
		choose("kind", "Уголовное");
		choose("trigger", "Донос");
		choose("informant", "Родственник");
		choose("status", "Следствие");
		screenshot("case-form-picker");
		submit();
		assertThat(heading()).isEqualTo("Клоков Александр — Уголовное");
		click("Клоков Александр");
		assertThat(text()).as("the case is linked to the person chosen, not their namesake")
			.contains("1987", "Тверская область")
			.doesNotContain("Воронежская область");
	}

	@Test
	void aProposalThatTwoRecordsAreOnePersonIsConfirmedAndTheFigureCountsThemOnce() {
		Registry registry = this.context.getBean(Registry.class);
		Actor editor = new Actor("browser-editor", Role.EDITOR);
		for (String names : List.of("Чукотская Зоя Игнатьевна", "Zoya Chukotskaya")) {
			org.khronika.registry.SaveResult person = registry.record(editor,
					org.khronika.registry.RecordDraft.empty(RecordKind.PERSON)
						.with("names", names)
						.with("birthYear", "1983")
						.with("region", "chukotka-ao"));
			registry.record(editor,
					org.khronika.registry.RecordDraft.empty(RecordKind.CASE)
						.with("person", ((org.khronika.registry.SaveResult.Saved) person).id().toString())
						.with("kind", "administrative")
						.with("region", "chukotka-ao")
						.with("charges", "koap-20.3.3")
						.with("trigger", "social-media-monitoring")
						.with("status", "investigation"));
		}
		open("/login?lang=ru");
		fill("username", this.monitor.login());
		fill("password", Staff.PASSWORD);
		submit();
		fill("code", this.monitor.nextCode());
		submit();
		String figure = "/stats?measure=persons&where=region%3Dchukotka-ao";
		open(figure);
		assertThat(total()).as("two records, not yet one person").isEqualTo("2");

		click("Записано дважды?");
		navigateBy(this.browser.findElement(By.cssSelector("form[action$='/linkage/run'] button")));
		// the run goes on in the background; the page follows it by reloading itself, so
		// the
		// body read may belong to a page already gone
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElement(By.tagName("body")).getText().contains("Сравнено "));
		assertThat(text()).contains("Чукотская Зоя Игнатьевна", "Zoya Chukotskaya",
				"Чукотская = Chukotskaya (транслитерация)", "год рождения 1983 в обеих");
		screenshot("linkage-proposal");
		navigateBy(this.browser.findElement(By.cssSelector("form[action$='/linkage/confirm'] button")));
		assertThat(text()).contains("Связаны как один человек.");

		open(figure);
		assertThat(total()).as("confirmed: one person").isEqualTo("1");
	}

	/** The total of the figure on the statistics page. */
	private String total() {
		return this.browser.findElement(By.cssSelector("table.figures tfoot td")).getText().strip();
	}

	@Test
	void onAPhoneEveryMainPageFitsTheScreenAndTheMenuOpensWithoutJavaScript() {
		Staff admin = Staff.add(this.context, "phone-admin", Role.ADMIN);
		Registry registry = this.context.getBean(Registry.class);
		String caseId = saveCase(registry, new Actor("phone-editor", Role.EDITOR),
				"Константин Длиннофамильный-Многосоставный");
		// a picket last week, for the overview's last 30 days
		registry.record(new Actor("phone-editor", Role.EDITOR),
				RecordDraft.empty(RecordKind.INCIDENT)
					.with("date", LocalDate.now().minusDays(6).toString())
					.with("region", "moscow")
					.with("type", "picket")
					.with("detained", "12"));
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE, 844));
		logIn(admin);

		WebElement header = this.browser.findElement(By.cssSelector("header.top"));
		assertThat(header.getRect().getHeight()).as("the header takes one line, not a third of the screen")
			.isLessThan(80);
		assertThat(this.browser.findElements(By.linkText("Дела"))).as("the sections wait in the folded menu")
			.noneMatch(WebElement::isDisplayed);
		this.browser.findElement(By.cssSelector("details.menu-narrow > summary")).click();
		WebElement cases = this.browser.findElement(By.cssSelector("details.menu-narrow nav"))
			.findElement(By.linkText("Дела"));
		assertThat(cases.isDisplayed()).isTrue();
		navigateBy(cases);
		assertThat(heading()).isEqualTo("Дела");

		for (String page : List.of("/", "/persons", "/incidents", "/cases", "/cases/" + caseId, "/case-events",
				"/sources", "/intake", "/imports", "/stats?measure=cases&by=article", "/linkage", "/publish",
				"/publish/decisions", "/admin/users", "/admin/audit", "/account", "/search")) {
			open(page);
			Object width = this.browser.executeScript("return document.documentElement.scrollWidth");
			assertThat(((Number) width).intValue()).as("%s is no wider than the phone", page)
				.isLessThanOrEqualTo(PHONE);
			screenshot("phone-" + (page.equals("/") ? "overview" : page.startsWith("/cases/") ? "case"
					: page.substring(1).replaceAll("\\?.*", "").replace('/', '-')));
		}
		open("/");
		List<Integer> recent = this.browser.findElements(By.cssSelector(".recent-figures li span"))
			.stream()
			.map(tile -> Integer.parseInt(tile.getText().replaceAll("\\D", "")))
			.toList();
		assertThat(recent).as("the last 30 days' incidents, people detained and cases count last week's picket")
			.hasSize(3)
			.satisfies(figures -> assertThat(figures.get(1)).isGreaterThanOrEqualTo(12));
		open("/cases");
		assertThat(this.browser.findElement(By.cssSelector("table.records td")).getText())
			.as("a table is a card whose cells say what they are")
			.isNotBlank();
		assertThat(this.browser.findElement(By.cssSelector("table.records thead")).getRect().getWidth())
			.as("the header row is left to screen readers")
			.isLessThanOrEqualTo(1);
		assertThat(this.browser.findElement(By.cssSelector("table.records tr")).getRect().getWidth())
			.isLessThanOrEqualTo(PHONE);
		assertThat(this.browser.findElement(By.id("filter-status")).isDisplayed())
			.as("a list's filters are folded on a phone")
			.isFalse();
		assertThat(this.browser.findElement(By.cssSelector("table.records tbody tr")).getRect().getY())
			.as("so that its first screen shows a record")
			.isLessThan(844);
		this.browser.findElement(By.cssSelector("details.filters-box > summary")).click();
		assertThat(this.browser.findElement(By.id("filter-status")).isDisplayed()).as("and unfold at a tap").isTrue();
		open("/cases?status=investigation");
		assertThat(this.browser.findElement(By.id("filter-status")).isDisplayed())
			.as("a filtered list shows what narrows it")
			.isTrue();
		assertThat(this.browser.findElement(By.cssSelector("details.filters-box > summary")).getText())
			.isEqualTo("Фильтры и порядок (выбрано: 1)");

		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		open("/cases");
		// Selenium calls all inside a closed <details> hidden: measured instead
		screenshot("wide-list-filters");
		assertThat(this.browser.findElement(By.id("filter-status")).getRect().getHeight())
			.as("on a wider screen the filters are always unfolded")
			.isPositive();
		assertThat(this.browser.findElement(By.cssSelector("details.filters-box > summary")).isDisplayed())
			.as("with nothing to unfold them")
			.isFalse();
	}

	/** A phone's width in CSS pixels. */
	private static final int PHONE = 390;

	@Test
	void aLawyerLogsInWithTheSecondFactorAndSeesOnlyTheCaseAssignedToThem() {
		Staff lawyer = Staff.add(this.context, "browser-lawyer", Role.LAWYER);
		Actor editor = new Actor("browser-editor", Role.EDITOR);
		Registry registry = this.context.getBean(Registry.class);
		String mine = saveCase(registry, editor, "Фаина Подзащитная");
		String other = saveCase(registry, editor, "Тимур Посторонний");
		RecordId myCase = RecordKind.CASE.id(java.util.UUID.fromString(mine));
		registry.share(Staff.SETUP, myCase, registry.read(Staff.SETUP, myCase).orElseThrow().version(), false,
				List.of(lawyer.login()));

		open("/login?lang=ru");
		fill("username", lawyer.login());
		fill("password", Staff.PASSWORD);
		submit();
		assertThat(heading()).isEqualTo("Второй фактор");
		open("/cases");
		assertThat(heading()).as("nothing opens before the code").isEqualTo("Второй фактор");
		fill("code", lawyer.nextCode());
		submit();
		assertThat(heading()).isEqualTo("Обзор");

		open("/cases");
		assertThat(text()).contains("Фаина Подзащитная").doesNotContain("Тимур Посторонний");
		assertThat(this.browser.findElements(By.linkText("Новое дело"))).as("a lawyer opens no cases").isEmpty();
		click("Фаина Подзащитная — Уголовное (УК 207.3)");
		assertThat(text()).contains("Добавить событие в дело").doesNotContain("Кто видит эту запись");
		open("/cases/" + other);
		assertThat(text()).contains("Такой страницы нет").doesNotContain("Тимур Посторонний");
		screenshot("lawyer-sees-only-assigned-case");
	}

	@Test
	void aRelativeReportsADetentionFromAPhoneAndTheMonitorsTakeItIntoTheRecords() throws Exception {
		// 1. a relative reports a detention, on a phone
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		open("/report?lang=ru");
		assertThat(heading()).isEqualTo("Сообщите, что случилось");
		assertThat(this.browser.manage().getCookies()).as("the form sets no cookie").isEmpty();
		answer("what", "detention");
		date("date", LocalDate.of(2025, 2, 24));
		choose("region", "Тверская область");
		fill("place", "Тверь, отдел полиции");
		fill("person", "Вымышленный Брат Петрович");
		answer("relation", "relative");
		answer("denounced", "yes");
		choose("informant", "Коллега");
		fill("accused", "КоАП 20.3.3");
		field("needsLawyer").click();
		fill("text", "Забрали у подъезда, телефон изъяли.");
		Path photo = Files.createTempDirectory("khronika-browser-photo-").resolve("IMG_0412.jpg");
		Files.write(photo, org.khronika.intake.files.Samples.jpeg());
		field("files").sendKeys(photo.toAbsolutePath().toString());
		screenshot("report-form-phone");
		navigateBy(this.browser.findElement(By.cssSelector("main form button[type=submit]")));

		// 2. the receipt is shown, once
		assertThat(heading()).isEqualTo("Сообщение получено");
		Files.delete(photo);
		String receipt = this.browser.findElement(By.cssSelector(".receipt code")).getText();
		assertThat(receipt).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}");
		assertThat(this.browser.manage().getCookies()).isEmpty();
		screenshot("report-receipt-phone");

		// 3. an operator, at a desk, triages it and asks a question
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
		Staff operator = Staff.add(this.context, "browser-operator", Role.OPERATOR);
		logIn(operator);
		click("Сообщения (новых: 1)");
		click(shown(LocalDate.now()));
		assertThat(text()).contains("Вымышленный Брат Петрович", "Тверь, отдел полиции", "Коллега",
				"Забрали у подъезда", "Файл 1: IMG_0412.jpg (JPEG", "Exif (место, время, камера)");
		assertThat(this.browser.findElement(By.cssSelector("img.preview")).getSize().getWidth())
			.as("the cleaned photo is shown at its own width")
			.isEqualTo(24);
		fill("message", "Есть ли у него адвокат сейчас?");
		navigateBy(this.browser.findElement(By.cssSelector("form.ask button[type=submit]")));
		assertThat(text()).contains("Отправлено; сообщение ждёт ответа автора.");
		screenshot("report-triage");
		this.browser.manage().deleteAllCookies();

		// 4. the reporter answers through the status page
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		open("/report/status?lang=ru");
		fill("receipt", receipt);
		submit();
		assertThat(text()).contains("Мониторы задали вам вопрос", "Есть ли у него адвокат сейчас?");
		fill("message", "Адвоката нет, ищем.");
		navigateBy(this.browser.findElement(By.cssSelector("form.reply button[type=submit]")));
		assertThat(text()).contains("Ваше сообщение отправлено", "Состояние: на рассмотрении");
		screenshot("report-answer-phone");
		this.browser.manage().deleteAllCookies();

		// 5. an editor accepts it into a person, a case and an event
		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
		logIn(this.monitor);
		open("/intake");
		click(shown(LocalDate.now()));
		assertThat(text()).contains("Адвоката нет, ищем.");
		answer("state", "accepted");
		choose("reliability", "B2");
		navigateBy(this.browser.findElement(By.cssSelector("form.decide button[type=submit]")));
		assertThat(text()).contains("Принято: сообщение стало источником.");
		String report = this.browser.getCurrentUrl();
		navigateBy(this.browser.findElement(By.xpath("//button[text()='Записать человека из этого сообщения']")));
		assertThat(this.browser.findElement(By.id("names")).getAttribute("value"))
			.isEqualTo("Вымышленный Брат Петрович");
		fill("names", "Вымышленный Павел Петрович");
		submit();
		assertThat(text()).contains("Сохранено.", "Вымышленный Павел Петрович", "Сообщение (форма, телефон) · B2");
		this.browser.get(report);
		navigateBy(this.browser.findElement(By.xpath("//button[text()='Записать дело из этого сообщения']")));
		pick("person", "Вымышленный Павел", "Вымышленный Павел Петрович");
		choose("kind", "Административное");
		choose("status", "Следствие");
		submit();
		assertThat(text()).as("the trigger, informant and article the reporter gave")
			.contains("Сохранено.", "Донос", "Коллега", "КоАП 20.3.3", "Сообщение (форма, телефон) · B2");
		addCaseEvent("Задержание", LocalDate.of(2025, 2, 24), null, null, null);
		screenshot("report-into-records");
	}

	@Test
	void anEditorPreviewsAndPublishesASnapshotAndItsSiteOpensFromDiskAndChecks() throws Exception {
		Registry registry = this.context.getBean(Registry.class);
		Actor editor = new Actor("browser-editor", Role.EDITOR);
		String person = ((SaveResult.Saved) registry.record(editor,
				RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Семён Публичный")
					.with("region", "tver-oblast")
					.with("mayBeNamed", "true")))
			.id()
			.toString();
		RecordDraft held = RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", "criminal")
			.with("opened", "2025-06-01")
			.with("region", "tver-oblast")
			.with("charges", "uk-280.3")
			.with("trigger", "social-media-monitoring")
			.with("status", "in-court")
			.with("custodyPlace", "СИЗО-1 (вымышленное)");
		String courtCase = ((SaveResult.Saved) registry.record(editor, held)).id().toString();
		registry.record(editor,
				RecordDraft.empty(RecordKind.CASE_EVENT)
					.with("caseId", courtCase)
					.with("type", "measure-of-restraint")
					.with("date", "2025-06-02")
					.with("measure", "custody")
					.with("until", LocalDate.now().plusMonths(2).toString()));
		for (String region : List.of("tver-oblast", "tver-oblast", "moscow")) {
			registry.record(editor,
					RecordDraft.empty(RecordKind.INCIDENT)
						.with("date", "2025-06-01")
						.with("region", region)
						.with("type", "single-picket")
						.with("detained", "1"));
		}
		String decided = ((SaveResult.Saved) registry.record(editor,
				RecordDraft.empty(RecordKind.PERSON).with("names", "Роза Решённая").with("mayBeNamed", "true")))
			.id()
			.toString();
		String insult = ((SaveResult.Saved) registry.record(editor,
				held.with("person", decided).with("charges", "uk-319")))
			.id()
			.toString();
		registry.record(editor,
				RecordDraft.empty(RecordKind.CASE_EVENT)
					.with("caseId", insult)
					.with("type", "detention")
					.with("date", "2025-06-03"));
		registry.record(editor,
				RecordDraft.empty(RecordKind.CASE_EVENT)
					.with("caseId", insult)
					.with("type", "measure-of-restraint")
					.with("date", "2025-06-04")
					.with("measure", "custody")
					.with("until", LocalDate.now().plusMonths(2).toString()));
		Staff publisher = Staff.add(this.context, "publisher", Role.EDITOR);
		logIn(publisher);

		// an editor lists a person held under an article no methodology names, found by
		// name, with reasons
		click("Публикация");
		assertThat(text()).contains("Сейчас включено решением редакции: 0.");
		click("Включить человека в список или исключить из него");
		fill("reasons", "Арестована после антивоенного пикета; статья 319 — повод.");
		submit();
		assertThat(text()).as("nobody chosen yet")
			.contains("Выберите, кого включить в список: найдите человека по имени");
		pick("person", "Решённая Роза", "Роза Решённая");
		assertThat(field("reasons").getAttribute("value")).as("what was typed is kept across the search")
			.isEqualTo("Арестована после антивоенного пикета; статья 319 — повод.");
		submit();
		assertThat(text()).contains("Решение сохранено", "Роза Решённая",
				"Арестована после антивоенного пикета; статья 319 — повод.");
		click("Публикация: предпросмотр и снимки");
		assertThat(heading()).isEqualTo("Публикация");
		assertThat(text()).contains("Сейчас включено решением редакции: 1.");
		assertThat(text()).contains("Предпросмотр", "Инциденты по регионам с 24 февраля 2022 года", "Тверская область");
		screenshot("publish-preview");
		navigateBy(this.browser.findElement(By.cssSelector("form[action$='/publish'] button[type=submit]")));
		assertThat(text()).contains("Опубликовано: снимок на " + shown(LocalDate.now()));

		// the site, written to disk, opens in the browser with no server and no script
		org.khronika.publish.Snapshots snapshots = this.context.getBean(org.khronika.publish.Snapshots.class);
		Path site = Files.createTempDirectory("khronika-site");
		org.khronika.publish.SiteFiles.write(
				this.context.getBean(org.khronika.publish.Site.class).build(snapshots.latest().orElseThrow().id()),
				site);
		this.browser.get(site.resolve("index.html").toUri().toString());
		click("In English");
		assertThat(heading()).isEqualTo("Published figures");
		assertThat(text()).contains("As of " + LocalDate.now())
			.as("other tests here record incidents too: at least these three")
			.containsPattern("Incidents by region since 24 February 2022: ([3-9]|\\d\\d+)\\b");
		click("Map");
		assertThat(this.browser.findElements(By.cssSelector("svg.map a"))).as("a square per region").hasSize(85);
		screenshot("site-map");
		click("Political prisoners");
		assertThat(text())
			.contains("Семён Публичный", "Tver Oblast", "СИЗО-1 (вымышленное)", "Prosecuted for anti-war speech",
					"Роза Решённая", "Editors' decision")
			.as("the reasons stay with the editors")
			.doesNotContain("статья 319 — повод");
		screenshot("site-prisoners");
		click("Open data");
		click("datapackage.json");
		assertThat(text()).contains("https://datapackage.org/profiles/2.0/datapackage.json", "CC-BY-4.0");

		// publish verify: passes, and fails after a byte is changed
		assertThat(org.khronika.publish.SiteFiles.check(site, java.util.Optional.empty())).isEmpty();
		Path page = site.resolve("en/prisoners.html");
		Files.writeString(page, Files.readString(page).replace("Tver Oblast", "Tver Oblasx"));
		assertThat(org.khronika.publish.SiteFiles.check(site, java.util.Optional.empty()))
			.containsExactly("en/prisoners.html was changed: its SHA-256 is not the one listed");
	}

	private void logIn(Staff staff) {
		open("/login?lang=ru");
		fill("username", staff.login());
		fill("password", Staff.PASSWORD);
		submit();
		fill("code", staff.nextCode());
		submit();
		assertThat(heading()).isEqualTo("Обзор");
	}

	/** Chooses an answer of a group of radio buttons, as a tap on it does. */
	private void answer(String name, String value) {
		this.browser.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]")).click();
	}

	private static String saveCase(Registry registry, Actor editor, String name) {
		RecordDraft person = RecordDraft.empty(RecordKind.PERSON)
			.with("names", name)
			.with("birthYear", "1980")
			.with("region", "moscow");
		String personId = ((SaveResult.Saved) registry.record(editor, person)).id().toString();
		RecordDraft courtCase = RecordDraft.empty(RecordKind.CASE)
			.with("person", personId)
			.with("kind", "criminal")
			.with("charges", "УК 207.3")
			.with("trigger", "wiretap")
			.with("status", "investigation");
		return ((SaveResult.Saved) registry.record(editor, courtCase)).id().toString();
	}

	/**
	 * What the user did so far: each page opened from the menu or a link, each field
	 * typed or chosen, each box ticked, each button pressed.
	 */
	private int steps;

	/**
	 * Of the steps, those that move through the pages (a page opened, a link followed, a
	 * button pressed, a search typed): the rest are the facts recorded, each typed or
	 * chosen once.
	 */
	private int moves;

	private void open(String path) {
		this.steps++;
		this.moves++;
		this.browser.get("http://localhost:" + this.port + path);
	}

	private WebElement field(String id) {
		return this.browser.findElement(By.id(id));
	}

	private void fill(String id, String value) {
		this.steps++;
		WebElement field = field(id);
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Types a date into a date field as Chromium (en-US) expects it: month, day, year.
	 */
	private void date(String id, LocalDate date) {
		this.steps++;
		field(id).sendKeys("%02d%02d%04d".formatted(date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
	}

	private void choose(String id, String visibleText) {
		this.steps++;
		new Select(field(id)).selectByVisibleText(visibleText);
	}

	/** Ticks the boxes of several choices (no Ctrl key): a tap on each. */
	private void chooseMany(String id, String... visibleTexts) {
		for (String text : List.of(visibleTexts)) {
			this.steps++;
			WebElement label = field(id).findElements(By.tagName("label"))
				.stream()
				.filter(l -> l.getText().equals(text))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no choice " + text + " in " + id));
			label.click();
			assertThat(field(label.getAttribute("for")).isSelected()).as(text).isTrue();
		}
	}

	/**
	 * A day as a Russian page shows it, its unbreakable spaces read as the browser gives
	 * them.
	 */
	private static String shown(LocalDate day) {
		return new org.khronika.catalog.Moments(java.util.Locale.forLanguageTag("ru")).day(day).replace('\u00a0', ' ');
	}

	private void click(String linkText) {
		this.steps++;
		this.moves++;
		navigateBy(this.browser.findElement(By.linkText(linkText)));
	}

	/** Ticks a checkbox by its id. */
	private void tick(String id) {
		this.steps++;
		WebElement box = field(id);
		box.click();
		assertThat(box.isSelected()).as(id).isTrue();
	}

	/** The one-step additions a case page offers, in order. */
	private List<String> caseActions() {
		return this.browser.findElements(By.cssSelector(".case-actions a")).stream().map(WebElement::getText).toList();
	}

	/**
	 * Chooses, among the records a link field offers from the reader's last changes
	 * (nothing searched for), the one whose description starts with {@code found}.
	 */
	private void pickRecent(String field, String found) {
		WebElement candidate = this.browser.findElements(By.cssSelector("#" + field + " ul.recent li"))
			.stream()
			.filter(item -> item.getText().startsWith(found))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the picker offered no recent " + found + ": " + text()));
		this.steps++;
		candidate.findElement(By.tagName("input")).click();
	}

	/** Submits the page's form: a record form by its save button, not a find button. */
	private void submit() {
		this.steps++;
		this.moves++;
		List<WebElement> save = this.browser.findElements(By.cssSelector("main form .actions button[type=submit]"));
		navigateBy(save.isEmpty() ? this.browser.findElement(By.cssSelector("main form button[type=submit]"))
				: save.get(0));
	}

	/**
	 * Finds records for a link field by typing {@code query} and pressing its find
	 * button, then chooses the one whose description starts with {@code found}.
	 */
	private void pick(String field, String query, String found) {
		fill("find-" + field, query);
		this.steps++;
		this.moves += 2;
		navigateBy(this.browser.findElement(By.cssSelector("button[name=_find][value=" + field + "]")));
		WebElement candidate = this.browser.findElements(By.cssSelector("#" + field + " li"))
			.stream()
			.filter(item -> item.getText().startsWith(found))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the picker found no " + found + ": " + text()));
		WebElement input = candidate.findElement(By.tagName("input"));
		if (!input.isSelected()) {
			this.steps++;
			input.click();
		}
	}

	/** The description of the record chosen in a link field. */
	private String chosen(String field) {
		return this.browser.findElements(By.cssSelector("#" + field + " li"))
			.stream()
			.filter(item -> item.findElement(By.tagName("input")).isSelected())
			.map(WebElement::getText)
			.findFirst()
			.orElse("");
	}

	/** Clicks and waits until the next page has replaced this one. */
	private void navigateBy(WebElement element) {
		WebElement page = this.browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(driver -> isGone(page));
	}

	/**
	 * Whether the element's page has been replaced. Chromium says so either as a stale
	 * element or, while the old document is being torn down, as a node that no longer
	 * belongs to the document.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private String heading() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	private String text() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

}
