package org.khronika.registry.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A script using the JSON API over real HTTP with a bearer token. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String token;

	private final String language;

	private final HttpClient client = HttpClient.newHttpClient();

	/** A client whose requests ask for English ({@code Accept-Language: en}). */
	public ApiClient(int port, String token) {
		this("http://localhost:" + port + "/api/v1", token, "en");
	}

	private ApiClient(String base, String token, String language) {
		this.base = base;
		this.token = token;
		this.language = language;
	}

	/**
	 * The same client, asking for answers in {@code language} ({@code Accept-Language}).
	 */
	public ApiClient inLanguage(String language) {
		return new ApiClient(this.base, this.token, language);
	}

	public record Answer(int status, Map<String, Object> json, String location, String type) {

		@SuppressWarnings("unchecked")
		public <T> T get(String field) {
			return (T) this.json.get(field);
		}

	}

	public Answer get(String path) {
		return send(request(path).GET());
	}

	public Answer post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	public Answer put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	public Answer postRaw(String path, String body) {
		return postRaw(path, "application/json", body);
	}

	public Answer postRaw(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Creates a record and returns its id; fails the test unless the answer is 201. */
	public String create(String path, Object body) {
		Answer answer = post(path, body);
		if (answer.status() != 201) {
			throw new AssertionError("POST " + path + " answered " + answer.status() + ": " + answer.json());
		}
		return answer.get("id");
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept-Language", this.language);
		return (this.token != null) ? builder.header("Authorization", "Bearer " + this.token) : builder;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, Object> json = response.body().isBlank() ? Map.of()
					: JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
					});
			return new Answer(response.statusCode(), json, response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

}
