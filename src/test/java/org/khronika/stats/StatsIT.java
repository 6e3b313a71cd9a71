package org.khronika.stats;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.Fixtures;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import org.khronika.cli.Jar;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Figures that can be trusted: OVD-Info's published totals come out of the statistics as
 * they went into the import; each case measure counts what its definition says; the CLI,
 * the page and the CSV download give the same figures; every figure leads to its records;
 * and nobody counts records they may not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	/** The fixture's dates: synthetic records of these tests are dated later. */
	private static final LocalDate FIXTURE_FROM = LocalDate.of(2011, 12, 1);

	private static final LocalDate FIXTURE_TO = LocalDate.of(2012, 9, 30);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	Statistics statistics;

	@Autowired
	Importer importer;

	@Autowired
	Registry registry;

	@Autowired
	ApplicationContext context;

	private static Staff analyst;

	private static final Actor EDITOR = new Actor("stats-editor", Role.EDITOR);

	private static final Actor ADMIN = new Actor("stats-admin", Role.ADMIN);

	private static String restrictedCase;

	@BeforeEach
	void recordOnce() {
		if (analyst != null) {
			return;
		}
		Staff.add(this.context, EDITOR.login(), Role.EDITOR);
		Staff.add(this.context, ADMIN.login(), Role.ADMIN);
		analyst = Staff.add(this.context, "stats-analyst", Role.ANALYST);
		ImportReport report = this.importer.run(EDITOR,
				MappingProfile.load(Path.of("profiles/ovdinfo-moscow-2011-2012.yaml")), Fixtures.ovdInfoMoscow(), false,
				(phase, rows, fraction) -> {
				});
		assertThat(report.problems()).isEmpty();
		recordCases();
	}

	/**
	 * Three people, four cases (and a fifth, restricted): each measure's figure below
	 * follows from these by its definition.
	 */
	private void recordCases() {
		LocalDate today = LocalDate.now();
		String anna = save(person("Анна Выдуманная"));
		String boris = save(person("Борис Выдуманный"));
		String vera = save(person("Вера Выдуманная"));
		// Anna: a criminal case from a denunciation, in custody until a date to come
		String annaCriminal = save(
				aCase(anna, "criminal", "investigation", "denunciation").with("informant", "relative")
					.with("opened", "2024-03-01")
					.with("region", "moscow")
					.with("charges", "uk-207.3"));
		save(anEvent(annaCriminal, "measure-of-restraint", "2024-03-02").with("measure", "custody")
			.with("until", today.plusMonths(2).toString()));
		// Anna again: an administrative case that ended in a fine
		save(aCase(anna, "administrative", "closed", "street-detention").with("opened", "2023-06-05")
			.with("region", "moscow")
			.with("charges", "koap-20.3.3")
			.with("outcome", "fine")
			.with("fineAmount", "30000"));
		// Boris: two articles, a prison sentence of five years from a verdict last year
		String borisCase = save(aCase(boris, "criminal", "closed", "wiretap").with("opened", "2024-01-10")
			.with("region", "saint-petersburg")
			.with("charges", "uk-207.3", "uk-280.3")
			.with("outcome", "sentence-real")
			.with("sentenceMonths", "60"));
		save(anEvent(borisCase, "verdict", today.minusYears(1).toString()));
		// Vera: house arrest (not custody), then acquitted
		String veraCase = save(aCase(vera, "administrative", "closed", "denunciation").with("informant", "colleague")
			.with("opened", "2024-05-20")
			.with("region", "saint-petersburg")
			.with("charges", "koap-20.3.3")
			.with("outcome", "acquittal"));
		save(anEvent(veraCase, "measure-of-restraint", "2024-05-21").with("measure", "house-arrest")
			.with("until", today.plusMonths(1).toString()));
		// A restricted case: only the admin (and those named) may count it
		restrictedCase = save(
				aCase(vera, "criminal", "investigation", "social-media-monitoring").with("opened", "2024-07-01")
					.with("region", "moscow")
					.with("charges", "uk-207.3"));
		RecordId id = RecordKind.CASE.id(java.util.UUID.fromString(restrictedCase));
		assertThat(
				this.registry.share(ADMIN, id, this.registry.read(ADMIN, id).orElseThrow().version(), true, List.of()))
			.isInstanceOf(SaveResult.Saved.class);
		// an incident whose organiser a hostile hand typed as a spreadsheet formula
		save(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2014-03-15")
			.with("region", "moscow")
			.with("type", "march")
			.with("organiser", "=HYPERLINK(\"http://example.invalid\",\"x\")")
			.with("detained", "12"));
	}

	private static RecordDraft person(String name) {
		return RecordDraft.empty(RecordKind.PERSON).with("names", name);
	}

	private static RecordDraft aCase(String person, String kind, String status, String trigger) {
		return RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", kind)
			.with("status", status)
			.with("trigger", trigger);
	}

	private static RecordDraft anEvent(String caseId, String type, String date) {
		return RecordDraft.empty(RecordKind.CASE_EVENT).with("caseId", caseId).with("type", type).with("date", date);
	}

	private String save(RecordDraft draft) {
		SaveResult result = this.registry.record(EDITOR, draft);
		assertThat(result).as("test record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

	private StatsResult stats(Actor actor, String measure, String by, String... where) {
		return this.statistics.compute(actor, StatsQuery.parse(measure, by, null, null, List.of(where)));
	}

	private StatsResult fixture(String measure, String by) {
		return this.statistics.compute(new Actor("stats-analyst", Role.ANALYST), new StatsQuery(measure,
				(by == null) ? List.of() : List.of(by), FIXTURE_FROM, FIXTURE_TO, Map.of(), null));
	}

	/** The groups of a result as value → figure, in the result's order. */
	private static Map<String, Long> figures(StatsResult result) {
		Map<String, Long> figures = new LinkedHashMap<>();
		result.rows().forEach(row -> figures.put(String.join("|", row.values()), row.figure().value()));
		return figures;
	}

	@Test
	void theFixturesPublishedFiguresComeOutOfTheStatistics() {
		assertThat(fixture("incidents", null).total().value()).isEqualTo(180);
		assertThat(fixture("detained", null).total().value()).isEqualTo(4885);
		assertThat(figures(fixture("incidents", "month"))).containsExactly(Map.entry("2011-12", 16L),
				Map.entry("2012-01", 7L), Map.entry("2012-02", 12L), Map.entry("2012-03", 23L),
				Map.entry("2012-04", 20L), Map.entry("2012-05", 34L), Map.entry("2012-06", 23L),
				Map.entry("2012-07", 14L), Map.entry("2012-08", 16L), Map.entry("2012-09", 15L));
		assertThat(figures(fixture("detained", "month"))).containsExactly(Map.entry("2011-12", 1312L),
				Map.entry("2012-01", 67L), Map.entry("2012-02", 126L), Map.entry("2012-03", 600L),
				Map.entry("2012-04", 224L), Map.entry("2012-05", 1998L), Map.entry("2012-06", 196L),
				Map.entry("2012-07", 101L), Map.entry("2012-08", 181L), Map.entry("2012-09", 80L));
		assertThat(figures(fixture("incidents", "agreement"))).containsExactly(Map.entry("not-agreed", 161L),
				Map.entry("agreed", 19L));
		assertThat(figures(fixture("detained", "agreement"))).containsExactly(Map.entry("not-agreed", 3817L),
				Map.entry("agreed", 1068L));
		assertThat(figures(fixture("incidents", "type"))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
				Map.entry("activist-detention", 7L), Map.entry("eco-camp", 6L), Map.entry("flash-mob", 1L),
				Map.entry("leafleting", 12L), Map.entry("march", 3L), Map.entry("occupy", 15L), Map.entry("other", 5L),
				Map.entry("picket", 70L), Map.entry("protest", 18L), Map.entry("rally", 14L),
				Map.entry("single-picket", 5L), Map.entry("strategy-31", 6L), Map.entry("walks-occupy", 18L)));
		assertThat(figures(fixture("detained", "type")))
			.containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("activist-detention", 8L),
					Map.entry("eco-camp", 41L), Map.entry("flash-mob", 5L), Map.entry("leafleting", 69L),
					Map.entry("march", 484L), Map.entry("occupy", 244L), Map.entry("other", 22L),
					Map.entry("picket", 665L), Map.entry("protest", 333L), Map.entry("rally", 1526L),
					Map.entry("single-picket", 23L), Map.entry("strategy-31", 349L), Map.entry("walks-occupy", 1116L)));
		assertThat(fixture("detained", "type").rows().get(0).values()).containsExactly("rally");
	}

	@Test
	void twoDimensionsSplitTheFiguresAndAFilterNarrowsThem() {
		StatsResult byMonthAndAgreement = fixture("detained", "month");
		StatsResult may = this.statistics.compute(analyst.actor(), new StatsQuery("detained",
				List.of("agreement", "type"), FIXTURE_FROM, FIXTURE_TO, Map.of("month", List.of("2012-05")), null));

		assertThat(may.total().value()).isEqualTo(figures(byMonthAndAgreement).get("2012-05"));
		assertThat(may.rows().stream().mapToLong(r -> r.figure().value()).sum()).isEqualTo(1998);
		assertThat(may.rows()).allSatisfy(row -> assertThat(row.values()).hasSize(2));
	}

	@Test
	void caseMeasuresCountWhatTheirDefinitionsSay() {
		assertThat(stats(analyst.actor(), "cases", null).total().value()).isEqualTo(4);
		assertThat(stats(ADMIN, "cases", null).total().value()).as("with the restricted case").isEqualTo(5);
		assertThat(stats(analyst.actor(), "persons", null).total().value()).isEqualTo(3);
		assertThat(stats(analyst.actor(), "charges", null).total().value()).isEqualTo(5);
		assertThat(figures(stats(analyst.actor(), "cases", "article"))).containsExactly(Map.entry("koap-20.3.3", 2L),
				Map.entry("uk-207.3", 2L), Map.entry("uk-280.3", 1L));
		assertThat(figures(stats(analyst.actor(), "charges", "article"))).containsEntry("uk-207.3", 2L);
		assertThat(figures(stats(analyst.actor(), "persons", "region")))
			.containsExactly(Map.entry("saint-petersburg", 2L), Map.entry("moscow", 1L));
		StatsResult fines = stats(analyst.actor(), "fines", null);
		assertThat(fines.total().value()).isEqualTo(1);
		assertThat(fines.total().amount()).isEqualTo(30_000L);
		StatsResult custody = stats(analyst.actor(), "in-custody", null);
		assertThat(custody.total().value()).as("Anna on remand, Boris serving; Vera's house arrest is no custody")
			.isEqualTo(2);
		StatsResult convictions = stats(analyst.actor(), "conviction-rate", null);
		assertThat(convictions.total().numerator()).isEqualTo(2);
		assertThat(convictions.total().denominator()).isEqualTo(3);
		assertThat(figures(stats(analyst.actor(), "cases", "trigger", "trigger=denunciation")))
			.containsExactly(Map.entry("denunciation", 2L));
		assertThat(figures(stats(analyst.actor(), "cases", "informant", "trigger=denunciation")))
			.containsOnlyKeys("relative", "colleague");
		assertThat(stats(analyst.actor(), "cases", null, "trigger=Донос", "article=УК 207.3", "region=Москва").total())
			.as("values by name, as a person writes them")
			.satisfies(total -> assertThat(total.value()).isEqualTo(1))
			.isEqualTo(
					stats(analyst.actor(), "cases", null, "trigger=denunciation", "article=uk-207.3", "region=moscow")
						.total());
		assertThat(stats(analyst.actor(), "cases", null, "article=207.3").query().where()).containsEntry("article",
				List.of("uk-207.3"));
		assertThat(stats(analyst.actor(), "cases", null, "article=CC 207.3").query().where())
			.as("an article as the English pages name it, as the English hint writes it")
			.containsEntry("article", List.of("uk-207.3"));
		StatsResult byNames = stats(analyst.actor(), "cases", "Регион", "Повод=Донос", "Law article=207.3");
		assertThat(byNames.query().where()).as("fields by name, as the form's labels write them")
			.containsOnlyKeys("trigger", "article");
		assertThat(byNames.query().by()).containsExactly("region");
		assertThat(byNames.total().value()).isEqualTo(1);
	}

	@Test
	void aFigureChangesWhenARecordDoesAndNobodyCountsWhatTheyMayNotSee() {
		long before = stats(analyst.actor(), "incidents", null).total().value();
		save(RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2015-01-01")
			.with("region", "moscow")
			.with("type", "picket")
			.with("detained", "3"));

		assertThat(stats(analyst.actor(), "incidents", null).total().value()).isEqualTo(before + 1);
		assertThat(stats(analyst.actor(), "cases", null, "region=moscow").total().value())
			.as("the restricted Moscow case is not counted for the analyst")
			.isEqualTo(2);
		assertThatThrownBy(() -> stats(new Actor("stats-lawyer", Role.LAWYER), "cases", null))
			.isInstanceOf(org.khronika.access.AccessRefused.class);
	}

	@Test
	void theFactTablesAreAProjectionOfTheLogThatRebuildGivesBackExactly() {
		JdbcTemplate jdbc = new JdbcTemplate(this.context.getBean(DataSource.class));
		List<Map<String, Object>> incidents = jdbc.queryForList("SELECT * FROM fact_incident ORDER BY id");
		List<Map<String, Object>> cases = jdbc.queryForList("SELECT * FROM fact_case ORDER BY id");
		List<Map<String, Object>> events = jdbc.queryForList("SELECT * FROM fact_case_event ORDER BY id");

		this.registry.rebuild();

		assertThat(jdbc.queryForList("SELECT * FROM fact_incident ORDER BY id")).hasSizeGreaterThan(180)
			.isEqualTo(incidents);
		assertThat(jdbc.queryForList("SELECT * FROM fact_case ORDER BY id")).hasSize(5).isEqualTo(cases);
		assertThat(jdbc.queryForList("SELECT * FROM fact_case_event ORDER BY id")).isEqualTo(events);
	}

	@Test
	void aQuestionThatCannotBeAnsweredSaysWhy() {
		assertThatThrownBy(() -> stats(analyst.actor(), "arrests", null)).isInstanceOf(StatsException.class)
			.hasMessageContaining("measure: unknown 'arrests'")
			.hasMessageContaining("incidents, detained, persons");
		assertThatThrownBy(() -> stats(analyst.actor(), "incidents", "article")).isInstanceOf(StatsException.class)
			.hasMessageContaining(
					"“incidents” cannot be broken down by “article”, only by day, month, year, region, type,");
		assertThatThrownBy(() -> stats(analyst.actor(), "cases", "month,region,year"))
			.isInstanceOf(StatsException.class)
			.hasMessageContaining("at most 2");
		assertThatThrownBy(() -> stats(analyst.actor(), "incidents", null, "region=mosc"))
			.isInstanceOf(StatsException.class)
			.hasMessageContaining("where: 'mosc' is no code or name of “region” in the catalog");
		assertThatThrownBy(() -> stats(analyst.actor(), "incidents", null, "year=twenty"))
			.isInstanceOf(StatsException.class)
			.hasMessageContaining("where: 'twenty' is not a value of “year” (written as a number)");
		assertThatThrownBy(() -> stats(analyst.actor(), "cases", "region,Регион")).isInstanceOf(StatsException.class)
			.hasMessageContaining("by: a dimension named twice");
		assertThatThrownBy(() -> StatsQuery.parse("incidents", null, "2012-13-01", null, List.of()))
			.isInstanceOf(StatsException.class)
			.hasMessageContaining("from: '2012-13-01' is not a date");
	}

	@Test
	void theCommandsTableSaysWhatItsFiguresWereNarrowedTo() throws Exception {
		Jar.Result narrowed = Jar.run(Map.of(), "stats", "--data", DATA.toString(), "--as", analyst.login(),
				"--measure", "cases", "--from", "2011-01-01", "--where", "Регион=Москва", "--where", "trigger=",
				"--where", "trigger=Донос");
		Jar.Result whole = Jar.run(Map.of(), "stats", "--data", DATA.toString(), "--as", analyst.login(), "--measure",
				"cases");

		assertThat(narrowed.exitCode()).as(narrowed.all()).isZero();
		assertThat(narrowed.out())
			.contains("Counted only where: from 2011-01-01, region = moscow, trigger = not stated or denunciation.");
		assertThat(whole.out()).contains("As " + analyst.login() + " may see the records")
			.doesNotContain("Counted only");
	}

	@Test
	void theCommandLineThePageAndTheCsvDownloadGiveTheSameFigures() throws Exception {
		String[] question = { "--measure", "detained", "--by", "month,agreement", "--from", "2011-12-01", "--to",
				"2012-09-30" };
		List<String> arguments = new ArrayList<>(
				List.of("stats", "--data", DATA.toString(), "--as", analyst.login(), "--format", "csv"));
		arguments.addAll(List.of(question));
		Jar.Result cli = Jar.run(Map.of(), arguments.toArray(String[]::new));
		assertThat(cli.exitCode()).as(cli.all()).isZero();

		WebSession web = new WebSession(this.port).login(analyst);
		String query = "measure=detained&by=month&by2=agreement&from=2011-12-01&to=2012-09-30";
		WebSession.Response csv = web.get("/stats.csv?" + query);
		WebSession.Response page = web.get("/stats?" + query);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().replace("\r\n", "\n")).isEqualTo(cli.out().replace("\r\n", "\n"));
		List<String> lines = List.of(cli.out().strip().split("\r?\n"));
		assertThat(lines.get(0)).as("the figure, then how many incidents did not say how many were detained")
			.isEqualTo("month,agreement,detained,unknown");
		assertThat(lines).contains("2012-05,not-agreed,1547,0", "2012-05,agreed,451,0", "total,total,4885,0");
		List<Long> pageFigures = new ArrayList<>();
		Matcher figure = Pattern.compile("<td[^>]*class=\"number\"[^>]*>\\s*<a href=\"[^\"]*\">([\\d\\s\u00a0]+)</a>")
			.matcher(page.body());
		while (figure.find()) {
			pageFigures.add(Long.parseLong(figure.group(1).replaceAll("[\\s\u00a0]", "")));
		}
		List<Long> cliFigures = lines.subList(1, lines.size())
			.stream()
			.map(line -> Long.parseLong(line.split(",")[2]))
			.toList();
		assertThat(pageFigures).isEqualTo(cliFigures);
		assertThat(page.body()).contains("<svg").contains("Сумма задержанных на инцидентах");
		List<String> tooltips = new ArrayList<>();
		Matcher tooltip = Pattern.compile("<rect [^>]*><title>([^<]*)</title>").matcher(page.body());
		while (tooltip.find()) {
			tooltips.add(tooltip.group(1));
		}
		assertThat(tooltips).as("each bar's tooltip writes its figure as the table does")
			.isNotEmpty()
			.allMatch(text -> text.matches(".*: \\d{1,3}(\u00a0\\d{3})*"))
			.anyMatch(text -> text.endsWith(": 1\u00a0547"));
		assertThat(page.body()).as("the menu links the page").contains("href=\"/stats\"");
	}

	@Test
	void theCommandSaysWhyItCannotAnswerInOneLine() throws Exception {
		Staff.add(this.context, "stats-lawyer", Role.LAWYER);

		Jar.Result lawyer = Jar.run(Map.of(), "stats", "--data", DATA.toString(), "--as", "stats-lawyer", "--measure",
				"cases");
		Jar.Result unknown = Jar.run(Map.of(), "stats", "--data", DATA.toString(), "--as", analyst.login(), "--measure",
				"cases", "--by", "type");

		assertThat(lawyer.exitCode()).isNotZero();
		assertThat(lawyer.err()).contains("access denied").doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(unknown.exitCode()).isNotZero();
		assertThat(unknown.err()).contains("by: “cases” cannot be broken down by “type”").doesNotContain("\tat ");
	}

	@Test
	void everyFigureLinksToTheRecordsBehindIt() {
		WebSession web = new WebSession(this.port).login(analyst);
		WebSession.Response page = web.get("/stats?measure=incidents&by=agreement&from=2011-12-01&to=2012-09-30");
		Matcher link = Pattern.compile("href=\"(/stats/records\\?[^\"]*value=agreed)\"").matcher(page.body());
		assertThat(link.find()).as("a link from the 'agreed' figure").isTrue();

		WebSession.Response records = web.get(link.group(1).replace("&amp;", "&"));

		assertThat(records.status()).isEqualTo(200);
		Matcher items = Pattern.compile("<li><a href=\"/incidents/[0-9a-f-]{36}\">").matcher(records.body());
		int count = 0;
		while (items.find()) {
			count++;
		}
		assertThat(count).isEqualTo(19);
		Matcher dates = Pattern
			.compile("<li><a href=\"/incidents/[0-9a-f-]{36}\"><time datetime=\"(\\d{4}-\\d{2}-\\d{2})\">")
			.matcher(records.body());
		List<String> listed = new ArrayList<>();
		while (dates.find()) {
			listed.add(dates.group(1));
		}
		assertThat(listed).as("oldest first").hasSize(19).isSorted();
		assertThat(
				web.get(link.group(1).replace("&amp;", "&") + "&where=type%3Drally&where=type%3DПикет&lang=ru").body())
			.as("the group and the filters by their names, the dates in the reader's language")
			.contains("<li>Согласование: Согласовано</li>")
			.contains("<li>Тип инцидента: Митинг или Пикет</li>")
			.contains("С: <time datetime=\"2011-12-01\">1\u00a0дек.\u00a02011\u00a0г.</time>");
		List<RecordId> ids = this.statistics.records(analyst.actor(),
				new StatsQuery("incidents", List.of("agreement"), FIXTURE_FROM, FIXTURE_TO, Map.of(), null),
				List.of("agreed"));
		assertThat(ids).hasSize(19).allSatisfy(id -> assertThat(id.kind()).isEqualTo(RecordKind.INCIDENT));
	}

	@Test
	void aFiguresFileIsNamedForWhatItCountsSoThatANarrowedOneIsNotQuotedAsTheWhole() {
		WebSession web = new WebSession(this.port).login(analyst);

		WebSession.Response csv = web
			.get("/stats.csv?measure=incidents&by=year&from=2014-01-01&where=%D0%A0%D0%B5%D0%B3%D0%B8%D0%BE%D0%BD%3D"
					+ "%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&where=organiser%3D");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition")).as("filters by code, as the file's rows are written")
			.isEqualTo("attachment; filename=\"khronika-incidents-by-year-from-2014-01-01-where-region-moscow"
					+ "-where-organiser-none.csv\"");
	}

	@Test
	void theCsvDownloadNeutralisesFormulas() {
		WebSession web = new WebSession(this.port).login(analyst);

		WebSession.Response csv = web.get("/stats.csv?measure=incidents&by=organiser&from=2014-01-01&to=2014-12-31");

		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",1")
			.doesNotContain("\n=HYPERLINK")
			.doesNotContain(",=HYPERLINK");
		assertThat(StatsFormat.neutralised("+1")).isEqualTo("'+1");
		assertThat(StatsFormat.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(StatsFormat.neutralised("-2")).isEqualTo("'-2");
		assertThat(StatsFormat.neutralised("Москва")).isEqualTo("Москва");
	}

	@Test
	void aBadQuestionOnThePageIsAMessageNotAnError() {
		WebSession web = new WebSession(this.port).login(analyst);

		WebSession.Response page = web.get("/stats?measure=incidents&by=article&lang=en");
		WebSession.Response russian = web.get("/stats?measure=incidents&by=article&lang=ru");
		WebSession.Response csv = web.get("/stats.csv?measure=incidents&where=region%3Dmosc&lang=en");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.text()).contains("By: “Incidents” cannot be broken down by “Law article”, only by Day, Month,")
			.doesNotContain("Exception")
			.as("the form's hint names an article as the English pages do")
			.contains("Law article=CC 207.3");
		assertThat(russian.text()).as("the message in the page's language, measures and dimensions by their names")
			.contains("По: показатель «Инциденты» нельзя разбить по «Статья», только по: День, Месяц, Год, Регион,");
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.body()).contains("Only where: 'mosc' is no code or name of “Region” in the catalog");
		assertThat(web.get("/stats?measure=incidents&where=year%3Dtwenty&lang=ru").text())
			.contains("Только где: «twenty» — не значение «Год» (пишется так: число)");
		assertThat(web.get("/stats?measure=incidents&from=2024-13-01&lang=ru").text())
			.as("the field at fault named as the form labels it")
			.contains("С: «2024-13-01» — не дата (ГГГГ-ММ-ДД)");
		assertThat(russian.body())
			.as("the form groups the measures by what they count, the dimensions by what they break down")
			.containsPattern("<optgroup label=\"Считают дела\">\\s*<option value=\"persons\"")
			.containsPattern("<optgroup label=\"Только для дел\">\\s*<option value=\"article\"")
			.containsPattern("<optgroup label=\"Только для инцидентов\">\\s*<option value=\"type\"");
		assertThat(russian.body()).as("no Latin letter in the Russian message")
			.containsPattern("role=\"alert\">По: ")
			.doesNotContainPattern("role=\"alert\">[^<]*[A-Za-z]");
	}

}
