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
 * link, and shredding a person shreds every record linked as them.
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
		assertThat(this.linkage.openProposals()).isGreaterThan(0);

		assertThat(this.linkage.confirm(this.editor.actor(), one, other)).isInstanceOf(SaveResult.Saved.class);
		assertThat(persons()).as("two records, one person").isEqualTo(before - 1);
		assertThat(this.registry.samePerson(this.editor.actor(), one)).extracting(RecordView::id)
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
		web.post("/linkage/confirm",
				java.util.Map.of("left", List.of(one.toString()), "right", List.of(other.toString())));
		assertThat(this.registry.linked(one, other)).isTrue();
		String merged = web.get("/persons/" + one).body();
		assertThat(merged).as("one person: every spelling, and the case recorded against the other record")
			.contains("Тот же человек, записан также как", "Timofei Stranichny", "/cases/" + otherCase);
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

}
