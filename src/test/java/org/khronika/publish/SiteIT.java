package org.khronika.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.access.Actor;
import org.khronika.access.AuditEntries;
import org.khronika.access.Role;
import org.khronika.catalog.PublicationPlan;
import org.khronika.registry.Facts;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public site of a snapshot, on PostgreSQL: the prisoners list names only persons who
 * consented, while a case holds them, and never a restricted record; nothing sealed that
 * is not such a name reaches any file; the open data gives back the figures it was made
 * from; and the signed manifest catches a changed, added or removed file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SiteIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static final Actor EDITOR = new Actor("site-editor", Role.EDITOR);

	private static final Actor ADMIN = new Actor("site-admin", Role.ADMIN);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Invented; each must appear only where the test says. */
	private static final String LISTED = "Вера Листова";

	private static final String NOT_CONSENTING = "Пётр Несогласов";

	private static final String RESTRICTED = "Иван Закрытов";

	private static final String RELEASED = "Анна Отпущенная";

	private static final String DESCRIPTION = "Описание инцидента 6621, которое не публикуется";

	private static final String CASE_NUMBER = "Дело № 4471-вымышленное";

	private static final String CONTACTS = "listova.7719@example.org";

	private static final String PLACE = "СИЗО-3 (вымышленное)";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.POSTGRESQL);
	}

	@Autowired
	Snapshots snapshots;

	@Autowired
	Site site;

	@Autowired
	Publication publication;

	@Autowired
	Registry registry;

	@Autowired
	Facts facts;

	@Autowired
	Decisions decisions;

	@Autowired
	org.khronika.eventlog.EventLog log;

	@Autowired
	Prisoners prisoners;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@TempDir
	Path out;

	@Test
	void thePrisonersListNamesOnlyConsentingPersonsWhileTheyAreHeldAndNothingElseSealedIsPublished() throws Exception {
		RecordId listed = held(person(LISTED, true, true), "2025-03-01");
		held(person(NOT_CONSENTING, false, false), "2025-03-02");
		RecordId restricted = held(person(RESTRICTED, true, true), "2025-03-03");
		SaveResult shared = this.registry.share(ADMIN, restricted, 1, true, List.of());
		assertThat(shared).isInstanceOf(SaveResult.Saved.class);
		RecordId released = person(RELEASED, true, true);
		String releasedCase = held(released, "2025-03-04").toString();
		save(RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", caseOf(releasedCase))
			.with("type", "release")
			.with("date", "2025-04-01"));
		save(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2025-02-24")
			.with("region", "tver-oblast")
			.with("type", "single-picket")
			.with("detained", "1")
			.with("description", DESCRIPTION));

		Snapshots.Snapshot first = this.snapshots.take(EDITOR);
		SortedMap<String, byte[]> files = this.site.build(first.id());

		assertThat(this.snapshots.prisoners(first.id())).extracting(Prisoners.Entry::name)
			.contains(LISTED)
			.doesNotContain(NOT_CONSENTING, RESTRICTED, RELEASED);
		Prisoners.Entry entry = this.snapshots.prisoners(first.id())
			.stream()
			.filter(e -> e.name().equals(LISTED))
			.findFirst()
			.orElseThrow();
		assertThat(entry.articles()).containsExactly("uk-207.3");
		assertThat(entry.methodologies()).containsExactly("anti-war-speech");
		assertThat(entry.arrested()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(entry.custodyPlace()).isEqualTo(PLACE);
		assertThat(entry.letterAddress()).as("the shipped plan knows no facility's address").isNull();
		assertThat(text(files, "ru/prisoners.html")).contains(LISTED, PLACE);
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			String text = new String(file.getValue(), StandardCharsets.UTF_8);
			assertThat(text).as(file.getKey())
				.doesNotContain(NOT_CONSENTING, RESTRICTED, RELEASED, DESCRIPTION, CASE_NUMBER, CONTACTS);
			if (!file.getKey().endsWith("prisoners.html")) {
				assertThat(text).as(file.getKey() + ": a name appears on the list alone").doesNotContain(LISTED);
			}
		}
		assertThat(text(files, "data/incidents.csv")).contains("tver-oblast,single-picket");

		// consent withdrawn: gone from the next snapshot
		save(listed, RecordDraft.empty(RecordKind.PERSON).with("names", LISTED).with("mayBeNamed", "false"));
		Snapshots.Snapshot second = this.snapshots.take(EDITOR);
		assertThat(this.snapshots.prisoners(second.id())).extracting(Prisoners.Entry::name).doesNotContain(LISTED);
		SortedMap<String, byte[]> later = this.site.build(second.id());
		assertThat(later.values())
			.noneSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(LISTED));
		assertThat(later).containsKey("archive/" + first.id() + ".json");
		assertThat(this.snapshots.prisoners(first.id())).as("nor named again in a site rebuilt from an earlier one")
			.extracting(Prisoners.Entry::name)
			.doesNotContain(LISTED);
		// consent given again: the earlier snapshot lists them as it did
		save(listed, RecordDraft.empty(RecordKind.PERSON).with("names", LISTED).with("mayBeNamed", "true"));
		assertThat(this.snapshots.prisoners(first.id())).extracting(Prisoners.Entry::name).contains(LISTED);

		// shredded: gone from every snapshot, the earlier one too
		this.registry.shred(ADMIN, (PersonId) listed);
		assertThat(this.snapshots.prisoners(first.id())).extracting(Prisoners.Entry::name).doesNotContain(LISTED);

		// its sealed entry stays, unreadable: a snapshot's list loses a row only behind
		// the log's back, and the deep check names it
		assertThat(this.snapshots.differences()).isEmpty();
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				this.context.getBean(javax.sql.DataSource.class));
		int rows = jdbc.queryForObject("SELECT COUNT(*) FROM publication_prisoner WHERE snapshot_id = ?", Integer.class,
				first.id());
		jdbc.update("DELETE FROM publication_prisoner WHERE snapshot_id = ? AND position = 0", first.id());
		assertThat(this.snapshots.differences()).containsExactly("publication_prisoner rows of snapshot " + first.id()
				+ ": " + (rows - 1) + " in the table, " + rows + " in the log");
	}

	@Test
	void aPrisonersListChangedInItsTableNoLongerMatchesItsEntryAndTheDeepCheckNamesIt() {
		held(person("Ефим Подменов", true, true), "2025-06-01");
		held(person("Фаина Переставленная", true, true), "2025-06-02");
		Snapshots.Snapshot snapshot = this.snapshots.take(EDITOR);
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				this.context.getBean(javax.sql.DataSource.class));
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT position, person_id, entry FROM publication_prisoner WHERE snapshot_id = ? ORDER BY position",
				snapshot.id());
		assertThat(rows).as("both listed").hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.snapshots.verify(snapshot.id())).isTrue();
		String differs = "publication_prisoner rows of snapshot " + snapshot.id()
				+ " are not what the log makes them (they differ)";
		assertThat(this.snapshots.differences()).doesNotContain(differs);

		// one byte of one sealed entry changed: the site could not open it
		byte[] entry = (byte[]) rows.get(0).get("entry");
		byte[] flipped = entry.clone();
		flipped[flipped.length - 1] ^= 1;
		jdbc.update("UPDATE publication_prisoner SET entry = ? WHERE snapshot_id = ? AND position = 0", flipped,
				snapshot.id());
		assertThat(this.snapshots.verify(snapshot.id())).isFalse();
		assertThat(this.snapshots.differences()).contains(differs);
		jdbc.update("UPDATE publication_prisoner SET entry = ? WHERE snapshot_id = ? AND position = 0", entry,
				snapshot.id());
		assertThat(this.snapshots.verify(snapshot.id())).as("put back").isTrue();

		// two entries swapped whole, each with its person: every byte is Khronika's, the
		// order is not
		jdbc.update("UPDATE publication_prisoner SET position = -1 WHERE snapshot_id = ? AND position = 0",
				snapshot.id());
		jdbc.update("UPDATE publication_prisoner SET position = 0 WHERE snapshot_id = ? AND position = 1",
				snapshot.id());
		jdbc.update("UPDATE publication_prisoner SET position = 1 WHERE snapshot_id = ? AND position = -1",
				snapshot.id());
		assertThat(this.snapshots.verify(snapshot.id())).isFalse();
		assertThat(this.snapshots.differences()).contains(differs);
		jdbc.update("DELETE FROM publication_prisoner WHERE snapshot_id = ?", snapshot.id());
		rows.forEach(row -> jdbc.update(
				"INSERT INTO publication_prisoner (snapshot_id, position, person_id, entry) VALUES (?, ?, ?, ?)",
				snapshot.id(), row.get("position"), row.get("person_id"), row.get("entry")));
		assertThat(this.snapshots.differences()).as("put back").doesNotContain(differs);
	}

	@Test
	void aLetterAddressIsAFacilitysAndOnlyForThoseWhoConsentedToLetters() {
		held(person("Глеб Письмов", true, true), "2025-05-01");
		held(person("Дина Безписем", true, false), "2025-05-02");
		PublicationPlan shipped = this.publication.plan();
		PublicationPlan withFacility = new PublicationPlan(shipped.figures(), shipped.defaultK(), shipped.k(),
				shipped.notSuppressed(), shipped.map(), shipped.incidentFields(), shipped.methodologies(),
				Map.of(PLACE, "000000, г. Вымышленск, ул. Тюремная, 1"));

		List<Prisoners.Listed> list = new Prisoners(this.facts, this.registry, withFacility, this.decisions)
			.list(EDITOR, LocalDate.now());

		assertThat(list).extracting(listed -> listed.entry().name() + ": " + listed.entry().letterAddress())
			.contains("Глеб Письмов: 000000, г. Вымышленск, ул. Тюремная, 1", "Дина Безписем: null");
	}

	@Test
	void theSignedSiteVerifiesAndItsDataPackageGivesBackTheFiguresItWasMadeFrom() throws Exception {
		for (String region : List.of("perm-krai", "perm-krai", "omsk-oblast", "kursk-oblast", "kursk-oblast",
				"kursk-oblast", "kursk-oblast", "kursk-oblast", "kursk-oblast")) {
			held(person("Выдуманный " + region + " " + System.nanoTime(), false, false), "2025-01-15", region);
		}
		Snapshots.Snapshot snapshot = this.snapshots.take(EDITOR);
		SortedMap<String, byte[]> files = this.site.build(snapshot.id());
		SiteFiles.write(files, this.out);

		assertThat(SiteFiles.check(this.out, Optional.empty())).isEmpty();
		org.khronika.eventlog.Head head = org.khronika.eventlog.Head.parse(text(files, "log-head.txt"));
		assertThat(this.log.problemWith(head)).as("the site carries a head the log extends").isEmpty();
		assertThat(text(files, "en/verify.html")).contains(head.line());
		JsonNode descriptor = JSON.readTree(files.get("data/datapackage.json"));
		assertThat(descriptor.get("$schema").asString())
			.isEqualTo("https://datapackage.org/profiles/2.0/datapackage.json");
		assertThat(descriptor.get("licenses").get(0).get("name").asString()).isEqualTo("CC-BY-4.0");
		Map<String, Map<String, String>> published = this.snapshots.counts(snapshot.id());
		for (JsonNode resource : descriptor.get("resources")) {
			String path = resource.get("path").asString();
			String header = text(files, "data/" + path).lines().findFirst().orElseThrow();
			List<String> fields = resource.get("schema")
				.get("fields")
				.valueStream()
				.map(f -> f.get("name").asString())
				.toList();
			assertThat(header).as(path + ": the schema names the CSV's columns").isEqualTo(String.join(",", fields));
			if (path.startsWith("figures/")) {
				int dimensions = fields.size() - 3;
				assertThat(DataPackage.readFigure(files.get("data/" + path), dimensions)).as(path + " read back")
					.isEqualTo(published.get(resource.get("name").asString()));
			}
		}
		assertThat(text(files, "data/incidents.csv").lines().findFirst().orElseThrow())
			.isEqualTo("id,date,region,type,topic,agreement,detained");
		assertThat(text(files, "ru/data.html")).as("the data page names the incidents table's fields as they are")
			.contains("только публичные поля: дата, регион, тип, тема, согласование, число задержанных.")
			.doesNotContain("организатор");
		assertThat(text(files, "en/data.html")).contains("date, region, type, topic, agreement, number detained.")
			.doesNotContain("organiser");
		assertThat(text(files, "data/figures/persons-by-region.csv")).as("small counts stay suppressed in the data")
			.contains("cell,omsk-oblast,,< 5", "cell,perm-krai,,< 5")
			.as("and a count beside them is hidden, so that the total does not give them away")
			.containsPattern("(?m),x$");

		// a changed byte, an added file and a removed one each fail the check
		Path page = this.out.resolve("ru/map.html");
		byte[] bytes = Files.readAllBytes(page);
		bytes[bytes.length - 10] ^= 1;
		Files.write(page, bytes);
		Files.writeString(this.out.resolve("ru/extra.html"), "<p>not signed</p>");
		Files.delete(this.out.resolve("data/incidents.csv"));
		assertThat(SiteFiles.check(this.out, Optional.empty())).containsExactly(
				"data/incidents.csv is listed but missing",
				"ru/map.html was changed: its SHA-256 is not the one listed", "ru/extra.html is not in the manifest");

		// a site signed by another key is not the organisation's
		String other = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
				+ "-----END PUBLIC KEY-----\n";
		assertThat(SiteFiles.check(this.out, Optional.of(other))).contains(
				"manifest.txt: the signature does not match the key given", "publication-key.pem is not the key given");
	}

	@Test
	void anEditorListsAPersonByDecisionWithWrittenReasonsWhileACaseHoldsThem() {
		RecordId person = person("Роман Решённый", true, false);
		RecordId courtCase = save(RecordDraft.empty(RecordKind.CASE)
			.with("person", person.toString())
			.with("kind", "criminal")
			.with("opened", "2025-08-01")
			.with("region", "moscow")
			.with("charges", "uk-319")
			.with("trigger", "street-detention")
			.with("status", "investigation"));
		save(RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase.toString())
			.with("type", "measure-of-restraint")
			.with("date", "2025-08-02")
			.with("measure", "custody")
			.with("until", LocalDate.now().plusMonths(1).toString()));
		assertThat(names(LocalDate.now())).as("insulting an official is in no methodology's articles")
			.doesNotContain("Роман Решённый");

		assertThatThrownBy(() -> this.decisions.list(EDITOR, (PersonId) person, "anti-war-speech", "Причины"))
			.as("a methodology of articles takes no decisions")
			.isInstanceOf(Decisions.Refused.class)
			.hasMessage("publish.decision.methodology");
		assertThatThrownBy(() -> this.decisions.list(EDITOR, (PersonId) person, "editors-decision", " "))
			.hasMessage("publish.decision.reasons");
		assertThatThrownBy(() -> this.decisions.list(new Actor("site-analyst", Role.ANALYST), (PersonId) person,
				"editors-decision", "Причины"))
			.isInstanceOf(org.khronika.access.AccessRefused.class);
		this.decisions.list(EDITOR, (PersonId) person, "editors-decision",
				"Задержан после антивоенного пикета; статья 319 — повод.");

		Prisoners.Entry entry = this.prisoners.list(EDITOR, LocalDate.now())
			.stream()
			.map(Prisoners.Listed::entry)
			.filter(e -> e.name().equals("Роман Решённый"))
			.findFirst()
			.orElseThrow();
		assertThat(entry.methodologies()).containsExactly("editors-decision");
		assertThat(entry.articles()).containsExactly("uk-319");
		assertThat(this.decisions.all(EDITOR)).extracting(Decisions.Decision::reasons)
			.contains("Задержан после антивоенного пикета; статья 319 — повод.");
		assertThat(names(LocalDate.now().plusMonths(2))).as("once custody ends, the decision lists no one")
			.doesNotContain("Роман Решённый");

		this.decisions.unlist(EDITOR, (PersonId) person, "editors-decision");
		assertThat(names(LocalDate.now())).doesNotContain("Роман Решённый");
	}

	/**
	 * A decision written into the table behind the log's back would put a person on the
	 * public list with no editor's decision (its reasons cannot be sealed without the
	 * key, so they do not open): the deep check names it, as it names a decision the log
	 * made that the table lost.
	 */
	@Test
	void aDecisionWrittenIntoTheTableBehindTheLogsBackIsNamedByTheDeepCheck() {
		RecordId decided = person("Вера Решённая", true, false);
		RecordId planted = person("Глеб Подброшенный", true, false);
		this.decisions.list(EDITOR, (PersonId) decided, "editors-decision", "Причины: пикет");
		org.khronika.registry.DeepCheck check = this.context.getBean(org.khronika.registry.DeepCheck.class);
		assertThat(check.run().differences()).noneMatch(difference -> difference.startsWith("prisoner_decision"));

		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				this.context.getBean(javax.sql.DataSource.class));
		jdbc.update(
				"INSERT INTO prisoner_decision (person_id, methodology, reasons, decided_by, decided_on) "
						+ "VALUES (?, 'editors-decision', ?, 'site-editor', '2026-01-01')",
				planted.toString(), new byte[] { 1 });
		jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ?", decided.toString());

		assertThat(check.run().differences()).contains(
				"prisoner_decision row " + planted
						+ " / editors-decision is not what the log makes it (the log has no such decision)",
				"prisoner_decision row " + decided + " / editors-decision is missing: the log makes it");

		jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ?", planted.toString());
		this.decisions.list(EDITOR, (PersonId) decided, "editors-decision", "Причины: пикет");
		assertThat(check.run().differences()).noneMatch(difference -> difference.startsWith("prisoner_decision"));
	}

	@Test
	void aDecisionWhoseReasonsWereChangedInTheTableIsShownSayingSoTheOthersStillOpenAndTheLogRestoresIt() {
		RecordId spoilt = person("Лев Испорченный", true, true);
		RecordId whole = person("Лев Целый", true, true);
		this.decisions.list(EDITOR, (PersonId) spoilt, "editors-decision", "Причины: пикет");
		this.decisions.list(EDITOR, (PersonId) whole, "editors-decision", "Причины: листовки");
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				this.context.getBean(javax.sql.DataSource.class));
		byte[] reasons = jdbc.queryForObject("SELECT reasons FROM prisoner_decision WHERE person_id = ?", byte[].class,
				spoilt.toString());
		byte[] flipped = reasons.clone();
		flipped[flipped.length - 1] ^= 1;
		jdbc.update("UPDATE prisoner_decision SET reasons = ? WHERE person_id = ?", flipped, spoilt.toString());
		try {
			List<Decisions.Decision> all = this.decisions.all(EDITOR);

			assertThat(all).filteredOn(decision -> decision.person().equals(spoilt.toString()))
				.singleElement()
				.satisfies(decision -> {
					assertThat(decision.name()).isEqualTo("Лев Испорченный");
					assertThat(decision.reasons()).as("not opened, and said so on the page").isNull();
				});
			assertThat(all).filteredOn(decision -> decision.person().equals(whole.toString()))
				.extracting(Decisions.Decision::reasons)
				.containsExactly("Причины: листовки");

			// the log keeps the same sealed bytes: the deep check tells them changed
			// without a key, and a rebuild puts them back
			org.khronika.registry.DeepCheck check = this.context.getBean(org.khronika.registry.DeepCheck.class);
			String differs = "prisoner_decision row " + spoilt + " / editors-decision is not what the log makes it "
					+ "(it differs)";
			assertThat(check.run().differences()).contains(differs);
			jdbc.update("UPDATE prisoner_decision SET reasons = ?, decided_by = 'site-admin' WHERE person_id = ?",
					reasons, spoilt.toString());
			assertThat(check.run().differences()).as("nor another editor named as its author").contains(differs);
			jdbc.update("UPDATE prisoner_decision SET reasons = ?, decided_by = 'site-editor' WHERE person_id = ?",
					flipped, spoilt.toString());
			jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ?", whole.toString());

			assertThat(this.decisions.rebuild()).isGreaterThanOrEqualTo(2);

			assertThat(this.decisions.all(EDITOR))
				.filteredOn(decision -> decision.person().equals(spoilt.toString())
						|| decision.person().equals(whole.toString()))
				.extracting(Decisions.Decision::reasons)
				.containsExactlyInAnyOrder("Причины: пикет", "Причины: листовки");
			assertThat(check.run().differences()).noneMatch(difference -> difference.startsWith("prisoner_decision"));
		}
		finally {
			jdbc.update("UPDATE prisoner_decision SET reasons = ? WHERE person_id = ?", reasons, spoilt.toString());
		}
	}

	@Test
	void theDecisionsAreReadWithTheirPersonsInOneAuditedRead() {
		List<String> decided = List.of("Олег Первый-Решённый", "Олег Второй-Решённый", "Олег Третий-Решённый");
		for (String name : decided) {
			this.decisions.list(EDITOR, (PersonId) person(name, true, true), "editors-decision", "Причины: " + name);
		}
		Actor reader = new Actor("decisions-reader", Role.EDITOR);
		int before = AuditEntries.of(this.context, reader.login());

		List<Decisions.Decision> all = this.decisions.all(reader);

		assertThat(all).extracting(Decisions.Decision::name).containsAll(decided);
		assertThat(all).extracting(Decisions.Decision::reasons).contains("Причины: Олег Второй-Решённый");
		assertThat(AuditEntries.of(this.context, reader.login()) - before)
			.as("one read for every person decided on, not one each")
			.isEqualTo(1);
	}

	@Test
	void thePrisonersListReadsItsPersonsInOneAuditedReadAndTheirCasesInAnother() {
		List<String> held = List.of("Пётр Первый-Узник", "Павел Второй-Узник", "Прохор Третий-Узник");
		for (String name : held) {
			held(person(name, true, true), "2025-05-01");
		}
		Actor reader = new Actor("prisoners-reader", Role.EDITOR);
		int before = AuditEntries.of(this.context, reader.login());

		List<String> listed = this.prisoners.list(reader, LocalDate.now())
			.stream()
			.map(entry -> entry.entry().name())
			.toList();

		assertThat(listed).containsAll(held);
		assertThat(AuditEntries.of(this.context, reader.login()) - before).as("not two for each person listed")
			.isEqualTo(2);
	}

	private List<String> names(LocalDate day) {
		return this.prisoners.list(EDITOR, day).stream().map(listed -> listed.entry().name()).toList();
	}

	@Test
	void aLongListIsPagedAndNoPageComesNearTheLimit() {
		for (int i = 0; i <= Site.PRISONERS_PER_PAGE; i++) {
			held(person("Длинный Список " + i, true, false), "2025-07-01", "tula-oblast");
		}

		SortedMap<String, byte[]> files = this.site.build(this.snapshots.take(EDITOR).id());

		assertThat(files).containsKeys("en/prisoners.html", "en/prisoners-2.html", "ru/prisoners-2.html");
		assertThat(text(files, "en/prisoners.html")).contains("<a href=\"prisoners-2.html\">2</a>");
		assertThat(text(files, "en/prisoners-2.html")).contains("Political prisoners list, page 2",
				"<a href=\"prisoners.html\">1</a>");
		assertThat(files.entrySet()).filteredOn(file -> file.getKey().endsWith(".html"))
			.allSatisfy(page -> assertThat(page.getValue().length).as(page.getKey()).isLessThan(200 * 1024));
	}

	private RecordId person(String name, boolean mayBeNamed, boolean mayReceiveLetters) {
		return save(RecordDraft.empty(RecordKind.PERSON)
			.with("names", name)
			.with("contacts", CONTACTS)
			.with("mayBeNamed", String.valueOf(mayBeNamed))
			.with("mayReceiveLetters", String.valueOf(mayReceiveLetters)));
	}

	private RecordId held(RecordId person, String detained) {
		return held(person, detained, "moscow");
	}

	/**
	 * A case under 207.3 against {@code person}, held in custody since the day detained.
	 */
	private RecordId held(RecordId person, String detained, String region) {
		RecordId courtCase = save(RecordDraft.empty(RecordKind.CASE)
			.with("person", person.toString())
			.with("kind", "criminal")
			.with("opened", detained)
			.with("region", region)
			.with("charges", "uk-207.3")
			.with("trigger", "denunciation")
			.with("informant", "colleague")
			.with("status", "in-court")
			.with("caseNumber", CASE_NUMBER)
			.with("court", "Районный суд (вымышленный)")
			.with("custodyPlace", PLACE));
		save(RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase.toString())
			.with("type", "detention")
			.with("date", detained));
		save(RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase.toString())
			.with("type", "measure-of-restraint")
			.with("date", LocalDate.parse(detained).plusDays(2).toString())
			.with("measure", "custody")
			.with("until", LocalDate.now().plusMonths(2).toString()));
		return person;
	}

	private String caseOf(String person) {
		return this.registry.recordsMentioning(ADMIN, new PersonId(java.util.UUID.fromString(person)))
			.stream()
			.filter(view -> view.kind() == RecordKind.CASE)
			.findFirst()
			.orElseThrow()
			.id()
			.toString();
	}

	private RecordId save(RecordDraft draft) {
		SaveResult result = this.registry.record(EDITOR, draft);
		assertThat(result).as(draft.toString()).isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id();
	}

	private void save(RecordId id, RecordDraft draft) {
		SaveResult result = this.registry.revise(EDITOR, id, draft);
		assertThat(result).isInstanceOf(SaveResult.Saved.class);
	}

	private static String text(Map<String, byte[]> files, String path) {
		return new String(files.get(path), StandardCharsets.UTF_8);
	}

}
