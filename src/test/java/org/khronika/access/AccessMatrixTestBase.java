package org.khronika.access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.WebSession.Response;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Verification;
import org.khronika.registry.ListQuery;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.Facts;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.api.ApiClient;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role, and an anonymous visitor, against every page, API endpoint and record: what
 * the policy allows works, what it does not is refused (403) or, for a record the user
 * may not see, answered as if it did not exist (404). A route that is in the application
 * but not in this matrix fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AccessMatrixTestBase {

	/**
	 * What each engine's matrix shares: many logins in a minute. Each has a data
	 * directory of its own (it holds the heads its database's log reached).
	 */
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("khronika.access.logins-per-minute", () -> "1000");
	}

	/** Who asks: the five roles and someone not logged in. */
	enum Who {

		ANONYMOUS, ADMIN, EDITOR, LAWYER, OPERATOR, ANALYST

	}

	/** What the policy should answer. */
	enum Outcome {

		/** It works. */
		ALLOW,
		/**
		 * Refused: 403 (an anonymous visitor is sent to log in, or gets 401 from the
		 * API).
		 */
		DENY,
		/** As if the record did not exist: 404. */
		HIDDEN,
		/** The input is refused: 422 (a reference to a record the user may not see). */
		INVALID

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Registry registry;

	@Autowired
	Facts facts;

	@Autowired
	AccessPolicy policy;

	@Autowired
	Statistics statistics;

	@Autowired
	AuditTrail audit;

	@Autowired
	EventLog log;

	@Autowired
	@Qualifier("auditChain")
	EventLog auditChain;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** One fixture per test class (and so per database engine), made once. */
	private static final Map<Class<?>, Fixture> FIXTURES = new java.util.HashMap<>();

	private Fixture f;

	/** The records and sessions every test shares; made once. */
	static final class Fixture {

		final Map<Who, Staff> staff = new EnumMap<>(Who.class);

		final Map<Who, WebSession> web = new EnumMap<>(Who.class);

		final Map<Who, ApiClient> api = new EnumMap<>(Who.class);

		String source;

		String assignedPerson;

		String otherPerson;

		String restrictedPerson;

		String assignedCase;

		String otherCase;

		String assignedEvent;

		String otherEvent;

		String operatorIncident;

		String editorIncident;

	}

	static final String ASSIGNED_NAME = "Вера Назначенная";

	static final String OTHER_NAME = "Глеб Чужой";

	static final String RESTRICTED_NAME = "Римма Скрытая";

	/** Strings that name or describe someone: no analyst output may hold any of them. */
	static final List<String> IDENTIFYING = List.of(ASSIGNED_NAME, OTHER_NAME, RESTRICTED_NAME, "vera@example.org",
			"gleb@example.org", "Заметка по делу А", "Заметка по делу Б", "Описание оператора", "Описание редактора",
			"Источник: соседка");

	@BeforeEach
	void setUp() {
		this.f = FIXTURES.get(getClass());
		if (this.f != null) {
			return;
		}
		this.f = new Fixture();
		FIXTURES.put(getClass(), this.f);
		Fixture f = this.f;
		f.staff.put(Who.ADMIN, Staff.add(this.context, "root", Role.ADMIN));
		f.staff.put(Who.EDITOR, Staff.add(this.context, "editor-a", Role.EDITOR));
		f.staff.put(Who.LAWYER, Staff.add(this.context, "lawyer-a", Role.LAWYER));
		f.staff.put(Who.OPERATOR, Staff.add(this.context, "hotline-a", Role.OPERATOR));
		f.staff.put(Who.ANALYST, Staff.add(this.context, "analyst-a", Role.ANALYST));
		Staff.add(this.context, "lawyer-b", Role.LAWYER);
		Staff.add(this.context, "scratch", Role.ANALYST);
		Actor editor = f.staff.get(Who.EDITOR).actor();
		Actor operator = f.staff.get(Who.OPERATOR).actor();

		f.source = save(editor,
				RecordDraft.empty(RecordKind.SOURCE)
					.with("kind", "relative")
					.with("reference", "Источник: соседка")
					.with("reliability", "C3"));
		f.assignedPerson = save(editor, person(ASSIGNED_NAME, "1990", "vera@example.org").with("sources", f.source));
		f.otherPerson = save(editor, person(OTHER_NAME, "1985", "gleb@example.org"));
		f.restrictedPerson = save(editor,
				RecordDraft.empty(RecordKind.PERSON)
					.with("names", RESTRICTED_NAME)
					.with("birthYear", "1970")
					.with("region", "moscow"));
		f.assignedCase = save(editor, denounced(f.assignedPerson, "УК 207.3", "colleague", "Заметка по делу А"));
		f.otherCase = save(editor, denounced(f.otherPerson, "УК 280.3", "relative", "Заметка по делу Б"));
		f.assignedEvent = save(editor, search(f.assignedCase, "2025-01-10", "Заметка по делу А"));
		f.otherEvent = save(editor, search(f.otherCase, "2025-01-11", "Заметка по делу Б"));
		f.operatorIncident = save(operator,
				incident("2025-02-01", "single-picket", "1", "Описание оператора").with("topic", "Против войны"));
		f.editorIncident = save(editor,
				incident("2025-02-02", "protest", "12", "Описание редактора").with("topic", "Против войны"));
		Actor admin = f.staff.get(Who.ADMIN).actor();
		share(admin, f.assignedCase, false, List.of("lawyer-a"));
		share(admin, f.otherCase, false, List.of("lawyer-b"));
		share(admin, f.restrictedPerson, true, List.of());

		ApiTokens tokens = this.context.getBean(ApiTokens.class);
		f.api.put(Who.ANONYMOUS, new ApiClient(this.port, null));
		f.web.put(Who.ANONYMOUS, new WebSession(this.port));
		for (Who who : List.of(Who.ADMIN, Who.EDITOR, Who.LAWYER, Who.OPERATOR, Who.ANALYST)) {
			Staff member = f.staff.get(who);
			f.web.put(who, new WebSession(this.port).login(member));
			f.api.put(who, new ApiClient(this.port,
					tokens.create(Staff.SETUP, member.login(), member.role(), "matrix", Duration.ofDays(1))));
		}
	}

	private String save(Actor actor, RecordDraft draft) {
		SaveResult result = this.registry.record(actor, draft);
		assertThat(result).as("fixture record").isInstanceOf(SaveResult.Saved.class);
		return ((SaveResult.Saved) result).id().toString();
	}

	private static RecordDraft person(String name, String born, String contacts) {
		return RecordDraft.empty(RecordKind.PERSON)
			.with("names", name)
			.with("birthYear", born)
			.with("region", "moscow")
			.with("contacts", contacts);
	}

	private static RecordDraft denounced(String person, String article, String informant, String notes) {
		return RecordDraft.empty(RecordKind.CASE)
			.with("person", person)
			.with("kind", "criminal")
			.with("charges", article)
			.with("trigger", "denunciation")
			.with("informant", informant)
			.with("status", "investigation")
			.with("notes", notes);
	}

	private static RecordDraft search(String courtCase, String date, String note) {
		return RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", courtCase)
			.with("type", "search")
			.with("date", date)
			.with("note", note);
	}

	private static RecordDraft incident(String date, String type, String detained, String description) {
		return RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", date)
			.with("region", "moscow")
			.with("type", type)
			.with("detained", detained)
			.with("description", description);
	}

	private void share(Actor admin, String id, boolean restricted, List<String> users) {
		RecordId recordId = idOf(id);
		int version = this.registry.read(admin, recordId).orElseThrow().version();
		assertThat(this.registry.share(admin, recordId, version, restricted, users))
			.isInstanceOf(SaveResult.Saved.class);
	}

	private RecordId idOf(String id) {
		Actor admin = f.staff.get(Who.ADMIN).actor();
		for (RecordKind kind : RecordKind.values()) {
			RecordId candidate = kind.id(java.util.UUID.fromString(id));
			if (this.registry.exists(admin, candidate)) {
				return candidate;
			}
		}
		throw new AssertionError("no record " + id);
	}

	/** One row of the matrix: a request and what each of the six should get. */
	record Row(String route, String method, String path, Map<String, List<String>> form, Map<Who, Outcome> expected) {
	}

	private static Map<Who, Outcome> expect(Outcome admin, Outcome editor, Outcome lawyer, Outcome operator,
			Outcome analyst) {
		Map<Who, Outcome> expected = new EnumMap<>(Who.class);
		expected.put(Who.ANONYMOUS, Outcome.DENY);
		expected.put(Who.ADMIN, admin);
		expected.put(Who.EDITOR, editor);
		expected.put(Who.LAWYER, lawyer);
		expected.put(Who.OPERATOR, operator);
		expected.put(Who.ANALYST, analyst);
		return expected;
	}

	private static final Outcome A = Outcome.ALLOW;

	private static final Outcome D = Outcome.DENY;

	private static final Outcome H = Outcome.HIDDEN;

	private static final Outcome I = Outcome.INVALID;

	private static final String KINDS = "/{plural:persons|incidents|cases|case-events|sources}";

	/** The web pages, as rows; every route of the application appears at least once. */
	private List<Row> webRows() {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("GET /", "GET", "/", null, expect(A, A, A, A, A)));
		for (RecordKind kind : RecordKind.values()) {
			rows.add(new Row("GET " + KINDS, "GET", "/" + kind.plural(), null, expect(A, A, A, A, A)));
		}
		rows.add(new Row("GET " + KINDS + "/new", "GET", "/persons/new", null, expect(A, A, D, D, D)));
		rows.add(new Row("GET " + KINDS + "/new", "GET", "/incidents/new", null, expect(A, A, D, A, D)));
		rows.add(new Row("GET " + KINDS + "/new", "GET", "/case-events/new", null, expect(A, A, A, D, D)));
		rows.add(new Row("POST " + KINDS, "POST", "/sources",
				form("kind", "media", "reference", "https://example.org/x", "reliability", "B2"),
				expect(A, A, D, D, D)));
		rows.add(new Row("POST " + KINDS, "POST", "/incidents",
				form("date", "2025-03-01", "region", "moscow", "type", "protest"), expect(A, A, D, A, D)));
		rows.add(new Row("POST " + KINDS, "POST", "/case-events",
				form("caseId", f.assignedCase, "type", "hearing-held", "date", "2025-03-02"), expect(A, A, A, D, D)));
		rows.add(new Row("POST " + KINDS, "POST", "/case-events",
				form("caseId", f.otherCase, "type", "hearing-held", "date", "2025-03-02"), expect(A, A, I, D, D)));

		record Target(String path, Map<Who, Outcome> read, Map<Who, Outcome> edit) {
		}
		List<Target> targets = List.of(
				new Target("/persons/" + f.assignedPerson, expect(A, A, A, H, A), expect(A, A, D, H, D)),
				new Target("/persons/" + f.otherPerson, expect(A, A, H, H, A), expect(A, A, H, H, D)),
				new Target("/persons/" + f.restrictedPerson, expect(A, H, H, H, H), expect(A, H, H, H, H)),
				new Target("/cases/" + f.assignedCase, expect(A, A, A, H, A), expect(A, A, D, H, D)),
				new Target("/cases/" + f.otherCase, expect(A, A, H, H, A), expect(A, A, H, H, D)),
				new Target("/case-events/" + f.assignedEvent, expect(A, A, A, H, A), expect(A, A, D, H, D)),
				new Target("/case-events/" + f.otherEvent, expect(A, A, H, H, A), expect(A, A, H, H, D)),
				new Target("/incidents/" + f.operatorIncident, expect(A, A, H, A, A), expect(A, A, H, A, D)),
				new Target("/incidents/" + f.editorIncident, expect(A, A, H, H, A), expect(A, A, H, H, D)),
				new Target("/sources/" + f.source, expect(A, A, H, H, A), expect(A, A, H, H, D)));
		for (Target target : targets) {
			rows.add(new Row("GET " + KINDS + "/{id}", "GET", target.path(), null, target.read()));
			rows.add(new Row("GET " + KINDS + "/{id}/history", "GET", target.path() + "/history", null, target.read()));
			rows.add(new Row("GET " + KINDS + "/{id}/edit", "GET", target.path() + "/edit", null, target.edit()));
		}
		Map<Who, Outcome> shareRecord = expect(A, A, D, H, D);
		rows.add(new Row("POST " + KINDS + "/{id}/access", "POST", "/cases/" + f.assignedCase + "/access",
				form("users", "lawyer-a", "version", "0"), shareRecord));
		rows.add(new Row("POST " + KINDS + "/{id}", "POST", "/incidents/" + f.operatorIncident,
				form("version", "0", "date", "2025-02-01", "region", "moscow", "type", "single-picket"),
				expect(A, A, H, A, D)));

		rows.add(new Row("GET /account", "GET", "/account", null, expect(A, A, A, A, A)));
		rows.add(new Row("GET /admin/users", "GET", "/admin/users", null, expect(A, D, D, D, D)));
		rows.add(new Row("GET /admin/audit", "GET", "/admin/audit", null, expect(A, D, D, D, D)));
		rows.add(new Row("GET /imports", "GET", "/imports", null, expect(A, A, A, A, D)));
		rows.add(new Row("POST /imports", "POST", "/imports", form("profile", ""), expect(I, I, I, I, D)));
		rows.add(new Row("GET /imports/{id}", "GET", "/imports/" + java.util.UUID.randomUUID(), null,
				expect(H, H, H, H, H)));
		rows.add(new Row("POST /imports/{id}/run", "POST", "/imports/" + java.util.UUID.randomUUID() + "/run", form(),
				expect(H, H, H, H, H)));
		rows.add(new Row("GET /stats", "GET", "/stats?measure=cases&by=article", null, expect(A, A, D, D, A)));
		// linkage reads every person's names: for those who record persons; an operator
		// records incidents, and sees and decides the proposals of incidents they may see
		String nobody = java.util.UUID.randomUUID().toString();
		rows.add(new Row("GET /linkage", "GET", "/linkage", null, expect(A, A, D, A, D)));
		rows.add(new Row("POST /linkage/run", "POST", "/linkage/run", form(), expect(A, A, D, D, D)));
		rows.add(new Row("POST /linkage/confirm", "POST", "/linkage/confirm",
				form("left", f.otherPerson, "right", nobody), expect(A, A, D, D, D)));
		rows.add(new Row("POST /linkage/reject", "POST", "/linkage/reject",
				form("left", f.otherPerson, "right", nobody), expect(A, A, D, D, D)));
		rows.add(new Row("POST /linkage/confirm", "POST", "/linkage/confirm",
				form("kind", "incident", "left", f.operatorIncident, "right", nobody), expect(A, A, D, A, D)));
		rows.add(new Row("POST /linkage/reject", "POST", "/linkage/reject",
				form("kind", "incident", "left", f.operatorIncident, "right", nobody), expect(A, A, D, A, D)));
		rows.add(new Row("POST " + KINDS + "/{id}/unlink", "POST", "/persons/" + f.otherPerson + "/unlink",
				form("other", nobody), expect(A, A, H, H, D)));
		// shredding a person: an administrator's, asked on a page of its own first; what
		// a
		// shredding does to a real person is RecordPagesIT's (here nobody is shredded)
		rows.add(new Row("GET /persons/{id}/shred", "GET", "/persons/" + f.otherPerson + "/shred", null,
				expect(A, D, H, H, D)));
		rows.add(new Row("POST /persons/{id}/shred", "POST", "/persons/" + nobody + "/shred", form(),
				expect(H, H, H, H, H)));
		rows.add(new Row("POST " + KINDS + "/{id}/unlink", "POST", "/incidents/" + f.operatorIncident + "/unlink",
				form("other", nobody), expect(A, A, H, A, D)));
		// the public report form: anyone, logged in or not, and no one sees more than
		// the receipt's holder
		Map<Who, Outcome> anyone = new EnumMap<>(Who.class);
		java.util.Arrays.stream(Who.values()).forEach(who -> anyone.put(who, A));
		Map<Who, Outcome> anyoneRefused = new EnumMap<>(Who.class);
		java.util.Arrays.stream(Who.values()).forEach(who -> anyoneRefused.put(who, I));
		Map<Who, Outcome> anyoneNotFound = new EnumMap<>(Who.class);
		java.util.Arrays.stream(Who.values()).forEach(who -> anyoneNotFound.put(who, H));
		// the public site is the same for anyone, logged in or not (the leak tests read
		// it): before a first snapshot, nothing is there
		rows.add(new Row("GET /public", "GET", "/public", null, anyone));
		rows.add(new Row("GET /public/**", "GET", "/public/en/index.html", null, anyoneNotFound));
		rows.add(new Row("GET /report", "GET", "/report", null, anyone));
		rows.add(new Row("POST /report", "POST", "/report", form("lang", "ru"), anyoneRefused));
		rows.add(new Row("GET /report/status", "GET", "/report/status", null, anyone));
		rows.add(new Row("POST /report/status", "POST", "/report/status",
				form("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"), anyoneNotFound));
		rows.add(new Row("POST /report/withdraw", "POST", "/report/withdraw", form("receipt", "not a receipt"),
				anyoneRefused));
		// the triage queue: those who triage reports
		rows.add(new Row("GET /intake", "GET", "/intake", null, expect(A, A, D, A, D)));
		rows.add(new Row("GET /intake/new", "GET", "/intake/new", null, expect(A, A, D, A, D)));
		rows.add(new Row("POST /intake/new", "POST", "/intake/new", form("person", ""), expect(I, I, D, I, D)));
		rows.add(new Row("POST /intake/{id}/ask", "POST", "/intake/" + nobody + "/ask", form("message", "?"),
				expect(H, H, D, H, D)));
		rows.add(new Row("POST /report/reply", "POST", "/report/reply", form("receipt", "not a receipt"),
				anyoneRefused));
		rows.add(new Row("GET /intake/{id}", "GET", "/intake/" + nobody, null, expect(H, H, D, H, D)));
		rows.add(new Row("GET /intake/{id}/files/{number}", "GET", "/intake/" + nobody + "/files/1", null,
				expect(H, H, D, H, D)));
		rows.add(new Row("POST /intake/{id}/decide", "POST", "/intake/" + nobody + "/decide", form("state", "accepted"),
				expect(H, H, D, H, D)));
		rows.add(new Row("POST /intake/{id}/assign", "POST", "/intake/" + nobody + "/assign", form("login", ""),
				expect(H, H, D, H, D)));
		// every role searches; what each finds is what it may see (SearchIT)
		rows.add(new Row("GET /search", "GET", "/search", null, expect(A, A, A, A, A)));
		rows.add(new Row("POST /search", "POST", "/search", form("q", "Иванов"), expect(A, A, A, A, A)));
		// the API's OpenAPI document: for every logged-in user, as the API is
		// (OperationsIT)
		rows.add(new Row("GET /v3/api-docs", "GET", "/v3/api-docs", null, expect(A, A, A, A, A)));
		rows.add(new Row("GET /v3/api-docs.yaml", "GET", "/v3/api-docs.yaml", null, expect(A, A, A, A, A)));
		// publishing: editors and admins; a stale preview's position publishes nothing
		rows.add(new Row("GET /publish", "GET", "/publish", null, expect(A, A, D, D, D)));
		rows.add(new Row("POST /publish", "POST", "/publish", form("position", "-1"), expect(A, A, D, D, D)));
		rows.add(new Row("GET /publish/decisions", "GET", "/publish/decisions", null, expect(A, A, D, D, D)));
		// a person no record is: the form comes back saying so
		rows.add(new Row("POST /publish/decisions", "POST", "/publish/decisions",
				form("person", nobody, "methodology", "editors-decision", "reasons", "?"), expect(I, I, D, D, D)));
		rows.add(new Row("POST /publish/decisions _find", "POST", "/publish/decisions",
				form("_find", "person", "q", "Клоков"), expect(A, A, D, D, D)));
		rows.add(new Row("POST /publish/decisions/remove", "POST", "/publish/decisions/remove",
				form("person", nobody, "methodology", "editors-decision"), expect(A, A, D, D, D)));
		rows.add(new Row("GET /stats.csv", "GET", "/stats.csv?measure=incidents", null, expect(A, A, D, D, A)));
		rows.add(new Row("GET /stats/records", "GET", "/stats/records?measure=cases", null, expect(A, A, D, D, A)));
		rows.add(new Row("POST /admin/users", "POST", "/admin/users",
				form("login", "", "password", "", "role", "analyst"), expect(I, D, D, D, D)));
		rows.add(new Row("POST /admin/users/{login}/role", "POST", "/admin/users/scratch/role", form("role", "analyst"),
				expect(A, D, D, D, D)));
		rows.add(new Row("GET /admin/users/{login}/disable", "GET", "/admin/users/scratch/disable", null,
				expect(A, D, D, D, D)));
		rows.add(new Row("GET /admin/users/{login}/second-factor/reset", "GET",
				"/admin/users/scratch/second-factor/reset", null, expect(A, D, D, D, D)));
		rows.add(new Row("POST /admin/users/{login}/disable", "POST", "/admin/users/scratch/disable", form(),
				expect(A, D, D, D, D)));
		rows.add(new Row("POST /admin/users/{login}/enable", "POST", "/admin/users/scratch/enable", form(),
				expect(A, D, D, D, D)));
		rows.add(new Row("POST /admin/users/{login}/second-factor/reset", "POST",
				"/admin/users/scratch/second-factor/reset", form(), expect(A, D, D, D, D)));
		return rows;
	}

	/**
	 * Routes whose every role gets the same, tested where their behaviour is: the login
	 * steps and one's own account (SessionsIT), and the error page.
	 */
	private static final Set<String> TESTED_ELSEWHERE = Set.of("GET /login", "GET /login/code", "POST /login/code",
			"GET /login/enrol", "POST /login/enrol", "POST /account/password", "POST /account/tokens",
			"GET /account/tokens/{id}/revoke", "POST /account/tokens/{id}/revoke", "POST /account/logout-everywhere",
			"POST /account/recovery-codes", "POST /account/recovery-codes.txt", "POST /account/sessions/end",
			"GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error", "HEAD /error",
			"OPTIONS /error");

	private static Map<String, List<String>> form(String... pairs) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
		}
		return form;
	}

	@Test
	void everyRouteOfTheApplicationHasAnEntryInTheMatrix() {
		Set<String> covered = new TreeSet<>(TESTED_ELSEWHERE);
		webRows().forEach(row -> covered.add(row.route()));
		apiRows().forEach(row -> covered.add(row.route()));
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
					? Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
					: info.getMethodsCondition()
						.getMethods()
						.stream()
						.map(Enum::name)
						.collect(java.util.stream.Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					routes.add(method + " " + pattern);
				}
			}
		}
		assertThat(routes).as("routes without an entry in the access matrix").isSubsetOf(covered);
	}

	@Test
	void everyRoleGetsWhatThePolicyAllowsOnEveryPage() {
		List<String> wrong = new ArrayList<>();
		for (Row row : webRows()) {
			for (Who who : Who.values()) {
				Outcome expected = row.expected().get(who);
				String path = row.path();
				Response response;
				if ("GET".equals(row.method())) {
					response = f.web.get(who).get(path);
				}
				else {
					f.web.get(who).get("/account".equals(path) ? "/" : (who == Who.ANONYMOUS ? "/login" : "/"));
					Map<String, List<String>> form = new LinkedHashMap<>(row.form());
					if (form.containsKey("version")) {
						form.put("version", List.of(String.valueOf(currentVersion(path))));
					}
					response = f.web.get(who).post(path, form);
				}
				Outcome actual = webOutcome(who, response);
				if (actual != expected) {
					wrong.add(who + " " + row.method() + " " + path + ": expected " + expected + ", got " + actual
							+ " (" + response.status() + ")");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private int currentVersion(String path) {
		String id = path.replaceAll("^/[a-z-]+/([0-9a-f-]{36}).*$", "$1");
		return this.registry.read(f.staff.get(Who.ADMIN).actor(), idOf(id)).orElseThrow().version();
	}

	private static Outcome webOutcome(Who who, Response response) {
		int status = response.status();
		if (who == Who.ANONYMOUS && status == 302 && response.header("Location").endsWith("/login")) {
			return Outcome.DENY;
		}
		return switch (status) {
			case 200, 201, 302, 303 -> Outcome.ALLOW;
			case 401, 403 -> Outcome.DENY;
			case 404 -> Outcome.HIDDEN;
			case 422 -> Outcome.INVALID;
			default -> throw new AssertionError(who + " got " + status);
		};
	}

	private List<Row> apiRows() {
		List<Row> rows = new ArrayList<>();
		String base = "/api/v1";
		for (RecordKind kind : RecordKind.values()) {
			rows.add(new Row("GET " + base + KINDS, "GET", "/" + kind.plural(), null, expect(A, A, A, A, A)));
		}
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/persons/" + f.assignedPerson, null,
				expect(A, A, A, H, A)));
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/persons/" + f.otherPerson, null,
				expect(A, A, H, H, A)));
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/persons/" + f.restrictedPerson, null,
				expect(A, H, H, H, H)));
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/cases/" + f.otherCase, null, expect(A, A, H, H, A)));
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/case-events/" + f.otherEvent, null,
				expect(A, A, H, H, A)));
		rows.add(new Row("GET " + base + KINDS + "/{id}", "GET", "/incidents/" + f.operatorIncident, null,
				expect(A, A, H, A, A)));
		rows.add(new Row("GET " + base + "/search", "GET", "/search?q=Иванов", null, expect(A, A, A, A, A)));
		// the reports API takes intake tokens only: no account's token is one (IntakeIT)
		Map<Who, Outcome> noIntakeToken = new EnumMap<>(Who.class);
		java.util.Arrays.stream(Who.values()).forEach(who -> noIntakeToken.put(who, D));
		rows.add(new Row("POST " + base + "/reports", "POST", "/reports", Map.of("what", List.of("search")),
				noIntakeToken));
		rows.add(new Row("POST " + base + KINDS, "POST", "/persons", Map.of("names", List.of("Новый Человек")),
				expect(A, A, D, D, D)));
		rows.add(new Row("POST " + base + KINDS, "POST", "/case-events", Map.of("caseId", List.of(f.assignedCase),
				"type", List.of("hearing-held"), "date", List.of("2025-04-01")), expect(A, A, A, D, D)));
		rows.add(new Row("PUT " + base + KINDS + "/{id}", "PUT", "/incidents/" + f.operatorIncident,
				Map.of("date", List.of("2025-02-01"), "region", List.of("moscow"), "type", List.of("single-picket")),
				expect(A, A, H, A, D)));
		rows.add(new Row("PUT " + base + KINDS + "/{id}", "PUT", "/cases/" + f.otherCase,
				Map.of("person", List.of(f.otherPerson), "kind", List.of("criminal"), "trigger",
						List.of("denunciation"), "informant", List.of("relative"), "status", List.of("investigation")),
				expect(A, A, H, H, D)));
		return rows;
	}

	@Test
	void everyRoleGetsWhatThePolicyAllowsFromTheApi() {
		List<String> wrong = new ArrayList<>();
		for (Row row : apiRows()) {
			for (Who who : Who.values()) {
				Outcome expected = row.expected().get(who);
				ApiClient api = f.api.get(who);
				ApiClient.Answer answer = switch (row.method()) {
					case "GET" -> api.get(row.path());
					case "POST" -> api.post(row.path(), json(row.form(), null));
					default -> api.put(row.path(), json(row.form(), currentVersion(row.path())));
				};
				Outcome actual = switch (answer.status()) {
					case 200, 201 -> Outcome.ALLOW;
					case 401, 403 -> Outcome.DENY;
					case 404 -> Outcome.HIDDEN;
					case 400, 422 -> Outcome.INVALID;
					default -> throw new AssertionError(who + " got " + answer.status());
				};
				if (actual != expected) {
					wrong.add(who + " " + row.method() + " " + row.path() + ": expected " + expected + ", got " + actual
							+ " " + answer.json());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static Map<String, Object> json(Map<String, List<String>> form, Integer version) {
		Map<String, Object> body = new LinkedHashMap<>();
		form.forEach((name, values) -> body.put(name, "names".equals(name) ? values : values.get(0)));
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	@Test
	void aLawyerCannotReachAnUnassignedCaseByAnyPath() {
		WebSession lawyer = f.web.get(Who.LAWYER);
		ApiClient api = f.api.get(Who.LAWYER);
		List<String> secrets = List.of(f.otherCase, f.otherEvent, f.otherPerson, OTHER_NAME, "Заметка по делу Б",
				f.restrictedPerson, RESTRICTED_NAME);

		for (String path : List.of("/", "/persons", "/cases", "/case-events", "/incidents", "/sources",
				"/cases/" + f.assignedCase, "/persons/" + f.assignedPerson, "/case-events/new",
				"/case-events/" + f.assignedEvent + "/history", "/cases/" + f.assignedCase + "/history")) {
			Response page = lawyer.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain(secrets);
		}
		for (String path : List.of("/cases/" + f.otherCase, "/cases/" + f.otherCase + "/history",
				"/cases/" + f.otherCase + "/edit", "/case-events/" + f.otherEvent, "/persons/" + f.otherPerson,
				"/persons/" + f.otherPerson + "/history", "/case-events/new?caseId=" + f.otherCase)) {
			Response page = lawyer.get(path);
			assertThat(page.body()).as(path).doesNotContain(OTHER_NAME, "Заметка по делу Б", "280.3");
		}
		assertThat(lawyer.get("/").text()).as("the overview counts only what they may see")
			.contains("Люди Записей: 1 ", "Инциденты Записей: 0 ", "Дела Записей: 1 ",
					"События в делах Записей: " + eventsOf(f.assignedCase) + " ", "Источники Записей: 0 ");
		for (String kind : List.of("/persons", "/cases", "/case-events", "/incidents", "/sources")) {
			ApiClient.Answer list = api.get(kind);
			assertThat(list.json().toString()).as(kind).doesNotContain(secrets);
		}
		assertThat(((Number) api.get("/cases").get("total")).intValue()).isEqualTo(1);
		assertThat(((Number) api.get("/case-events").get("total")).intValue()).isGreaterThanOrEqualTo(1);
	}

	/** How many events the case has, as an admin sees them. */
	private int eventsOf(String caseId) {
		return this.registry.dossier(f.staff.get(Who.ADMIN).actor(), idOf(caseId))
			.orElseThrow()
			.related()
			.getOrDefault(RecordKind.CASE_EVENT, List.of())
			.size();
	}

	@Test
	void anAnalystSeesNoNameContactOrDescriptionAnywhere() {
		WebSession analyst = f.web.get(Who.ANALYST);
		ApiClient api = f.api.get(Who.ANALYST);
		List<String> outputs = new ArrayList<>();
		for (String path : List.of("/", "/persons", "/cases", "/case-events", "/incidents", "/sources",
				"/persons/" + f.assignedPerson, "/persons/" + f.assignedPerson + "/history", "/cases/" + f.assignedCase,
				"/cases/" + f.otherCase + "/history", "/case-events/" + f.assignedEvent,
				"/incidents/" + f.operatorIncident, "/sources/" + f.source)) {
			Response page = analyst.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			outputs.add(page.body());
		}
		for (String path : List.of("/persons", "/cases", "/case-events", "/incidents", "/sources",
				"/persons/" + f.assignedPerson, "/cases/" + f.assignedCase)) {
			ApiClient.Answer answer = api.get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			outputs.add(answer.json().toString());
		}
		for (String output : outputs) {
			assertThat(output).doesNotContain(IDENTIFYING);
		}
		assertThat(analyst.get("/persons/" + f.assignedPerson).text()).as("public fields are shown")
			.contains("Москва", "скрыто");
	}

	@Test
	void listsAndCountsHoldExactlyTheRecordsASingleReadWouldShow() {
		Actor admin = f.staff.get(Who.ADMIN).actor();
		for (Who who : List.of(Who.ADMIN, Who.EDITOR, Who.LAWYER, Who.OPERATOR, Who.ANALYST)) {
			Actor actor = f.staff.get(who).actor();
			for (RecordKind kind : RecordKind.values()) {
				List<String> listed = this.registry.list(actor, ListQuery.of(kind, 0, 500), false)
					.page()
					.items()
					.stream()
					.map(r -> r.id().toString())
					.sorted()
					.toList();
				List<String> readable = this.registry.list(admin, ListQuery.of(kind, 0, 500), false)
					.page()
					.items()
					.stream()
					.map(RecordView::id)
					.filter(id -> this.registry.exists(actor, id))
					.map(Object::toString)
					.sorted()
					.toList();
				assertThat(listed).as(who + " " + kind).isEqualTo(readable);
				assertThat(this.registry.count(actor, kind)).as(who + " " + kind).isEqualTo(listed.size());
				if (kind == RecordKind.INCIDENT || kind == RecordKind.CASE) {
					assertThat(admitted(actor, kind)).as("the rule in Java, " + who + " " + kind).isEqualTo(listed);
					if (this.policy.may(actor, Capability.READ_STATISTICS).isGranted()) {
						assertThat(counted(actor, kind)).as("statistics count, " + who + " " + kind).isEqualTo(listed);
					}
				}
			}
		}
	}

	/**
	 * The records of {@code kind} the policy's rule admits for {@code actor}, applied in
	 * Java to the facts statistics count.
	 */
	private List<String> admitted(Actor actor, RecordKind kind) {
		RecordType type = RecordType.ofCode(kind.code()).orElseThrow();
		ReadRule rule = this.policy.readRule(actor, type);
		List<String> admitted = new ArrayList<>();
		if (kind == RecordKind.INCIDENT) {
			this.facts.incidentsAfter(-1, fact -> {
				if (rule
					.admits(new RecordFacts(type, fact.createdBy(), fact.restricted(), fact.named(), Set.of(), null))) {
					admitted.add(fact.id().toString());
				}
			});
		}
		else {
			this.facts.casesAfter(-1, fact -> {
				if (rule.admits(
						new RecordFacts(type, fact.createdBy(), fact.restricted(), fact.named(), fact.named(), null))) {
					admitted.add(fact.id().toString());
				}
			});
		}
		return admitted.stream().sorted().toList();
	}

	/** The records statistics count for {@code actor}: those behind a measure's total. */
	private List<String> counted(Actor actor, RecordKind kind) {
		String measure = (kind == RecordKind.INCIDENT) ? "incidents" : "cases";
		return this.statistics.records(actor, StatsQuery.parse(measure, null, null, null, List.of()), List.of())
			.stream()
			.map(Object::toString)
			.sorted()
			.toList();
	}

	@Test
	void readingAPersonTwiceLeavesTwoAuditEntriesWithoutContentAndTheChainVerifies() {
		Actor admin = f.staff.get(Who.ADMIN).actor();
		WebSession editor = f.web.get(Who.EDITOR);
		int before = this.audit.byRecord(admin, f.assignedPerson, 1000).size();

		editor.get("/persons/" + f.assignedPerson);
		editor.get("/persons/" + f.assignedPerson);

		List<AuditTrail.Item> after = this.audit.byRecord(admin, f.assignedPerson, 1000);
		assertThat(after).hasSize(before + 2);
		assertThat(after.subList(0, 2)).allSatisfy(item -> {
			assertThat(item.actor()).isEqualTo("editor-a");
			assertThat(item.action()).isEqualTo("read");
		});
		List<String> auditParts = new ArrayList<>();
		this.auditChain.replay(entry -> {
			assertThat(entry.type()).startsWith("audit.");
			assertThat(entry.isSealed()).isFalse();
			auditParts.add(entry.publicPart());
		});
		assertThat(auditParts).isNotEmpty().allSatisfy(part -> assertThat(part).doesNotContain(IDENTIFYING));
		this.log.replay(entry -> assertThat(entry.type()).as("reads are audited in their own chain")
			.doesNotStartWith("audit."));
		assertThat(this.auditChain.verify((message, signature) -> true)).isInstanceOf(Verification.Intact.class);
		assertThat(f.web.get(Who.ADMIN).get("/admin/audit?record=" + f.assignedPerson).text()).contains("editor-a",
				"просмотр");
		assertThat(f.web.get(Who.ADMIN).get("/admin/audit?user=nobody-at-all").text())
			.as("an account that did nothing: nothing matches, not nothing recorded")
			.contains("Под эти фильтры не подходит ни одна запись.");
	}

	@Test
	void theAuditTrailsTableIsRebuiltExactlyFromTheLog() {
		Actor admin = f.staff.get(Who.ADMIN).actor();
		f.web.get(Who.LAWYER).get("/cases/" + f.assignedCase);
		List<AuditTrail.Item> before = this.audit.byUser(admin, "lawyer-a", 1000);

		this.audit.rebuild();

		assertThat(this.audit.byUser(admin, "lawyer-a", 1000)).isEqualTo(before);
		assertThat(before).anySatisfy(item -> assertThat(item.recordIds()).contains(f.assignedCase));
	}

	@Test
	void pagesOfferOnlyWhatTheRoleMayDo() {
		String editorHome = f.web.get(Who.EDITOR).get("/").body();
		String lawyerHome = f.web.get(Who.LAWYER).get("/").body();
		String analystHome = f.web.get(Who.ANALYST).get("/").body();
		assertThat(editorHome).contains("href=\"/persons/new\"", "href=\"/case-events/new\"");
		assertThat(lawyerHome).contains("href=\"/case-events/new\"").doesNotContain("href=\"/persons/new\"");
		assertThat(analystHome).doesNotContain("/new\"");

		Response asEditor = f.web.get(Who.EDITOR).get("/cases/" + f.assignedCase);
		assertThat(asEditor.text()).contains("Кто видит эту запись", "lawyer-a (адвокат)");
		assertThat(asEditor.body()).containsPattern("value=\"lawyer-a\" checked");
		Response asLawyer = f.web.get(Who.LAWYER).get("/cases/" + f.assignedCase);
		assertThat(asLawyer.text()).doesNotContain("Кто видит эту запись", "Изменить");
	}

}
