package org.khronika.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.Role;
import org.khronika.access.Staff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * What an operator and an API client find: the API's OpenAPI document, which describes
 * every endpoint of the API with each method, for logged-in users only; and the health
 * probes, which anyone may ask.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.metrics.token", () -> METRICS_TOKEN);
		registry.add("khronika.publish.public-rebuild-seconds", () -> "0");
	}

	private static final String METRICS_TOKEN = "invented-metrics-token-5521";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Metrics for Prometheus answer only the metrics token, and count requests by route,
	 * never by address or record: no label holds an id or anything a person typed.
	 */
	@Test
	void metricsAnswerOnlyTheTokenAndNameNoRecord() {
		this.context.getBean(org.khronika.crypto.KeyringUnlock.class).get();
		WebSession analyst = new WebSession(this.port).login(Staff.add(this.context, "metrics-reader", Role.ANALYST));
		analyst.get("/persons/" + java.util.UUID.randomUUID());
		analyst.get("/search?q="
				+ java.net.URLEncoder.encode("Щукарь Канареечный", java.nio.charset.StandardCharsets.UTF_8));
		WebSession visitor = new WebSession(this.port);
		assertThat(visitor.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(visitor.get("/actuator/prometheus", java.util.Map.of("Authorization", "Bearer wrong")).status())
			.isEqualTo(401);
		assertThat(analyst.get("/actuator/prometheus").status()).as("a staff session is not the token").isEqualTo(401);

		WebSession.Response metrics = visitor.get("/actuator/prometheus",
				java.util.Map.of("Authorization", "Bearer " + METRICS_TOKEN, "Accept", "text/plain"));

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body())
			.contains("khronika_keyring_unlocked 1.0", "khronika_log_entries{chain=\"log\"}",
					"khronika_log_entries{chain=\"audit\"}", "khronika_import_jobs{state=\"running\"} 0.0",
					"http_server_requests_seconds_count")
			.as("a record page is counted by its route template")
			.contains("uri=\"/{plural:persons|incidents|cases|case-events|sources}/{id}\"")
			.doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
			.doesNotContain("Щукарь", "%D0%A9");
	}

	/**
	 * {@code /public/} serves the latest snapshot's site to anyone; a person who
	 * withdraws consent afterwards is no longer named there (here it is built again at
	 * once; by default within a minute of a change).
	 */
	@Test
	void thePublicSiteNamesNoOneWhoWithdrewConsentSinceTheSnapshot() {
		org.khronika.registry.Registry registry = this.context.getBean(org.khronika.registry.Registry.class);
		org.khronika.access.Actor editor = new org.khronika.access.Actor("public-editor", Role.EDITOR);
		org.khronika.registry.RecordId person = saved(registry.record(editor,
				org.khronika.registry.RecordDraft.empty(org.khronika.registry.RecordKind.PERSON)
					.with("names", "Лидия Передумавшая")
					.with("mayBeNamed", "true")));
		org.khronika.registry.RecordId courtCase = saved(registry.record(editor,
				org.khronika.registry.RecordDraft.empty(org.khronika.registry.RecordKind.CASE)
					.with("person", person.toString())
					.with("kind", "criminal")
					.with("charges", "uk-207.3")
					.with("trigger", "wiretap")
					.with("status", "investigation")));
		saved(registry.record(editor,
				org.khronika.registry.RecordDraft.empty(org.khronika.registry.RecordKind.CASE_EVENT)
					.with("caseId", courtCase.toString())
					.with("type", "measure-of-restraint")
					.with("date", "2025-09-01")
					.with("measure", "custody")
					.with("until", java.time.LocalDate.now().plusMonths(1).toString())));
		this.context.getBean(org.khronika.crypto.KeyringUnlock.class).get();
		this.context.getBean(org.khronika.publish.Snapshots.class).take(editor);
		WebSession visitor = new WebSession(this.port);
		assertThat(visitor.get("/public/ru/prisoners.html").body()).contains("Лидия Передумавшая");

		saved(registry.revise(editor, person,
				org.khronika.registry.RecordDraft.empty(org.khronika.registry.RecordKind.PERSON)
					.with("names", "Лидия Передумавшая")
					.with("mayBeNamed", "false")));

		WebSession.Response after = visitor.get("/public/ru/prisoners.html");
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).doesNotContain("Лидия Передумавшая");
	}

	private static org.khronika.registry.RecordId saved(org.khronika.registry.SaveResult result) {
		assertThat(result).isInstanceOf(org.khronika.registry.SaveResult.Saved.class);
		return ((org.khronika.registry.SaveResult.Saved) result).id();
	}

	/**
	 * Health, liveness and readiness answer anyone, with a status (and the probes' names)
	 * and nothing else.
	 */
	@Test
	void livenessAndReadinessSayOnlyTheirStatus() {
		this.context.getBean(org.khronika.crypto.KeyringUnlock.class).get();
		WebSession visitor = new WebSession(this.port);
		for (String probe : java.util.List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			WebSession.Response response = visitor.get(probe, java.util.Map.of("Accept", "application/json"));
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
		assertThat(visitor.get("/actuator/health", java.util.Map.of("Accept", "application/json")).body())
			.as("the health endpoint: the status and the names of the two probes")
			.isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
	}

	@Test
	void everyEndpointOfTheApiIsInTheDocumentAndOnlyLoggedInUsersGetIt() {
		WebSession visitor = new WebSession(this.port);
		assertThat(visitor.get("/v3/api-docs").status()).as("a visitor is sent to log in").isEqualTo(302);

		WebSession analyst = new WebSession(this.port).login(Staff.add(this.context, "openapi-reader", Role.ANALYST));
		WebSession.Response document = analyst.get("/v3/api-docs", java.util.Map.of("Accept", "application/json"));
		assertThat(document.status()).isEqualTo(200);
		JsonNode api = JsonMapper.builder().build().readTree(document.body());
		assertThat(api.get("info").get("title").asString()).isEqualTo("Khronika API");

		List<String> missing = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				// the document names a path variable without its pattern
				String path = pattern.replaceAll("\\{([a-zA-Z]+):[^}]*}", "{$1}");
				Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
						: info.getMethodsCondition()
							.getMethods()
							.stream()
							.map(method -> method.name())
							.collect(java.util.stream.Collectors.toSet());
				for (String method : methods) {
					JsonNode described = api.get("paths").get(path);
					if (described == null || described.get(method.toLowerCase(java.util.Locale.ROOT)) == null) {
						missing.add(method + " " + path);
					}
				}
			}
		}
		assertThat(missing).as("API endpoints the document does not describe").isEmpty();
		assertThat(api.get("paths").size()).as("the API's paths, and nothing else").isGreaterThanOrEqualTo(4);
		api.get("paths").propertyNames().forEach(path -> assertThat(path).startsWith("/api/"));
	}

}
