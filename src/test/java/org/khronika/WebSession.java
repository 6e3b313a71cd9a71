package org.khronika;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.khronika.access.Staff;

/**
 * A person using Khronika over real HTTP without a browser: keeps the session cookie,
 * logs in through the login form and sends forms with the CSRF token of the page they
 * came from.
 */
public final class WebSession {

	/** What Chromium asks for when it follows a link: a page, or else anything. */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public record Response(int status, String body, Map<String, List<String>> headers) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The page's text without tags, white space folded. */
		public String text() {
			return this.body.replaceAll("<[^>]*>", " ")
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&amp;", "&")
				.replace('\u00a0', ' ')
				.replaceAll("\\s+", " ");
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Language", "ru")
			.header("Accept", BROWSER_ACCEPT)
			.GET());
	}

	/**
	 * Logs in with the password and, if the account has an authenticator, its next code;
	 * fails the test if that does not end on the overview.
	 */
	public WebSession login(Staff staff) {
		Response afterPassword = submitPassword(staff.login(), Staff.PASSWORD);
		String location = afterPassword.header("Location");
		if (afterPassword.status() != 302 || location.contains("error")) {
			throw new AssertionError("login failed: " + afterPassword.status() + " " + location);
		}
		if (location.endsWith("/login/code")) {
			get("/login/code");
			Response afterCode = post("/login/code", Map.of("code", List.of(staff.nextCode())));
			if (afterCode.status() != 302) {
				throw new AssertionError("second factor refused: " + afterCode.status());
			}
		}
		get("/");
		return this;
	}

	/** The login form's POST: answers with the redirect to the next step or the error. */
	public Response submitPassword(String login, String password) {
		get("/login");
		return post("/login", Map.of("username", List.of(login), "password", List.of(password)));
	}

	/** Posts a form with the CSRF token of the last page fetched. */
	public Response post(String path, Map<String, List<String>> form) {
		return post(path, form, Map.of());
	}

	/**
	 * Posts a form with the CSRF token of the last page fetched, and extra request
	 * headers (a browser's User-Agent, a proxy's X-Forwarded-For).
	 */
	public Response post(String path, Map<String, List<String>> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
			.collect(Collectors.joining("&"));
		if (this.csrf != null) {
			body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(this.csrf);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "ru")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::setHeader);
		return send(request);
	}

	/**
	 * Posts a multipart form, as a browser does with a file field: {@code fields}, then
	 * {@code files} (field → file name and bytes), and the CSRF token of the last page.
	 */
	public Response postMultipart(String path, Map<String, String> fields,
			Map<String, Map.Entry<String, byte[]>> files) {
		Map<String, List<String>> listed = new java.util.LinkedHashMap<>();
		fields.forEach((name, value) -> listed.put(name, List.of(value)));
		return postMultipart(path, listed,
				files.entrySet()
					.stream()
					.map(f -> new Upload(f.getKey(), f.getValue().getKey(), "application/octet-stream",
							f.getValue().getValue()))
					.toList(),
				Map.of());
	}

	/** A file in a multipart form: its field, name, media type and bytes. */
	public record Upload(String field, String name, String type, byte[] content) {
	}

	/**
	 * Posts a multipart form: {@code fields}, then {@code files} (several may share a
	 * field, as a multiple file field sends them), the CSRF token of the last page, and
	 * extra request headers.
	 */
	public Response postMultipart(String path, Map<String, List<String>> fields, List<Upload> files,
			Map<String, String> headers) {
		String boundary = "khronika-test-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, List<String>> all = new java.util.LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.put("_csrf", List.of(this.csrf));
		}
		all.forEach((name, values) -> values.forEach(value -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8))));
		for (Upload file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.name() + "\"\r\nContent-Type: " + file.type() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", "ru")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		headers.forEach(request::setHeader);
		return send(request);
	}

	/** The bytes at {@code path} (a file download), whatever its status. */
	public byte[] getBytes(String path) {
		try {
			return this.client
				.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray())
				.body();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The session cookie's value, or null. */
	public String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> "JSESSIONID".equals(c.getName()))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * A GET that carries {@code cookie} as the session, as a stolen or kept cookie would.
	 */
	public Response getWithSession(String path, String cookie) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Cookie", "JSESSIONID=" + cookie)
			.header("Accept", BROWSER_ACCEPT)
			.GET());
	}

	/** A GET with extra request headers. */
	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** Posts without any CSRF token, as a forged cross-site request would. */
	public Response postWithoutCsrf(String path, Map<String, List<String>> form) {
		String saved = this.csrf;
		this.csrf = null;
		try {
			return post(path, form);
		}
		finally {
			this.csrf = saved;
		}
	}

	/** Follows a redirect answer to its page. */
	public Response follow(Response redirect) {
		String location = redirect.header("Location");
		if (!location.startsWith("http")) {
			return get(location);
		}
		URI uri = URI.create(location);
		return get(uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher matcher = CSRF.matcher(response.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
