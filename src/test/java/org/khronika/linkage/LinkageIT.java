package org.khronika.linkage;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Actor;
import org.khronika.access.AuditEntries;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linkage proposes the person records that are one person written differently, with
 * reasons a person can check, and never a relative or a namesake; a confirmed link makes
 * the persons figures count one person, a rejection is remembered, an unlink undoes the
 * link, and shredding a person shreds every record linked as them. Incidents reported
 * twice are proposed the same way and, once confirmed, counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkageIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	Registry registry;

	@Autowired
	Linkage linkage;

	@Autowired
	Statistics statistics;

	@Autowired
	ApplicationContext context;

	private Staff editor;

	@BeforeEach
	void editor() {
		this.editor = Staff.add(this.context, "linkage-editor-" + System.nanoTime() % 100000, Role.EDITOR);
	}

	private PersonId person(String names, Integer born, String region) {
		RecordDraft draft = RecordDraft.empty(RecordKind.PERSON).with("names", names);
		if (born != null) {
			draft = draft.with("birthYear", born.toString());
		}
		if (region != null) {
			draft = draft.with("region", region);
		}
		return (PersonId) saved(this.registry.record(this.editor.actor(), draft));
	}

	private org.khronika.registry.RecordId caseAgainst(PersonId person) {
		return saved(this.registry.record(this.editor.actor(),
				RecordDraft.empty(RecordKind.CASE)
					.with("person", person.toString())
					.with("kind", "criminal")
					.with("opened", "2024-03-01")
					.with("region", "tver-oblast")
					.with("charges", "uk-207.3")
					.with("trigger", "street-detention")
					.with("status", "investigation")));
	}

	private static org.khronika.registry.RecordId saved(SaveResult result) {
		assertThat(result).isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id();
	}

	private List<List<String>> proposedPairs() {
		return this.linkage.proposals(this.editor.actor(), 100)
			.stream()
			.map(p -> List.of(name(p.left()), name(p.right())).stream().sorted().toList())
			.toList();
	}

	private static String name(RecordView view) {
		return ((PersonDetails) view.details()).displayName();
	}

	private long persons() {
		return this.statistics.compute(this.editor.actor(), StatsQuery.parse("persons", null, null, null, List.of()))
			.total()
			.value();
	}

	@Test
	void proposesOnePersonWrittenDifferentlyWithReasonsButNoRelativeOrNamesake() {
		PersonId court = person("Клоков Александр Игоревич", 1987, "tver-oblast");
		PersonId partner = person("Sasha Klokov", 1987, "tver-oblast");
		person("Клоков Игорь Васильевич", 1961, "tver-oblast");
		person("Клоков Дмитрий Игоревич", 1990, "tver-oblast");
		person("Клоков Александр Петрович", 1990, "voronezh-oblast");

		Linkage.Summary summary = this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});

		assertThat(summary.persons()).isGreaterThanOrEqualTo(5);
		assertThat(proposedPairs()).contains(List.of("Sasha Klokov", "Клоков Александр Игоревич"))
			.as("the father, the brother and the namesake are other people")
			.noneMatch(pair -> pair.contains("Клоков Игорь Васильевич"))
			.noneMatch(pair -> pair.contains("Клоков Дмитрий Игоревич"))
			.noneMatch(pair -> pair.contains("Клоков Александр Петрович"));
		List<Linkage.Reason> reasons = this.linkage.explain(this.editor.actor(), court, partner);
		assertThat(reasons).extracting(Linkage.Reason::code)
			.contains("transliteration", "familiar", "born-same", "region-same");
		assertThat(reasons).contains(new Linkage.Reason("transliteration", "Клоков", "Klokov"),
				new Linkage.Reason("familiar", "Александр", "Sasha"));
	}

	@Test
	void theProposalsShownAreReadInOneAuditedRead() {
		person("Аудитов Платон Ильич", 1971, "samara-oblast");
		person("Auditov Platon", 1971, "samara-oblast");
		person("Проверкина Злата Олеговна", 1983, "samara-oblast");
		person("Proverkina Zlata", 1983, "samara-oblast");
		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});
		Staff reader = Staff.add(this.context, "linkage-reader-" + System.nanoTime() % 100000, Role.EDITOR);
		int before = AuditEntries.of(this.context, reader.actor().login());

		List<Linkage.Proposal> shown = this.linkage.proposals(reader.actor(), 100);

		assertThat(shown).as("at least the two written here").hasSizeGreaterThanOrEqualTo(2);
		assertThat(AuditEntries.of(this.context, reader.actor().login()) - before)
			.as("both sides of every proposal, one entry")
			.isEqualTo(1);
	}

	@Test
	void aSurnameMisspeltInAConsonantIsStillComparedAndProposed() {
		// no patronymic: only the block of surnames with a letter left out brings them
		// together (Ласточкин, Lastochpin: lstCn)
		person("Ласточкин Глеб", 1979, "perm-krai");
		person("Lastochpin Gleb", 1979, "perm-krai");
		person("Ласточкин Денис", 1979, "perm-krai");

		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});

		assertThat(proposedPairs()).contains(List.of("Lastochpin Gleb", "Ласточкин Глеб"))
			.noneMatch(pair -> pair.contains("Ласточкин Денис"));
	}

	@Test
	void noTwoProposalsMakeOnePersonOfTwoWhoPlainlyDiffer() {
		PersonId initials = person("Zhavoronkova A.", 1990, "perm-krai");
		PersonId alina = person("Жаворонкова Алина", 1990, "perm-krai");
		PersonId anna = person("Жаворонкова Анна", 1990, "perm-krai");

		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});

		assertThat(proposedPairs()).as("A. is Алина or Анна, not both")
			.containsAnyOf(List.of("Zhavoronkova A.", "Жаворонкова Алина"),
					List.of("Zhavoronkova A.", "Жаворонкова Анна"))
			.doesNotContain(List.of("Жаворонкова Алина", "Жаворонкова Анна"))
			.filteredOn(pair -> pair.contains("Zhavoronkova A."))
			.hasSize(1);
		Map<String, String> clusters = new HashMap<>();
		this.linkage.members(this.editor.actor(), true).forEach(m -> clusters.put(m.record(), m.cluster()));
		assertThat(clusters.get(alina.toString())).isNotEqualTo(clusters.get(anna.toString()));
		assertThat(clusters.get(initials.toString())).isIn(clusters.get(alina.toString()),
				clusters.get(anna.toString()));
	}

	@Test
	void aConfirmedLinkCountsOnePersonARejectionIsRememberedAndAnUnlinkUndoes() {
		PersonId one = person("Ефремова Полина Сергеевна", 1999, "moscow");
		PersonId other = person("Polina Efremova", 1999, "moscow");
		caseAgainst(one);
		caseAgainst(other);
		long before = persons();
		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});
		assertThat(this.linkage.openProposals(RecordKind.PERSON)).isGreaterThan(0);

		assertThat(this.linkage.confirm(this.editor.actor(), one, other)).isInstanceOf(SaveResult.Saved.class);
		assertThat(persons()).as("two records, one person").isEqualTo(before - 1);
		assertThat(this.registry.linkedRecords(this.editor.actor(), one)).extracting(RecordView::id)
			.containsExactlyInAnyOrder(one, other);

		assertThat(this.registry.unlink(this.editor.actor(), one, other)).isInstanceOf(SaveResult.Saved.class);
		assertThat(persons()).isEqualTo(before);

		assertThat(this.linkage.reject(this.editor.actor(), one, other)).isInstanceOf(SaveResult.Saved.class);
		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});
		assertThat(proposedPairs()).as("a rejected pair is not proposed again")
			.doesNotContain(List.of("Polina Efremova", "Ефремова Полина Сергеевна"));
	}

	@Test
	void shreddingAPersonShredsEveryRecordLinkedAsThem() {
		PersonId one = person("Шредерова Анна", 1980, "moscow");
		PersonId other = person("Anna Shrederova", 1980, "moscow");
		saved(this.registry.link(this.editor.actor(), one, other));

		Actor admin = new Actor("linkage-admin", Role.ADMIN);
		assertThat(this.registry.shred(admin, one)).isInstanceOf(SaveResult.Saved.class);

		assertThat(this.registry.read(admin, other).orElseThrow().shredded()).isTrue();
	}

	@Test
	void theLinkagePageShowsAProposalSideBySideAndConfirmsIt() {
		PersonId one = person("Страничный Тимофей Ильич", 1975, "moscow");
		PersonId other = person("Timofei Stranichny", 1975, "moscow");
		org.khronika.registry.RecordId otherCase = caseAgainst(other);
		this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});
		WebSession web = new WebSession(this.port).login(this.editor);
		String page = web.get("/linkage").body();
		assertThat(page).contains("Страничный Тимофей Ильич", "Timofei Stranichny", "1975",
				"Страничный = Stranichny (транслитерация)");
		java.time.LocalDate recorded = java.time.LocalDate.ofInstant(
				this.registry.read(this.editor.actor(), one).orElseThrow().createdAt(), java.time.ZoneOffset.UTC);
		assertThat(page).as("when each was recorded, in Russian, the ISO day beside it")
			.contains("<time datetime=\"" + recorded + "\">"
					+ new org.khronika.catalog.Moments(java.util.Locale.forLanguageTag("ru")).day(recorded)
					+ "</time>");
		web.post("/linkage/confirm",
				java.util.Map.of("left", List.of(one.toString()), "right", List.of(other.toString())));
		assertThat(this.registry.linked(one, other)).isTrue();
		String merged = web.get("/persons/" + one).body();
		assertThat(merged).as("one person: every spelling, and the case recorded against the other record")
			.contains("Тот же человек, записан также как", "Timofei Stranichny", "/cases/" + otherCase);
		assertThat(merged).as("the other record told apart as a picker tells it, no bare flag or empty cell")
			.containsPattern("Timofei Stranichny</a>\\s*<span class=\"meta\">1975 · Москва</span>");

		// a second look from a page shown before (another tab) says what stands
		Map<String, List<String>> pair = Map.of("left", List.of(one.toString()), "right", List.of(other.toString()));
		web.get("/linkage");
		web.post("/linkage/confirm", pair);
		assertThat(web.get("/linkage").text()).contains("Эти две записи уже связаны как один человек.");
		web.post("/linkage/reject", pair);
		assertThat(web.get("/linkage").text()).contains(
				"Эти две записи связаны как один человек: чтобы оставить их двумя, сначала снимите связь на странице человека.");
		web.post("/linkage/confirm", Map.of("left", List.of(one.toString()), "right", List.of(one.toString())));
		assertThat(web.get("/linkage").text()).contains("Запись нельзя связать с ней самой.");
	}

	@Test
	void aRunStartedFromThePageGoesOnInTheBackgroundAndThePageFollowsIt() throws InterruptedException {
		person("Фоновый Арсений Петрович", 1969, "perm-krai");
		person("Arseny Fonovy", 1969, "perm-krai");
		WebSession web = new WebSession(this.port).login(this.editor);
		web.post("/linkage/run", java.util.Map.of());
		String page = web.get("/linkage").body();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (page.contains("http-equiv=\"refresh\"") && System.nanoTime() < deadline) {
			assertThat(page).as("a running run shows its phase").contains("Идёт поиск предложений");
			Thread.sleep(200);
			page = web.get("/linkage").body();
		}
		assertThat(page).as("finished: no more reloading").doesNotContain("http-equiv=\"refresh\"");
		assertThat(page).contains("Сравнено ", "Фоновый Арсений Петрович", "Arseny Fonovy");
		assertThat(proposedPairs()).contains(List.of("Arseny Fonovy", "Фоновый Арсений Петрович"));
	}

	private org.khronika.registry.RecordId incident(String date, String region, String type, String place,
			Integer detained, PersonId... persons) {
		RecordDraft draft = RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", date)
			.with("region", region)
			.with("type", type)
			.with("locality", place);
		if (detained != null) {
			draft = draft.with("detained", detained.toString());
		}
		if (persons.length > 0) {
			draft = draft.with("persons", java.util.Arrays.stream(persons).map(PersonId::toString).toList());
		}
		return saved(this.registry.record(this.editor.actor(), draft));
	}

	private StatsQuery incidentsIn(String region) {
		return StatsQuery.parse("incidents", null, null, null, List.of("region=" + region));
	}

	private long figure(String measure, String region) {
		return this.statistics
			.compute(this.editor.actor(), StatsQuery.parse(measure, null, null, null, List.of("region=" + region)))
			.total()
			.value();
	}

	@Test
	void anIncidentReportedTwiceIsProposedWithReasonsAndOnceConfirmedCountsOnce() {
		PersonId marcher = person("Инцидентова Вера", 1995, "kaluga-oblast");
		org.khronika.registry.RecordId first = incident("2024-02-24", "kaluga-oblast", "protest",
				"Калуга, площадь Победы", 12, marcher);
		org.khronika.registry.RecordId second = incident("2024-02-25", "kaluga-oblast", "protest", "Площадь Победы",
				15);
		// the same day, another place: another protest, never proposed
		org.khronika.registry.RecordId elsewhere = incident("2024-02-24", "kaluga-oblast", "protest",
				"Калуга, Театральная площадь", 12);
		assertThat(figure("incidents", "kaluga-oblast")).isEqualTo(3);
		assertThat(figure("detained", "kaluga-oblast")).isEqualTo(39);

		Linkage.Summary summary = this.linkage.run(this.editor.actor(), (phase, done, total) -> {
		});

		assertThat(summary.incidents()).isGreaterThanOrEqualTo(3);
		List<Linkage.Proposal> proposals = this.linkage.incidentProposals(this.editor.actor(), 100)
			.stream()
			.filter(p -> List.of(first, second, elsewhere).contains(p.left().id()))
			.toList();
		assertThat(proposals).as("the two reports of the one protest, not the protest elsewhere")
			.singleElement()
			.satisfies(p -> assertThat(List.of(p.left().id(), p.right().id())).containsExactly(first, second));
		assertThat(proposals.get(0).reasons()).extracting(Linkage.Reason::code)
			.contains("incident-day-near", "region-same", "incident-type-same", "incident-place-same",
					"incident-detained-differs");
		assertThat(this.linkage.openProposals(RecordKind.INCIDENT)).isGreaterThan(0);

		WebSession web = new WebSession(this.port).login(this.editor);
		String page = web.get("/linkage").text();
		assertThat(page).contains("Калуга, площадь Победы", "Площадь Победы", "24 февр. 2024 г.",
				"25 февр. 2024 г. (день разницы)", "то же место: Калуга, площадь Победы = Площадь Победы");
		web.post("/linkage/confirm", Map.of("kind", List.of("incident"), "left", List.of(first.toString()), "right",
				List.of(second.toString())));
		assertThat(this.registry.linked(first, second)).isTrue();
		assertThat(figure("incidents", "kaluga-oblast")).as("two reports, one incident").isEqualTo(2);
		assertThat(figure("detained", "kaluga-oblast")).as("the larger of 12 and 15, and the other protest's 12")
			.isEqualTo(27);
		assertThat(this.statistics.records(this.editor.actor(), incidentsIn("kaluga-oblast"), List.of()))
			.as("the report that stands for the incident is the one with the larger number")
			.containsExactlyInAnyOrder(second, elsewhere);
		assertThat(web.get("/incidents/" + first).body()).contains("Тот же инцидент, записан также как",
				"/incidents/" + second);

		web.post("/incidents/" + first + "/unlink", Map.of("other", List.of(second.toString())));
		assertThat(this.registry.linked(first, second)).isFalse();
		assertThat(figure("incidents", "kaluga-oblast")).isEqualTo(3);
		assertThat(web.get("/incidents/" + first).text()).as("where the browser is sent").contains("Сохранено.");
		web.post("/incidents/" + first + "/unlink", Map.of("other", List.of(second.toString())));
		assertThat(web.get("/incidents/" + first).text()).as("taken back twice, from a page shown before")
			.contains("Эти две записи не связаны: связь уже снята.")
			.doesNotContain("Такой записи нет");

		assertThat(this.registry.link(this.editor.actor(), first, marcher)).as("an incident is not a person")
			.isInstanceOfSatisfying(SaveResult.Refused.class,
					refused -> assertThat(refused.refusal()).isEqualTo(org.khronika.registry.Refusal.INVALID));
	}

}
