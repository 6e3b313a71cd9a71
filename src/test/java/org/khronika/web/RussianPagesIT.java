package org.khronika.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian pages speak Russian: every page an admin opens, with records written in
 * Cyrillic, shows no English word and no message key that has no text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RussianPagesIT {

	private static final Path DATA = TestApplication.dataDirectory();

	/**
	 * What may be written in Latin letters on a Russian page: the switch to English (in
	 * English, for those who need it); file formats, encodings and standards known by
	 * their names; the publication's symbols for a threshold and a hidden count (k, x);
	 * an example of a name's Latin spelling; the accounts' logins and the import
	 * profiles' file names, which are data.
	 */
	private static final Set<String> NAMES = Set.of("Language", "English", "CSV", "XLSX", "API", "UTC", "QR", "TOTP",
			"JSON", "PDF", "ISO", "EXIF", "XMP", "IPTC", "SHA-256", "Ed25519", "IP", "JPEG", "PNG", "HEIC", "WebP",
			"DOCX", "ODT", "UTF-8", "Windows-1251", "YAML", "k", "x", "Klokov", "ru-admin", "cli",
			"khronika-open-data-incidents", "ovdinfo-moscow-2011-2012");

	/**
	 * A grade on the Admiralty scale (A–F for the source, 1–6 for the information), or
	 * the start of a record's id.
	 */
	private static final Pattern GRADE_OR_ID = Pattern.compile("[A-F][1-6]?|[0-9a-f]{1,8}");

	private static final Pattern LATIN_WORD = Pattern
		.compile("[\\p{IsLatin}][\\p{IsLatin}0-9]*(?:-[\\p{IsLatin}0-9]+)*");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Registry registry;

	@Test
	void everyPageInRussianShowsNoEnglishWordAndNoKeyWithoutItsText() {
		Staff admin = Staff.add(this.context, "ru-admin", Role.ADMIN);
		String person = save(admin,
				RecordDraft.empty(RecordKind.PERSON)
					.with("names", "Пётр Русский")
					.with("birthYear", "1980")
					.with("region", "moscow"));
		String courtCase = save(admin,
				RecordDraft.empty(RecordKind.CASE)
					.with("person", person)
					.with("kind", "criminal")
					.with("opened", "2025-03-01")
					.with("charges", "uk-207.3")
					.with("trigger", "denunciation")
					.with("informant", "colleague")
					.with("status", "in-court")
					.with("court", "Районный суд"));
		save(admin,
				RecordDraft.empty(RecordKind.CASE_EVENT)
					.with("caseId", courtCase)
					.with("type", "measure-of-restraint")
					.with("date", "2025-03-02")
					.with("measure", "custody")
					.with("until", "2025-05-02"));
		WebSession web = new WebSession(this.port).login(admin);
		web.get("/?lang=ru");

		List<String> pages = new ArrayList<>(List.of("/", "/persons", "/persons/new", "/incidents", "/incidents/new",
				"/cases", "/cases/new", "/case-events", "/case-events/new", "/sources", "/sources/new", "/search",
				"/stats", "/linkage", "/admin/users", "/admin/audit", "/account", "/publish", "/publish/decisions",
				"/imports", "/intake", "/intake/new", "/persons/" + person, "/persons/" + person + "/history",
				"/cases/" + courtCase, "/cases/" + courtCase + "/edit",
				"/case-events/new?caseId=" + courtCase + "&_extension=true", "/admin/users/ru-admin/disable",
				"/persons/00000000-0000-4000-8000-000000000099", "/report"));
		List<String> english = new ArrayList<>();
		for (String page : pages) {
			// the page's own words: a sign written as an entity is no word
			String text = page.equals("/report") ? new WebSession(this.port).get("/report?lang=ru").text()
					: web.get(page).text().replace("&lt;", "<").replace("&gt;", ">");
			assertThat(text).as(page).doesNotContain("??");
			Set<String> words = new TreeSet<>();
			Matcher matcher = LATIN_WORD.matcher(text);
			while (matcher.find()) {
				if (!NAMES.contains(matcher.group()) && !GRADE_OR_ID.matcher(matcher.group()).matches()) {
					words.add(matcher.group());
				}
			}
			if (!words.isEmpty()) {
				english.add(page + ": " + words);
			}
		}
		assertThat(english).as("English words on Russian pages").isEmpty();
	}

	private String save(Staff by, RecordDraft draft) {
		SaveResult result = this.registry.record(by.actor(), draft);
		assertThat(result).as("test record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

}
