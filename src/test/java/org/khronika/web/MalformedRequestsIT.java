package org.khronika.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;
import org.khronika.access.Staff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never gets a 500: {@value #REQUESTS} malformed requests, seeded, to every
 * route of the application, as a visitor and as every role (a logged-in session for
 * pages, an API token for the API). Path variables, query parameters and bodies are junk
 * of the kinds that broke servers before: numbers too large or not numbers, emoji and
 * NUL, malformed JSON and JSON of the wrong types, multipart bodies cut short, forms in
 * the wrong encoding. Every answer must be below 500 and carry no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT {

	private static final Path DATA = TestApplication.dataDirectory();

	static final int REQUESTS = 10_000;

	/** The seed: a failure names it, and {@code -Dkhronika.fuzz.seed} replays it. */
	private static final long SEED = Long.getLong("khronika.fuzz.seed", 20261205L);

	/** Routes that end the session they are sent with: tried once, last, elsewhere. */
	private static final Set<String> SESSION_ENDING = Set.of("POST /logout", "POST /account/logout-everywhere",
			"POST /account/password");

	private static final List<String> JUNK = List.of("", "abc", "-1", "0", "1e3", "2147483648",
			"99999999999999999999999", "😀", "%00", "\u0000", "../../etc/passwd", "<script>alert(1)</script>",
			"' OR 1=1 --", "x".repeat(5000), "2025-13-45", "null", "{}", "[]", "NaN", "  ", "Москва", "ё\uFFFF",
			"00000000-0000-0000-0000-000000000000", "%E2%82", "\uD800");

	private static final List<String> PARAMETERS = List.of("page", "size", "sort", "q", "kind", "region", "measure",
			"by", "by2", "from", "to", "where", "asOf", "lang", "id", "person", "position", "version", "state",
			"status", "type", "date", "names", "caseId", "other", "receipt", "token", "_find", "methodology");

	private static final List<String> JSON_BODIES = List.of("{", "}", "[]", "null", "\"text\"", "123",
			"{\"names\": {\"a\": 1}}", "{\"date\": {\"a\": 1}, \"region\": [1, 2]}", "{\"detained\": 1\u0000}",
			"{\"detained\": 1e400}", "{\"birthYear\": \"nineteen\"}", "{\"version\": \"x\", \"names\": [null]}",
			"{\"files\": [{\"name\": 1, \"content\": \"%%%\"}]}", "[".repeat(2000) + "]".repeat(2000),
			"{\"a\": \"\\uD800\"}", "{\"persons\": \"not a list\"}", "\uFEFF{}");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		// the limits answer 429 before a request is read: raised, so the requests reach
		// what reads them
		registry.add("khronika.access.api-requests-per-minute", () -> "1000000");
	}

	enum Who {

		VISITOR, ADMIN, EDITOR, LAWYER, OPERATOR, ANALYST

	}

	/**
	 * How one account sends requests: its session cookie and form token, its API token.
	 */
	record Client(String cookie, String csrf, String token) {
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void noMalformedRequestGetsA500OrAStackTrace(CapturedOutput output) throws Exception {
		Map<Who, Client> clients = clients();
		List<String[]> routes = routes();
		Random random = new Random(SEED);
		Map<String, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
		int sent = 0;
		while (sent < REQUESTS && Instant.now().isBefore(deadline)) {
			String[] route = routes.get(sent % routes.size());
			Who who = Who.values()[random.nextInt(Who.values().length)];
			HttpRequest request = request(route[0], route[1], clients.get(who), random);
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			sent++;
			statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
			String body = response.body();
			if (response.statusCode() >= 500 || body.contains("Exception") || body.contains("\tat org.")
					|| body.contains("at java.base/")) {
				String uri = request.uri().toString();
				failures.add(who + " " + request.method() + " " + uri.substring(0, Math.min(uri.length(), 160)) + " → "
						+ response.statusCode() + " (seed " + SEED + ", request " + sent + ")");
			}
		}

		assertThat(sent).as("requests sent within the time allowed").isEqualTo(REQUESTS);
		assertThat(statuses).as("answers by status").isNotEmpty();
		assertThat(failures).as("answers of 500 or above, or with a stack trace").isEmpty();
		assertThat(output.getAll()).as("the server's log: no error, no stack trace")
			.doesNotContain(" ERROR ")
			.doesNotContainPattern("\\n\\tat [a-z]");
	}

	/**
	 * What no HTTP client library will send: a chunked body whose chunk size is not a
	 * number, a request line with a broken escape. The server says 400 and nothing else.
	 */
	@Test
	void requestsBrokenAtTheProtocolLevelGetA400() throws Exception {
		for (String raw : List.of(
				"POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\n\r\nZZZ\r\nusername=a\r\n0\r\n\r\n",
				"POST /api/v1/persons HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
						+ "Content-Type: application/json\r\n\r\n-5\r\n{}\r\n0\r\n\r\n",
				"GET /persons?page=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /api/v1/persons?size=%E2%82 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
			try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
				socket.setSoTimeout(10_000);
				socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
				socket.getOutputStream().flush();
				byte[] head = new byte[12];
				int read = socket.getInputStream().readNBytes(head, 0, head.length);
				String answer = new String(head, 0, read, StandardCharsets.ISO_8859_1);
				String first = raw.substring(0, raw.indexOf('\r'));
				assertThat(answer).as(first).startsWith("HTTP/1.1 4");
			}
		}
	}

	/**
	 * Every route as {method, pattern}, each method of each pattern, in a fixed order.
	 */
	private List<String[]> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET", "POST")
					: info.getMethodsCondition()
						.getMethods()
						.stream()
						.map(Enum::name)
						.collect(java.util.stream.Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					if (!SESSION_ENDING.contains(method + " " + pattern)) {
						routes.add(method + " " + pattern);
					}
				}
			}
		}
		return routes.stream().map(route -> route.split(" ", 2)).toList();
	}

	private HttpRequest request(String method, String pattern, Client client, Random random) {
		StringBuilder path = new StringBuilder(path(pattern, random));
		int parameters = random.nextInt(4);
		for (int i = 0; i < parameters; i++) {
			path.append((i == 0) ? '?' : '&')
				.append(PARAMETERS.get(random.nextInt(PARAMETERS.size())))
				.append('=')
				.append(encodeSometimes(pick(JUNK, random), random));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", random.nextBoolean() ? "ru" : "en")
			.header("Accept", random.nextBoolean() ? "text/html" : "application/json");
		if (client.cookie() != null) {
			request.header("Cookie", "JSESSIONID=" + client.cookie());
		}
		if (client.token() != null && pattern.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + client.token());
		}
		if (client.csrf() != null && random.nextInt(10) > 0) {
			request.header("X-CSRF-TOKEN", client.csrf());
		}
		if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
			return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
		}
		return switch (random.nextInt(5)) {
			case 0 -> request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(pick(JSON_BODIES, random)))
				.build();
			case 1 -> request.header("Content-Type", "multipart/form-data; boundary=fuzz")
				.method(method, HttpRequest.BodyPublishers.ofString(multipart(random)))
				.build();
			case 2 -> request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(form(random)))
				.build();
			case 3 -> request
				.header("Content-Type",
						pick(List.of("text/plain", "application/xml", "image/png", "multipart/form-data",
								"application/json; charset=koi8-r"), random))
				.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(random)))
				.build();
			default -> request.method(method, HttpRequest.BodyPublishers.noBody()).build();
		};
	}

	/** The pattern with each path variable replaced by junk (or, now and then, an id). */
	private static String path(String pattern, Random random) {
		Matcher variable = Pattern.compile("\\{([^}]*)}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String value = random.nextInt(4) == 0 ? java.util.UUID.randomUUID().toString()
					: URLEncoder.encode(pick(JUNK, random), StandardCharsets.UTF_8).replace("+", "%20");
			if (value.isEmpty() || value.equals("..") || value.startsWith("%2E%2E")) {
				value = "x";
			}
			if (variable.group(1).startsWith("plural")) {
				value = pick(List.of("persons", "incidents", "cases", "case-events", "sources", "nothing"), random);
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString().replace("/**", "/" + pick(List.of("en/index.html", "x", "%00", "..%2F"), random));
	}

	/**
	 * The value percent-encoded, or now and then as the bytes of a broken UTF-8 sequence
	 * (the client cannot send a malformed escape itself).
	 */
	private static String encodeSometimes(String value, Random random) {
		return (random.nextInt(8) == 0) ? "%C3%28" + URLEncoder.encode(value, StandardCharsets.UTF_8)
				: URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String multipart(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc";
			case 1 -> "--other\r\n\r\n--other--";
			case 2 -> "--fuzz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n\u00FF\u00D8\u00FF\r\n--fuzz--\r\n";
			default -> "";
		};
	}

	private static byte[] form(Random random) {
		StringBuilder form = new StringBuilder();
		int fields = 1 + random.nextInt(5);
		for (int i = 0; i < fields; i++) {
			form.append(PARAMETERS.get(random.nextInt(PARAMETERS.size())))
				.append('=')
				.append(encodeSometimes(pick(JUNK, random), random))
				.append('&');
		}
		byte[] text = form.toString().getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(6) == 0) {
			// not UTF-8
			text[random.nextInt(text.length)] = (byte) 0xC3;
		}
		return text;
	}

	private static byte[] bytes(Random random) {
		byte[] bytes = new byte[random.nextInt(300)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	/** A visitor, and a logged-in session and an API token for every role. */
	private Map<Who, Client> clients() {
		Map<Who, Client> clients = new EnumMap<>(Who.class);
		clients.put(Who.VISITOR, new Client(null, null, null));
		ApiTokens tokens = this.context.getBean(ApiTokens.class);
		for (Who who : List.of(Who.ADMIN, Who.EDITOR, Who.LAWYER, Who.OPERATOR, Who.ANALYST)) {
			Staff member = Staff.add(this.context, "fuzz-" + who.name().toLowerCase(java.util.Locale.ROOT),
					Role.valueOf(who.name()));
			WebSession web = new WebSession(this.port).login(member);
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(web.get("/").body());
			clients.put(who, new Client(web.sessionCookie(), csrf.find() ? csrf.group(1) : null,
					tokens.create(Staff.SETUP, member.login(), member.role(), "fuzz", Duration.ofDays(1))));
		}
		return clients;
	}

}
