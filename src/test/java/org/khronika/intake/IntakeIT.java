package org.khronika.intake;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Upload;
import org.khronika.intake.files.FileKind;
import org.khronika.intake.files.MetadataRemoval;
import org.khronika.intake.files.Samples;
import org.khronika.WebSession.Response;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Role;
import org.khronika.access.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A relative reports a detention through the public form: no login and no cookie; the
 * report is sealed on arrival and answered with a receipt shown once; with the receipt
 * they see its state and may withdraw it; staff who triage open it, audited, and decide.
 * Bad input gets a message by field and leaves nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static final Pattern RECEIPT = Pattern.compile("([A-Z2-9]{4}(?:-[A-Z2-9]{4}){7})");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.intake.api-reports-per-minute", () -> "5");
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Reports reports;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	/** A reporter of their own, as their own network address: throttles count apart. */
	private static Map<String, String> from(String address) {
		return Map.of("X-Forwarded-For", address);
	}

	private static Map<String, List<String>> detention(String person) {
		Map<String, List<String>> form = new HashMap<>();
		form.put("lang", List.of("ru"));
		form.put("what", List.of("detention"));
		form.put("date", List.of("2025-02-24"));
		form.put("region", List.of("tver-oblast"));
		form.put("place", List.of("Тверь, площадь Ленина"));
		form.put("person", List.of(person));
		form.put("relation", List.of("relative"));
		form.put("denounced", List.of("yes"));
		form.put("informant", List.of("colleague"));
		form.put("accused", List.of("КоАП 20.3.3"));
		form.put("hasLawyer", List.of("no"));
		form.put("needsLawyer", List.of("yes"));
		form.put("text", List.of("Забрали после пикета, держат в отделе."));
		return form;
	}

	private static String receipt(Response page) {
		Matcher matcher = RECEIPT.matcher(page.body());
		assertThat(matcher.find()).as("a receipt on the page").isTrue();
		return matcher.group(1);
	}

	private long stored() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_report", Long.class);
		return (count != null) ? count : 0;
	}

	@Test
	void aRelativeReportsADetentionAndFollowsItWithTheReceiptWhileStaffTriageIt() {
		WebSession reporter = new WebSession(this.port);
		Response form = reporter.get("/report?lang=uk");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text()).contains("Повідомте, що сталося", "Що ми зберігаємо", "90 днів");
		assertThat(form.header("Set-Cookie")).as("the form sets no cookie").isNull();
		assertThat(form.body()).as("nothing from elsewhere").doesNotContain("src=\"http", "href=\"http", "<script");

		Response sent = reporter.post("/report", detention("Клоков Александр, брат"), from("198.51.100.21"));

		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.header("Set-Cookie")).isNull();
		assertThat(sent.header("Cache-Control")).contains("no-store");
		assertThat(sent.text()).contains("Сообщение получено", "только один раз");
		String receipt = receipt(sent);
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT received_on, channel, kind, region, state, answers, receipt_hash FROM intake_report "
					+ "WHERE kind = 'detention' AND region = 'tver-oblast'");
		assertThat(row.get("received_on")).as("the day, not the time").isEqualTo(LocalDate.now().toString());
		assertThat(row).containsEntry("channel", "web").containsEntry("state", "new");
		assertThat(new String((byte[]) row.get("answers"), java.nio.charset.StandardCharsets.ISO_8859_1)).as("sealed")
			.doesNotContain("Klokov", "Тверь")
			.doesNotContain(new String("Клоков".getBytes(java.nio.charset.StandardCharsets.UTF_8),
					java.nio.charset.StandardCharsets.ISO_8859_1));
		assertThat(row.get("receipt_hash").toString()).as("only the receipt's hash")
			.doesNotContain(receipt.replace("-", ""))
			.hasSize(64);

		Response status = reporter.post("/report/status", Map.of("receipt", List.of(receipt.toLowerCase())),
				from("198.51.100.21"));
		assertThat(status.text()).contains("Состояние: получено");

		Staff operator = Staff.add(this.context, "intake-operator-" + System.nanoTime() % 100000, Role.OPERATOR);
		WebSession staff = new WebSession(this.port).login(operator);
		assertThat(staff.get("/").text()).as("the header says reports wait")
			.containsPattern("Сообщения \\(новых: \\d+\\)");
		String list = staff.get("/intake?region=tver-oblast&what=detention").body();
		Matcher link = Pattern.compile("href=\"/intake/([0-9a-f-]{36})\"").matcher(list);
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		assertThat(list).as("the list opens nothing").doesNotContain("Клоков");

		Response opened = staff.get("/intake/" + id);
		assertThat(opened.text()).contains("Клоков Александр, брат", "Тверь, площадь Ленина", "Задержание", "Коллега",
				"Забрали после пикета");
		assertThat(opened.body()).as("the day it happened in the reader's words, as on a record's page")
			.contains("<time datetime=\"2025-02-24\">24\u00a0февр.\u00a02025\u00a0г.</time>");
		this.audit.flush();
		assertThat(this.jdbc.queryForList(
				"SELECT record_id FROM audit_trail WHERE actor = ? AND action = 'read' AND detail = 'report'",
				String.class, operator.login()))
			.as("the opening is audited")
			.contains(id);
		assertThat(reporter.post("/report/status", Map.of("receipt", List.of(receipt)), from("198.51.100.21")).text())
			.contains("на рассмотрении");

		assertThat(opened.body()).as("an operator records no sources, so does not accept")
			.doesNotContain("value=\"accepted\"");
		// the operator asks; the reporter reads the question with the receipt and answers
		staff.post("/intake/" + id + "/ask", Map.of("message", List.of("Знаете ли вы, в каком он отделе?")));
		staff.post("/intake/" + id + "/assign", Map.of("login", List.of(operator.login())));
		assertThat(staff.get("/intake?state=needs-information").text()).contains(operator.login());
		assertThat(staff.get("/").text()).as("the overview shows the work waiting")
			.contains("Ждёт внимания", "Сообщений, порученных вам: 1")
			.doesNotContain("Последние 30 дней");
		assertThat(staff.get("/intake?mine=true").body()).contains("/intake/" + id);
		Response stale = staff.get("/intake?state=reviewed&region=tver-oblast");
		assertThat(stale.status()).as("a filter the queue does not know (an old bookmark)").isEqualTo(400);
		assertThat(stale.text()).contains("Список нельзя показать: Состояние: Неизвестное значение «reviewed».")
			.doesNotContain("Нет сообщений");
		assertThat(staff.get("/intake?region=tver").text()).contains("Регион: Неизвестное значение «tver»");
		Response asked = reporter.post("/report/status", Map.of("receipt", List.of(receipt)), from("198.51.100.21"));
		assertThat(asked.text()).contains("Мониторы задали вам вопрос", "Знаете ли вы, в каком он отделе?");
		Response answered = reporter.post("/report/reply",
				Map.of("receipt", List.of(receipt), "message", List.of("В ОП Заволжский, с утра")),
				from("198.51.100.21"));
		assertThat(answered.text()).contains("Ваше сообщение отправлено", "В ОП Заволжский, с утра",
				"Состояние: на рассмотрении");
		assertThat(reporter
			.post("/report/reply", Map.of("receipt", List.of(receipt), "message", List.of(" ")), from("198.51.100.21"))
			.text()).as("an empty message").contains("Ответьте, пожалуйста");
		assertThat(staff.get("/intake/" + id).text()).contains("Автор, ", "В ОП Заволжский, с утра");
		assertThat(this.jdbc.queryForList("SELECT body FROM intake_message WHERE report_id = ?", byte[].class, id))
			.as("the messages are sealed")
			.hasSize(2)
			.allSatisfy(body -> assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1))
				.doesNotContain("Zavolzh", new String("Заволжский".getBytes(java.nio.charset.StandardCharsets.UTF_8),
						java.nio.charset.StandardCharsets.ISO_8859_1)));

		// an editor accepts it: the report becomes a source, and the forms open filled in
		Staff editor = Staff.add(this.context, "intake-editor-" + System.nanoTime() % 100000, Role.EDITOR);
		WebSession desk = new WebSession(this.port).login(editor);
		desk.get("/intake/" + id);
		desk.post("/intake/" + id + "/decide", Map.of("state", List.of("accepted"), "reliability", List.of("C3")));
		Response accepted = desk.get("/intake/" + id);
		assertThat(accepted.text()).contains("сообщение стало источником", "Записать человека из этого сообщения");
		assertThat(reporter.post("/report/status", Map.of("receipt", List.of(receipt)), from("198.51.100.21")).text())
			.contains("Состояние: принято");
		Matcher source = Pattern.compile("name=\"sources\" value=\"([0-9a-f-]{36})\"").matcher(accepted.body());
		assertThat(source.find()).isTrue();
		Map<String, List<String>> person = Map.of("_find", List.of(""), "names", List.of("Клоков Александр, брат"),
				"region", List.of("tver-oblast"), "sources", List.of(source.group(1)));
		Response filled = desk.post("/persons", person);
		assertThat(filled.status()).isEqualTo(200);
		assertThat(filled.body()).as("the person form, filled in, not saved").contains("Клоков Александр, брат");
		assertThat(filled.text()).contains("Сообщение (форма, телефон) · C3");
		Map<String, List<String>> save = new HashMap<>(person);
		save.remove("_find");
		save.put("names", List.of("Клоков Александр"));
		Response saved = desk.post("/persons", save);
		assertThat(saved.status()).as("saved: a new person").isEqualTo(302);
		assertThat(desk.follow(saved).text()).contains("Клоков Александр", "Сообщение (форма, телефон) · C3");
		assertThat(desk.get("/").text()).as("the overview: figures of the last 30 days, what the editor changed")
			.contains("Последние 30 дней", "Инциденты", "Что вы меняли последним", "Клоков Александр");

		Response unsure = reporter.post("/report/withdraw", Map.of("receipt", List.of(receipt)), from("198.51.100.21"));
		assertThat(unsure.status()).isEqualTo(422);
		assertThat(unsure.text()).contains("сначала поставьте галочку");
		Response withdrawn = reporter.post("/report/withdraw",
				Map.of("receipt", List.of(receipt), "sure", List.of("true")), from("198.51.100.21"));
		assertThat(withdrawn.text()).contains("Сообщение отозвано и удалено");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_report WHERE id = ?", Long.class, id))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_message WHERE report_id = ?", Long.class, id))
			.as("and its messages")
			.isZero();
		Response gone = reporter.post("/report/status", Map.of("receipt", List.of(receipt)), from("198.51.100.21"));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.text()).contains("Сообщения с такой квитанцией нет");
	}

	private static Map<String, List<String>> fields(String person) {
		Map<String, List<String>> fields = new HashMap<>(detention(person));
		fields.remove("needsLawyer");
		fields.put("region", List.of("pskov-oblast"));
		return fields;
	}

	private long storedFiles() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_attachment", Long.class);
		return (count != null) ? count : 0;
	}

	@Test
	void aReportCarriesAPhotoAndAPaperCleanedOfHiddenDataWithTheOriginalsSealed() throws Exception {
		WebSession reporter = new WebSession(this.port);
		byte[] photo = Samples.jpeg();
		Response sent = reporter.postMultipart("/report", fields("Ведерникова Инна"),
				List.of(new Upload("files", "IMG_2041.jpg", "image/jpeg", photo),
						new Upload("files", "повестка.pdf", "application/pdf", Samples.pdf()),
						new Upload("files", "", "application/octet-stream", new byte[0])),
				from("198.51.100.31"));
		assertThat(sent.status()).as(sent.text()).isEqualTo(200);
		String receipt = receipt(sent);
		String id = this.jdbc.queryForObject(
				"SELECT report_id FROM intake_attachment GROUP BY report_id HAVING COUNT(*) = 2 ORDER BY report_id",
				String.class);
		byte[] canary = Samples.CANARY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(this.jdbc
			.queryForList("SELECT description, cleaned, original FROM intake_attachment WHERE " + "report_id = ?", id))
			.as("an empty file field is no file; the two files are sealed, their names too")
			.hasSize(2)
			.allSatisfy(
					row -> row.values().forEach(part -> assertThat(Samples.contains((byte[]) part, canary)).isFalse()))
			.allSatisfy(row -> assertThat(
					new String((byte[]) row.get("description"), java.nio.charset.StandardCharsets.ISO_8859_1))
				.doesNotContain("IMG_2041"));

		Actor operator = new Actor("files-operator", Role.OPERATOR);
		Reports.Opened opened = this.reports.open(operator, id).orElseThrow();
		assertThat(opened.files()).extracting(Reports.FileDescription::name, Reports.FileDescription::kind)
			.containsExactly(tuple("IMG_2041.jpg", FileKind.JPEG), tuple("повестка.pdf", FileKind.PDF));
		assertThat(opened.files().get(0).removed()).contains("exif", "comment");
		assertThat(opened.files().get(1).removed()).contains("properties");

		Reports.OpenedFile cleaned = this.reports.openFile(operator, id, 0, false).orElseThrow();
		assertThat(MetadataRemoval.hidden(cleaned.content())).as("read back: no GPS, no Exif").isEmpty();
		assertThat(Samples.contains(cleaned.content(), canary)).isFalse();
		Reports.OpenedFile original = this.reports.openFile(operator, id, 0, true).orElseThrow();
		assertThat(original.original()).isTrue();
		assertThat(original.content()).as("the untouched original").isEqualTo(photo);
		this.audit.flush();
		assertThat(this.jdbc.queryForList("SELECT detail FROM audit_trail WHERE actor = ? AND record_id = ?",
				String.class, "files-operator", id))
			.as("each opening is audited, the original's as such")
			.contains("report", "report file 1", "report file 1 (original)");

		Staff staff = Staff.add(this.context, "files-triage-" + System.nanoTime() % 100000, Role.OPERATOR);
		WebSession desk = new WebSession(this.port).login(staff);
		assertThat(desk.get("/intake/" + id).text()).contains("Файл 1: IMG_2041.jpg (JPEG",
				"Exif (место, время, камера)", "Файл 2: повестка.pdf (PDF", "нетронутый оригинал");
		Response file = desk.get("/intake/" + id + "/files/1");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(file.header("Cache-Control")).contains("no-store");
		assertThat(file.headers().get("Content-Security-Policy")).as("the file's own policy, alone: no script runs")
			.containsExactly("default-src 'none'; sandbox");
		assertThat(desk.get("/intake/" + id + "/files/2?original=true").header("Content-Disposition"))
			.startsWith("attachment")
			.doesNotContain("повестка");
		assertThat(desk.get("/intake/" + id + "/files/9").status()).isEqualTo(404);
		assertThat(new WebSession(this.port).get("/intake/" + id + "/files/1").status()).as("not without logging in")
			.isIn(302, 401, 403);

		reporter.post("/report/withdraw", Map.of("receipt", List.of(receipt), "sure", List.of("true")),
				from("198.51.100.31"));
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM intake_attachment WHERE report_id = ?", Long.class, id))
			.as("withdrawn: its files are deleted with it")
			.isZero();
	}

	@Test
	void aSourceAcceptedFromAReportLeadsThoseWhoTriageBackToTheReportAndItsFiles() {
		WebSession reporter = new WebSession(this.port);
		Response sent = reporter.postMultipart("/report", fields("Озерова Алла"),
				List.of(new Upload("files", "IMG_3310.jpg", "image/jpeg", Samples.jpeg())), from("198.51.100.41"));
		assertThat(sent.status()).as(sent.text()).isEqualTo(200);
		String id = this.jdbc
			.queryForObject("SELECT r.id FROM intake_report r JOIN intake_attachment a ON a.report_id = r.id "
					+ "WHERE r.state = 'new' GROUP BY r.id HAVING COUNT(*) = 1 ORDER BY r.id", String.class);
		Staff editor = Staff.add(this.context, "origin-editor-" + System.nanoTime() % 100000, Role.EDITOR);
		WebSession desk = new WebSession(this.port).login(editor);
		desk.get("/intake/" + id);
		desk.post("/intake/" + id + "/decide", Map.of("state", List.of("accepted"), "reliability", List.of("B2")));
		String source = this.jdbc.queryForObject("SELECT source_id FROM intake_report WHERE id = ?", String.class, id);
		Response accepted = desk.get("/intake/" + id);
		assertThat(accepted.text()).contains("Принято: это сообщение — источник, на который ссылаются записи");
		assertThat(accepted.body()).as("no later decision is offered").doesNotContain("/intake/" + id + "/decide");
		desk.post("/intake/" + id + "/decide", Map.of("state", List.of("spam")));
		assertThat(desk.get("/intake/" + id).text()).as("marked as spam from a page shown before")
			.contains("Это сообщение принято: оно стало источником");
		assertThat(this.jdbc.queryForObject("SELECT state FROM intake_report WHERE id = ?", String.class, id))
			.isEqualTo("accepted");

		Response page = desk.get("/sources/" + source);
		assertThat(page.text()).contains("Принят из сообщения, присланного в Хронику; файлов при нём: 1.");
		assertThat(page.body()).contains("href=\"/intake/" + id + "\"");
		assertThat(desk.get("/sources/" + source + "?lang=en").text())
			.contains("Accepted from a report sent to Khronika, with one file.", "Open the report");

		Staff analyst = Staff.add(this.context, "origin-analyst-" + System.nanoTime() % 100000, Role.ANALYST);
		Response analysts = new WebSession(this.port).login(analyst).get("/sources/" + source);
		assertThat(analysts.status()).as("an analyst reads the source").isEqualTo(200);
		assertThat(analysts.body()).as("but triages no reports, so is shown no way to one")
			.doesNotContain("/intake/" + id)
			.doesNotContain("Принят из сообщения");

		reporter.post("/report/withdraw", Map.of("receipt", List.of(receipt(sent)), "sure", List.of("true")),
				from("198.51.100.41"));
		assertThat(desk.get("/sources/" + source).body())
			.as("withdrawn by its reporter: the source stays, " + "without a way to a report that is gone")
			.doesNotContain("/intake/" + id)
			.contains("Report " + id.substring(0, 8));
	}

	@Test
	void filesThatCannotBeTakenGetAMessageEachAndNothingIsStored() {
		WebSession reporter = new WebSession(this.port);
		long reports = stored();
		long files = storedFiles();
		byte[] jpeg = Samples.jpeg();

		List<Upload> six = java.util.stream.IntStream.rangeClosed(1, 6)
			.mapToObj(n -> new Upload("files", "photo" + n + ".jpg", "image/jpeg", jpeg))
			.toList();
		Response tooMany = reporter.postMultipart("/report", fields("Кто-то"), six, from("198.51.100.32"));
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.text()).contains("не больше 5 файлов", "выберите их, пожалуйста, ещё раз");

		byte[] large = java.util.Arrays.copyOf(jpeg, 20_000_001);
		Response refused = reporter.postMultipart("/report", fields("Кто-то"),
				List.of(new Upload("files", "notes.jpg", "image/jpeg",
						"this is text, not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
						new Upload("files", "setup.exe", "application/octet-stream", new byte[] { 'M', 'Z', 0, 0 }),
						new Upload("files", "cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, 40)),
						new Upload("files", "big.jpg", "image/jpeg", large),
						new Upload("files", "empty.pdf", "application/pdf", new byte[0])),
				from("198.51.100.32"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("notes.jpg — такие файлы мы не принимаем",
				"setup.exe — такие файлы мы не принимаем", "cut.jpg не читается как файл JPEG", "big.jpg больше 20 МБ",
				"empty.pdf — пустой файл");
		assertThat(refused.body()).as("what was typed is kept").contains("Кто-то");

		Response disguised = reporter.postMultipart("/report", fields("Кто-то"),
				List.of(new Upload("files", "scan.jpg", "image/jpeg", Samples.pdf())), from("198.51.100.32"));
		assertThat(disguised.status()).isEqualTo(422);
		assertThat(disguised.text()).contains("scan.jpg назван файлом JPEG, но им не является");

		Map<String, List<String>> longText = fields("Кто-то");
		longText.put("text", List.of("x".repeat(10 * 1024 * 1024)));
		Response tooLarge = reporter.postMultipart("/report", longText,
				List.of(new Upload("files", "photo.jpg", "image/jpeg", jpeg)), from("198.51.100.32"));
		assertThat(tooLarge.status()).as("a 10 MB text field, refused before sealing").isEqualTo(413);
		assertThat(tooLarge.text()).contains("Отправлено слишком много");

		assertThat(stored()).as("nothing half-stored").isEqualTo(reports);
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void badInputGetsAMessageByFieldAndNothingIsStored() throws Exception {
		WebSession reporter = new WebSession(this.port);
		long before = stored();

		Response empty = reporter.post("/report", Map.of("lang", List.of("ru")), from("198.51.100.22"));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.text()).contains("Сообщение не отправлено", "Ответьте, пожалуйста, на этот вопрос.");

		Map<String, List<String>> wrong = detention("Кто-то");
		wrong.put("what", List.of("arson"));
		wrong.put("date", List.of("2999-01-01"));
		wrong.put("region", List.of("atlantis"));
		wrong.put("text", List.of("я".repeat(ReportAnswers.LONG + 1)));
		Response refused = reporter.post("/report", wrong, from("198.51.100.22"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("Выберите один из предложенных ответов.", "Эта дата ещё не наступила.",
				"Слишком длинно: не больше 20");
		assertThat(refused.body()).as("what was typed is kept in the form").contains("Кто-то");
		assertThat(refused.body()).as("the list above a long form names each marked question and links to it")
			.contains("<a href=\"#date\">Когда это случилось? — Эта дата ещё не наступила.</a>", "<a href=\"#what\">")
			.contains("<fieldset id=\"what\"");

		Map<String, List<String>> huge = detention("Кто-то");
		huge.put("text", List.of("x".repeat(2 * 1024 * 1024)));
		Response tooLarge = reporter.post("/report", huge, from("198.51.100.22"));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.text()).contains("Отправлено слишком много");

		// bytes that are not UTF-8, as a misconfigured browser sends them
		java.net.http.HttpResponse<String> garbled = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/report"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", "ru")
				.header("X-Forwarded-For", "198.51.100.22")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("what=detention&relation=self&person=%D0%9A%FF%FE"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(garbled.statusCode()).isEqualTo(422);
		assertThat(garbled.body()).as("said, not asked for again as if nothing had been typed")
			.contains("Браузер прислал текст не в UTF-8");

		assertThat(stored()).as("nothing half-stored").isEqualTo(before);

		assertThat(reporter.post("/report/status", Map.of("receipt", List.of("not a receipt")), from("198.51.100.22"))
			.text()).contains("Это не квитанция");
		assertThat(reporter.post("/report/status", Map.of("receipt", List.of("")), from("198.51.100.22")).text())
			.contains("Введите квитанцию");
	}

	@Test
	void guessingReceiptsIsSlowedDown() {
		WebSession guesser = new WebSession(this.port);
		int refused = 0;
		for (int i = 0; i < 15; i++) {
			Response answer = guesser.post("/report/status",
					Map.of("receipt", List.of("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHH" + "JKLMNPQRSTUVWXYZ".charAt(i))),
					from("198.51.100.23"));
			if (answer.status() == 429) {
				refused++;
				assertThat(answer.text()).contains("Подождите минуту");
			}
		}
		assertThat(refused).as("ten tries a minute from one network").isEqualTo(5);
	}

	@Test
	void anOperatorEntersAReportTakenByPhoneAndReadsTheCallerTheirReceipt() throws Exception {
		Staff operator = Staff.add(this.context, "intake-phone-" + System.nanoTime() % 100000, Role.OPERATOR);
		WebSession staff = new WebSession(this.port).login(operator);
		assertThat(staff.get("/intake/new").text()).contains("Сообщение, принятое по телефону", "Что случилось?");

		java.net.http.HttpResponse<String> garbled = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/intake/new"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", "ru")
				.header("Cookie", "JSESSIONID=" + staff.sessionCookie())
				.header("Accept", "text/html")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("what=detention&person=%FF%FE"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(garbled.statusCode()).as("a staff form that is not UTF-8").isEqualTo(400);
		assertThat(garbled.body()).contains("Форму не удалось прочитать");

		Response refused = staff.post("/intake/new", Map.of("person", List.of("Звонивший о брате")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("Ответьте, пожалуйста, на этот вопрос.");

		Map<String, List<String>> call = detention("Телефонный Иван");
		call.put("region", List.of("perm-krai"));
		Response saved = staff.post("/intake/new", call);
		assertThat(saved.text()).contains("Сообщение сохранено", "Продиктуйте звонящему квитанцию");
		Receipt receipt = Receipt.parse(receipt(saved)).orElseThrow();
		assertThat(this.reports.status(receipt)).hasValue(ReportState.NEW);
		assertThat(this.jdbc.queryForList("SELECT channel FROM intake_report WHERE region = 'perm-krai'", String.class))
			.containsExactly("phone");
	}

	@Test
	void aBotHandsInAReportUnderAnIntakeTokenThatMayDoNothingElse() {
		String token = this.reports.createToken(Staff.SETUP, "bot-" + System.nanoTime() % 100000);
		org.khronika.registry.api.ApiClient bot = new org.khronika.registry.api.ApiClient(this.port, token);

		String photo = java.util.Base64.getEncoder().encodeToString(Samples.png());
		org.khronika.registry.api.ApiClient.Answer created = bot.post("/reports",
				Map.of("what", "search", "region", "perm-krai", "person", "Ботов Семён", "relation", "self",
						"needsLawyer", true, "text", "Обыск дома утром", "files",
						List.of(Map.of("name", "протокол.png", "type", "image/png", "content", photo))));

		assertThat(created.status()).isEqualTo(201);
		String receipt = created.get("receipt");
		assertThat(this.reports.status(Receipt.parse(receipt).orElseThrow())).hasValue(ReportState.NEW);
		assertThat(this.jdbc.queryForList("SELECT channel FROM intake_report WHERE kind = 'search' AND region = ?",
				String.class, "perm-krai"))
			.contains("api");
		String id = this.jdbc.queryForObject(
				"SELECT id FROM intake_report WHERE region = 'perm-krai' AND attachment_key IS NOT NULL", String.class);
		Reports.OpenedFile file = this.reports.openFile(new Actor("api-reader", Role.OPERATOR), id, 0, false)
			.orElseThrow();
		assertThat(file.description().name()).isEqualTo("протокол.png");
		assertThat(file.description().removed()).contains("exif", "text");
		assertThat(MetadataRemoval.hidden(file.content())).isEmpty();
		org.khronika.registry.api.ApiClient.Answer badFiles = bot.post("/reports",
				Map.of("what", "search", "person", "Ботов Семён", "relation", "self", "files",
						List.of(Map.of("name", "a.png", "content", "not base64 at all!"), "a string",
								Map.of("name", "b.jpg", "content", photo))));
		assertThat(badFiles.status()).isEqualTo(400);
		assertThat(badFiles.<List<Map<String, Object>>>get("errors")).extracting(e -> e.get("field"))
			.containsExactly("files[0].content", "files[1]");
		org.khronika.registry.api.ApiClient.Answer disguised = bot.post("/reports", Map.of("what", "search", "person",
				"Ботов Семён", "relation", "self", "files", List.of(Map.of("name", "b.jpg", "content", photo))));
		assertThat(disguised.status()).isEqualTo(422);
		assertThat(disguised.<List<Map<String, Object>>>get("errors"))
			.extracting(e -> e.get("field"), e -> e.get("code"))
			.containsExactly(tuple("files", "file.claim"));

		org.khronika.registry.api.ApiClient.Answer invalid = bot.post("/reports",
				Map.of("what", "arson", "relation", "self", "nickname", "x"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json()).containsEntry("code", "validation");
		assertThat(invalid.<List<Map<String, Object>>>get("errors")).extracting(e -> e.get("field"))
			.containsExactly("nickname");
		org.khronika.registry.api.ApiClient.Answer unknown = bot.post("/reports",
				Map.of("what", "arson", "relation", "self"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.<List<Map<String, Object>>>get("errors")).extracting(e -> e.get("field"))
			.containsExactlyInAnyOrder("what", "person");

		// five a minute here: a dozen more in a row cannot all go in, even across a
		// minute's turn
		List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			statuses.add(bot.post("/reports", Map.of("what", "search", "person", "Поток " + i, "relation", "self"))
				.status());
		}
		assertThat(statuses).contains(429).filteredOn(status -> status == 201).hasSizeLessThanOrEqualTo(10);

		assertThat(bot.get("/persons").status()).as("an intake token opens nothing").isEqualTo(401);
		assertThat(new org.khronika.registry.api.ApiClient(this.port, "khronika-intake-guess")
			.post("/reports", Map.of("what", "search"))
			.status()).isEqualTo(401);
		String label = this.jdbc.queryForObject("SELECT label FROM intake_token WHERE revoked = FALSE", String.class);
		assertThat(this.reports.revokeToken(Staff.SETUP, label)).isTrue();
		assertThat(bot.post("/reports", Map.of("what", "search")).status()).as("revoked").isEqualTo(401);
		assertThat(this.reports.revokeToken(Staff.SETUP, label)).as("revoked already: there is such a token").isTrue();
		assertThat(this.audit.byUser(Staff.SETUP, Staff.SETUP.login(), 100))
			.as("who made the token and who revoked it, once, are on the audit trail")
			.extracting(AuditTrail.Item::action, AuditTrail.Item::detail)
			.containsSubsequence(tuple("account-intake-token-revoked", label),
					tuple("account-intake-token-created", label + " " + this.jdbc.queryForObject(
							"SELECT SUBSTR(token_hash, 1, 12) FROM intake_token WHERE label = ?", String.class, label)))
			.filteredOn(item -> item.equals(tuple("account-intake-token-revoked", label)))
			.hasSize(1);
	}

	@Test
	void anIntakeTokenWrittenIntoTheTableBehindTheLogsBackIsNamedUntilTheLogRevokesIt() {
		org.khronika.registry.DeepCheck check = this.context.getBean(org.khronika.registry.DeepCheck.class);
		String made = "a-made-bot-" + System.nanoTime() % 100000;
		this.reports.createToken(Staff.SETUP, made);
		String planted = "an-unmade-bot-" + System.nanoTime() % 100000;
		this.jdbc.update("INSERT INTO intake_token (token_hash, label, created_on, revoked) VALUES (?, ?, ?, FALSE)",
				"0a1b2c3d4e5f".repeat(5) + "0a1b", planted, "2026-12-05");
		try {
			assertThat(check.run().differences()).as("as a token made before tokens were audited would be")
				.filteredOn(difference -> difference.startsWith("intake token"))
				.containsExactly(
						"intake token " + planted + " (0a1b2c3d4e5f) is in the table, but no log entry made it");
		}
		finally {
			assertThat(this.reports.revokeToken(Staff.SETUP, planted)).isTrue();
			this.reports.revokeToken(Staff.SETUP, made);
		}
		assertThat(check.run().differences()).as("revoked through Khronika, it is harmless and named no more")
			.filteredOn(difference -> difference.startsWith("intake token"))
			.isEmpty();
	}

	@Test
	void aReportChangedInItsTableShowsItsSummaryOnlySayingSoAndCanStillBeClosed() {
		Map<String, List<String>> report = new HashMap<>(detention("Тимур Испорченный"));
		report.put("region", List.of("pskov-oblast"));
		new WebSession(this.port).post("/report", report, from("198.51.100.61"));
		String id = this.jdbc.queryForObject("SELECT id FROM intake_report WHERE region = 'pskov-oblast'",
				String.class);
		byte[] answers = this.jdbc.queryForObject("SELECT answers FROM intake_report WHERE id = ?", byte[].class, id);
		byte[] flipped = answers.clone();
		flipped[flipped.length - 1] ^= 1;
		this.jdbc.update("UPDATE intake_report SET answers = ? WHERE id = ?", flipped, id);
		WebSession staff = new WebSession(this.port)
			.login(Staff.add(this.context, "intake-reader-" + System.nanoTime() % 100000, Role.EDITOR));

		Response opened = staff.get("/intake/" + id);

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.text())
			.contains("Задержание", "Это сообщение не открывается: его изменили или перенесли в обход Хроники",
					"Закрыть", "Спам")
			.doesNotContain("Испорченный", "Тверь", "Принять", "Спросить");
		assertThat(staff.post("/intake/" + id + "/decide", Map.of("state", List.of("closed"))).status()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("SELECT state FROM intake_report WHERE id = ?", String.class, id))
			.isEqualTo("closed");
	}

	@Test
	void aPageWhoseSealedContentDoesNotOpenSaysSoInItsOwnWordsAndShowsNothingOfIt() {
		WebSession reporter = new WebSession(this.port);
		Map<String, List<String>> report = new HashMap<>(detention("Тимур Неразборчивый"));
		report.put("region", List.of("omsk-oblast"));
		String receipt = receipt(reporter.post("/report", report, from("198.51.100.62")));
		String id = this.jdbc.queryForObject("SELECT id FROM intake_report WHERE region = 'omsk-oblast'", String.class);
		WebSession staff = new WebSession(this.port)
			.login(Staff.add(this.context, "intake-asker-" + System.nanoTime() % 100000, Role.OPERATOR));
		staff.get("/intake/" + id);
		staff.post("/intake/" + id + "/ask", Map.of("message", List.of("Где его держат?")));
		byte[] body = this.jdbc.queryForObject("SELECT body FROM intake_message WHERE report_id = ?", byte[].class, id);
		body[body.length - 1] ^= 1;
		this.jdbc.update("UPDATE intake_message SET body = ? WHERE report_id = ?", body, id);

		Response status = reporter.post("/report/status", Map.of("receipt", List.of(receipt)), from("198.51.100.62"));

		assertThat(status.status()).isEqualTo(500);
		assertThat(status.text()).contains(
				"Часть того, что показывает эта страница, не открывается: её изменили или перенесли в обход Хроники")
			.doesNotContain("Неразборчивый", "Где его держат", "Exception", "SealedData");
	}

	@Test
	void onlyThoseWhoTriageSeeTheQueue() {
		for (Role role : List.of(Role.LAWYER, Role.ANALYST)) {
			Staff other = Staff.add(this.context, "intake-" + role.code() + "-" + System.nanoTime() % 100000, role);
			WebSession web = new WebSession(this.port).login(other);
			assertThat(web.get("/intake").status()).as(role.code()).isEqualTo(403);
			assertThat(web.get("/intake/new").status()).as(role.code()).isEqualTo(403);
		}
	}

	@Test
	void reportsNotAcceptedAreDeletedAfterTheirRetentionAndNoneASourceCites() {
		Receipt stale = this.reports.submit(answers("Старое сообщение"), Reports.Channel.PHONE);
		Receipt kept = this.reports.submit(answers("Принятое сообщение"), Reports.Channel.PHONE);
		Receipt fresh = this.reports.submit(answers("Свежее сообщение"), Reports.Channel.PHONE);
		Receipt cited = this.reports.submit(answers("Процитированное сообщение"), Reports.Channel.PHONE);
		String old = LocalDate.now().minusDays(this.reports.retentionDays() + 1).toString();
		// a source cites it, though its state says otherwise (an earlier build let a
		// later
		// decision change an accepted report's state)
		this.jdbc.update(
				"UPDATE intake_report SET changed_on = ?, state = 'spam', source_id = ? WHERE receipt_hash = ?", old,
				java.util.UUID.randomUUID().toString(), cited.hash());
		this.jdbc.update("UPDATE intake_report SET changed_on = ? WHERE receipt_hash = ?", old, stale.hash());
		this.jdbc.update("UPDATE intake_report SET changed_on = ?, state = 'accepted' WHERE receipt_hash = ?", old,
				kept.hash());

		assertThat(this.reports.deleteExpired()).isEqualTo(1);

		assertThat(this.reports.status(stale)).isEmpty();
		assertThat(this.reports.status(kept)).hasValue(ReportState.ACCEPTED);
		assertThat(this.reports.status(fresh)).hasValue(ReportState.NEW);
		assertThat(this.reports.status(cited)).as("a report a source cites is never deleted").isPresent();
	}

	private static ReportAnswers answers(String person) {
		return new ReportAnswers("search", null, "moscow", null, person, "witness", null, null, null, null, false, null,
				null);
	}

}
