package org.khronika.leaks;

import org.khronika.access.Staff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.khronika.TestApplication;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.access.Accounts;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.ListQuery;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enters invented identifying strings through every input path (web forms, edits,
 * rejected forms, the JSON API), searches for them (so that the search index holds them
 * and the audit trail holds the searches), and then looks for them in every byte Khronika
 * left behind. They must be readable through the application and nowhere else.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class CanaryLeakTestBase {

	static final FileTime STARTED = FileTime.from(Instant.now());

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Registry registry;

	@Autowired
	org.springframework.context.ApplicationContext context;

	abstract Path dataDirectory();

	/** Extra raw storage to search (a database dump), by a label. */
	abstract Map<String, byte[]> databaseDump() throws Exception;

	@Test
	void identifyingDataIsReadableThroughKhronikaAndNowhereOnDisk(CapturedOutput output) throws Exception {
		enterCanariesThroughTheWebForms();
		enterCanariesThroughTheReportForm();
		enterCanariesThroughTheApi();
		importCanariesKeyedByTheirNames();
		searchForTheCanaries();
		publishTheSite();
		backUp();

		assertThat(this.registry.list(Staff.SETUP, ListQuery.of(RecordKind.PERSON, 0, 500), true).page().items())
			.as("the canaries were stored and open in memory")
			.anySatisfy(p -> assertThat(((PersonDetails) p.details()).names()).contains(Canaries.LATIN_NAME,
					Canaries.CYRILLIC_NAME));

		assertThat(Canaries.filesHoldingCanaries(dataDirectory(), null)).as("files in the data directory").isEmpty();
		assertThat(Canaries.filesHoldingCanaries(Path.of(System.getProperty("java.io.tmpdir")), STARTED))
			.as("temporary files")
			.isEmpty();
		assertThat(Canaries.foundIn(output.getAll().getBytes(StandardCharsets.UTF_8))).as("console and application log")
			.isEmpty();
		for (Map.Entry<String, byte[]> dump : databaseDump().entrySet()) {
			assertThat(dump.getValue().length).as(dump.getKey() + " is a real dump").isGreaterThan(1000);
			assertThat(Canaries.foundIn(dump.getValue())).as(dump.getKey()).isEmpty();
		}
	}

	/**
	 * A backup taken while the server runs, written into the data directory, whose search
	 * then covers it: it is encrypted whole.
	 */
	private void backUp() throws Exception {
		Path backup = dataDirectory().resolve("canaries.backup");
		org.khronika.backup.Backups.Summary summary = org.khronika.backup.Backups.write(backup, dataDirectory(),
				this.context.getBean(org.khronika.crypto.KeyringUnlock.class).get(),
				this.context.getBean(javax.sql.DataSource.class), rows -> {
				});
		assertThat(summary.rows()).as("the backup holds the rows").isGreaterThan(10);
		assertThat(java.nio.file.Files.size(backup)).isGreaterThan(1000);
	}

	private void enterCanariesThroughTheWebForms() {
		Staff monitor = Staff.add(this.context, "monitor", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(monitor);

		web.get("/sources/new");
		String source = id(web.post("/sources", Map.of("kind", List.of("lawyer"), "reference",
				List.of(Canaries.REFERENCE), "reliability", List.of("B2"), "note", List.of(Canaries.NOTE))));
		web.get("/persons/new");
		String person = id(web.post("/persons",
				Map.of("names", List.of(Canaries.LATIN_NAME + "\n" + Canaries.CYRILLIC_NAME), "birthYear",
						List.of("1990"), "contacts", List.of(Canaries.CONTACT + ", " + Canaries.PHONE), "notes",
						List.of(Canaries.NOTE), "sources", List.of(source))));
		web.get("/persons/" + person + "/edit");
		web.post("/persons/" + person,
				Map.of("version", List.of("1"), "names", List.of(Canaries.CYRILLIC_NAME + "\n" + Canaries.LATIN_NAME),
						"contacts", List.of(Canaries.PHONE), "notes", List.of(Canaries.DESCRIPTION)));
		web.get("/incidents/new");
		id(web.post("/incidents",
				Map.of("date", List.of("2025-02-24"), "region", List.of("moscow"), "type", List.of("single-picket"),
						"persons", List.of(person), "description",
						List.of(Canaries.DESCRIPTION + " " + Canaries.CYRILLIC_NAME))));
		web.get("/cases/new");
		String courtCase = id(web.post("/cases",
				Map.of("person", List.of(person), "kind", List.of("criminal"), "charges", List.of("uk-207.3"),
						"trigger", List.of("denunciation"), "informant", List.of("colleague"), "status",
						List.of("investigation"), "notes", List.of(Canaries.NOTE + " " + Canaries.LATIN_NAME))));
		web.get("/case-events/new");
		id(web.post("/case-events", Map.of("caseId", List.of(courtCase), "type", List.of("search"), "date",
				List.of("2025-03-01"), "note", List.of(Canaries.DESCRIPTION))));
		// held in custody: a prisoner, but one who never consented to be named
		web.get("/case-events/new");
		id(web.post("/case-events",
				Map.of("caseId", List.of(courtCase), "type", List.of("measure-of-restraint"), "date",
						List.of("2025-03-02"), "measure", List.of("custody"), "until",
						List.of(java.time.LocalDate.now().plusMonths(2).toString()))));
		// a rejected form carries the canaries too: they must not reach a log either
		web.get("/persons/new");
		Response rejected = web.post("/persons", Map.of("names", List.of(Canaries.LATIN_NAME), "birthYear",
				List.of(Canaries.CYRILLIC_NAME), "contacts", List.of(Canaries.CONTACT)));
		assertThat(rejected.status()).isEqualTo(422);
		assertThat(web.get("/persons/" + person).text()).contains(Canaries.CYRILLIC_NAME, Canaries.PHONE);
		assertThat(web.get("/persons/" + person + "/history").text()).contains(Canaries.CONTACT, Canaries.NOTE);
	}

	/**
	 * A report through the public form, from a browser and an address that name the
	 * reporter, with the canaries in its answers and a photo whose Exif holds a GPS
	 * position and the phone's make; its state looked up with the receipt; opened in the
	 * triage queue, where they must read back; a question and an answer with the canaries
	 * in them; and reports with them by phone and through the API: every path a report
	 * takes.
	 */
	private void enterCanariesThroughTheReportForm() {
		WebSession reporter = new WebSession(this.port);
		Map<String, String> revealing = Map.of("User-Agent", Canaries.USER_AGENT, "X-Forwarded-For", Canaries.ADDRESS);
		byte[] photo = org.khronika.intake.files.Samples.jpeg();
		Response receipt = reporter.postMultipart("/report",
				Map.of("what", List.of("detention"), "region", List.of("moscow"), "person",
						List.of(Canaries.CYRILLIC_NAME), "relation", List.of("relative"), "contact",
						List.of(Canaries.CONTACT), "text", List.of(Canaries.DESCRIPTION + " " + Canaries.LATIN_NAME)),
				List.of(new WebSession.Upload("files", Canaries.PHOTO_NAME, "image/jpeg", photo),
						new WebSession.Upload("files", "paper.pdf", "application/pdf", brokenPdf())),
				revealing);
		assertThat(receipt.status()).isEqualTo(200);
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){7}")
			.matcher(receipt.body());
		assertThat(code.find()).isTrue();
		assertThat(reporter.post("/report/status", Map.of("receipt", List.of(code.group())), revealing).text())
			.contains("получено");
		// a rejected report carries them too
		assertThat(reporter.post("/report", Map.of("person", List.of(Canaries.LATIN_NAME)), revealing).status())
			.isEqualTo(422);

		Staff triage = Staff.add(this.context, "triage", Role.OPERATOR);
		WebSession staff = new WebSession(this.port).login(triage);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/intake/([0-9a-f-]{36})\"")
			.matcher(staff.get("/intake").body());
		assertThat(link.find()).isTrue();
		String report = link.group(1);
		assertThat(staff.get("/intake/" + report).text()).contains(Canaries.CYRILLIC_NAME, Canaries.CONTACT,
				Canaries.DESCRIPTION, Canaries.PHOTO_NAME);
		// the photo staff see has no GPS, read back with a metadata library; the sealed
		// original, opened on purpose, is the photo as it was sent
		byte[] cleaned = staff.getBytes("/intake/" + report + "/files/1");
		assertThat(org.khronika.intake.files.MetadataRemoval.hidden(cleaned)).isEmpty();
		assertThat(org.khronika.intake.files.MetadataRemoval.hidden(photo)).contains("GPS");
		assertThat(staff.getBytes("/intake/" + report + "/files/1?original=true")).isEqualTo(photo);

		// the conversation both ways
		staff.post("/intake/" + report + "/ask", Map.of("message", List.of("Is " + Canaries.LATIN_NAME + " held?")));
		assertThat(reporter
			.post("/report/reply", Map.of("receipt", List.of(code.group()), "message", List.of(Canaries.PHONE)),
					revealing)
			.text()).contains(Canaries.LATIN_NAME, Canaries.PHONE);
		assertThat(staff.get("/intake/" + report).text()).contains(Canaries.PHONE);

		// by phone, and through the API
		staff.get("/intake/new");
		assertThat(staff
			.post("/intake/new",
					Map.of("what", List.of("search"), "person", List.of(Canaries.LATIN_NAME), "relation",
							List.of("self"), "text", List.of(Canaries.NOTE)))
			.text()).contains("Сообщение сохранено");
		String token = this.context.getBean(org.khronika.intake.Reports.class).createToken(Staff.SETUP, "canary-bot");
		org.khronika.registry.api.ApiClient bot = new org.khronika.registry.api.ApiClient(this.port, token);
		assertThat(bot
			.post("/reports", Map.of("what", "threat", "person", Canaries.CYRILLIC_NAME, "relation", "friend",
					"contact", Canaries.CONTACT))
			.status()).isEqualTo(201);
	}

	/**
	 * A PDF that PDFBox repairs as it reads it, with a canary in a line of its
	 * cross-reference table: PDFBox's warning about it quotes the line.
	 */
	private static byte[] brokenPdf() {
		return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
				+ "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\n"
				+ "endobj\nxref\n0 4\n" + Canaries.LATIN_NAME + "\ntrailer\n<< /Root 1 0 R >>\nstartxref\n170\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Imports a table of persons whose profile keys each row by the person's name: the
	 * key is kept as a keyed fingerprint and sealed, and opens for
	 * {@code linkage clusters}.
	 */
	private void importCanariesKeyedByTheirNames() throws IOException {
		Staff.add(this.context, "canary-importer", Role.EDITOR);
		org.khronika.imports.Importer importer = this.context.getBean(org.khronika.imports.Importer.class);
		org.khronika.imports.MappingProfile profile = org.khronika.imports.MappingProfile.read("canaries.yaml", """
				name: canaries-by-name
				kind: person
				key: [name]
				fields:
				  names: { column: name }
				""");
		java.nio.file.Path table = java.nio.file.Files.createTempFile("canaries", ".csv");
		try {
			java.nio.file.Files.writeString(table, "name\n" + Canaries.CYRILLIC_NAME + "\n", StandardCharsets.UTF_8);
			org.khronika.imports.ImportReport report = importer.run(
					new org.khronika.access.Actor("canary-importer", Role.EDITOR), profile, table, false,
					(phase, rows, fraction) -> {
					});
			assertThat(report.created()).as(report.problems().toString()).isEqualTo(1);
		}
		finally {
			java.nio.file.Files.delete(table);
		}
		assertThat(importer.rowKeys()).as("the key opens through Khronika")
			.containsValue("canaries-by-name:" + Canaries.CYRILLIC_NAME);
	}

	/**
	 * Searches for the canaries on the results page, from the API, in a form's picker and
	 * in the publishing page's decision form: the index then holds them, and the audit
	 * trail holds the searches' words.
	 */
	private void searchForTheCanaries() throws IOException, InterruptedException {
		Staff searcher = Staff.add(this.context, "searcher", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(searcher);
		web.get("/search");
		Response results = web.follow(web.post("/search", Map.of("q", List.of(Canaries.LATIN_NAME))));
		assertThat(results.text()).as("found through the index").contains(Canaries.CYRILLIC_NAME);
		web.get("/cases/new");
		Response picker = web.post("/cases", Map.of("_find", List.of("person"), "find.person",
				List.of(Canaries.CYRILLIC_NAME), "kind", List.of("criminal")));
		assertThat(picker.text()).as("offered by the picker").contains(Canaries.CYRILLIC_NAME);
		web.get("/publish/decisions");
		Response decision = web.post("/publish/decisions",
				Map.of("_find", List.of("person"), "q", List.of(Canaries.LATIN_NAME)));
		assertThat(decision.text()).as("offered to be listed by decision").contains(Canaries.CYRILLIC_NAME);
		String token = this.tokens.create(Staff.SETUP, "searcher", Role.EDITOR, "canaries",
				java.time.Duration.ofDays(1));
		java.net.http.HttpResponse<String> api = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/search?q="
						+ java.net.URLEncoder.encode(Canaries.NOTE, StandardCharsets.UTF_8)))
				.header("Authorization", "Bearer " + token)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).as("found from the API").contains("\"total\":");
	}

	/**
	 * An editor previews and publishes a snapshot at {@code /publish}; its site, every
	 * file of it, holds none of the canaries (the canary person is held in custody but
	 * never consented to be named), and {@code /public/} serves it to anyone, nothing
	 * else.
	 */
	private void publishTheSite() {
		Staff publisher = Staff.add(this.context, "publisher", Role.EDITOR);
		WebSession web = new WebSession(this.port).login(publisher);
		Response preview = web.get("/publish");
		java.util.regex.Matcher position = java.util.regex.Pattern.compile("name=\"position\" value=\"(\\d+)\"")
			.matcher(preview.body());
		assertThat(position.find()).as("the preview carries the log position it shows").isTrue();
		assertThat(web.follow(web.post("/publish", Map.of("position", List.of(position.group(1))))).text())
			.contains("Опубликовано: снимок на");
		org.khronika.publish.Snapshots snapshots = this.context.getBean(org.khronika.publish.Snapshots.class);
		java.util.SortedMap<String, byte[]> site = this.context.getBean(org.khronika.publish.Site.class)
			.build(snapshots.latest().orElseThrow().id());
		WebSession anyone = new WebSession(this.port);
		for (Map.Entry<String, byte[]> file : site.entrySet()) {
			assertThat(Canaries.foundIn(file.getValue())).as("the site's " + file.getKey()).isEmpty();
			Response served = anyone.get("/public/" + file.getKey());
			assertThat(served.status()).as("/public/" + file.getKey()).isEqualTo(200);
			assertThat(Canaries.foundIn(served.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
		}
		assertThat(anyone.get("/public/../persons").status()).as("nothing else is public").isNotEqualTo(200);
		assertThat(anyone.get("/public/keyring.json").status()).isEqualTo(404);
	}

	private void enterCanariesThroughTheApi() throws IOException, InterruptedException {
		String token = this.tokens.create(Staff.SETUP, "monitor", Role.EDITOR, "canaries",
				java.time.Duration.ofDays(1));
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		String body = "{\"names\": [\"" + Canaries.LATIN_NAME + "\", \"" + Canaries.CYRILLIC_NAME
				+ "\"], \"birthYear\": 1987, " + "\"region\": \"Москва\", \"contacts\": \"" + Canaries.CONTACT
				+ "\", \"notes\": \"" + Canaries.NOTE + "\"}";
		for (String json : List.of(body, body.replace("1987", "\"" + Canaries.PHONE + "\""))) {
			java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/persons"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isIn(201, 400);
		}
	}

	private static String id(Response created) {
		assertThat(created.status()).as("form accepted").isEqualTo(302);
		String location = created.header("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
