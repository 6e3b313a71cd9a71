package org.khronika.crypto;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.cli.Jar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys rotate} on a protected keyring while the server serves: persons recorded
 * before stay readable, one recorded after is wrapped under the new key, a fresh start
 * with only the new master key in the keyring opens them all, and a backup made before
 * the rotation still restores with the passphrase.
 */
class KeyRotationIT {

	private static final String PASSPHRASE = "an invented passphrase for rotation";

	private static final Map<String, String> UNLOCK = Map.of("KHRONIKA_PASSPHRASE", PASSPHRASE);

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRotationWhileServingKeepsEveryRecordReadable() throws Exception {
		Path data = this.dir.resolve("data");
		String dataOption = "--data=" + data;
		expectSuccess(Jar.run(UNLOCK, "init", dataOption));
		expectSuccess(Jar.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password 7"), "user", "add", "--login",
				"rotator", "--role", "editor", dataOption));
		String token = expectSuccess(Jar.run(Map.of(), "token", "create", "--login", "rotator", dataOption)).strip();
		byte[] keyringBefore = Files.readAllBytes(data.resolve("keyring.json"));

		Map<String, String> persons = new java.util.LinkedHashMap<>();
		Jar.Served server = Jar.serve(UNLOCK, "serve", "--port", "18451", dataOption);
		try {
			for (String name : List.of("Ротация Первая", "Ротация Вторая", "Rotation Third")) {
				persons.put(create(18451, token, name), name);
			}
			expectSuccess(Jar.run(UNLOCK, "backup", "--out", this.dir.resolve("before.backup").toString(), dataOption));

			Jar.Result rotated = expectSuccessResult(Jar.run(UNLOCK, "keys", "rotate", dataOption));
			assertThat(rotated.out())
				.containsPattern("Rotated the master key: [1-9][\\d,]* subject keys? wrapped again")
				.contains("1 old master key retired");

			for (Map.Entry<String, String> person : persons.entrySet()) {
				assertThat(name(18451, token, person.getKey())).as("read while serving").isEqualTo(person.getValue());
			}
			String after = create(18451, token, "Ротация После");
			persons.put(after, "Ротация После");
			assertThat(name(18451, token, after)).isEqualTo("Ротация После");
		}
		finally {
			server.stop();
		}

		assertThat(Files.readAllBytes(data.resolve("keyring.json"))).isNotEqualTo(keyringBefore);
		assertThat(KeyringFile.masterKeys(KeyringFile.unlock(data, PASSPHRASE.toCharArray())))
			.as("the old master key is retired")
			.isEqualTo(1);
		Jar.Served again = Jar.serve(UNLOCK, "serve", "--port", "18452", dataOption);
		try {
			for (Map.Entry<String, String> person : persons.entrySet()) {
				assertThat(name(18452, token, person.getKey())).as("opened with the new master key alone")
					.isEqualTo(person.getValue());
			}
		}
		finally {
			again.stop();
		}

		Jar.Result restored = Jar.run(UNLOCK, "restore", this.dir.resolve("before.backup").toString(),
				"--data=" + this.dir.resolve("restored"));
		assertThat(restored.exitCode()).as("a backup from before opens with the keyring it carries: " + restored.all())
			.isZero();
	}

	private String create(int port, String token, String name) throws Exception {
		HttpResponse<String> created = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/persons"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"names\": [\"" + name + "\"], \"birthYear\": 1990}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asText();
	}

	private String name(int port, String token, String id) throws Exception {
		HttpResponse<String> read = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/persons/" + id))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		JSON.readTree(read.body()).path("names").forEach(n -> names.add(n.asText()));
		return String.join(", ", names);
	}

	private static String expectSuccess(Jar.Result result) {
		return expectSuccessResult(result).out();
	}

	private static Jar.Result expectSuccessResult(Jar.Result result) {
		assertThat(result.exitCode()).as(result.all()).isZero();
		return result;
	}

}
