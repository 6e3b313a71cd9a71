package org.khronika.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.khronika.cli.Jar;

/**
 * Crashes a real server: concurrent writers create persons through the API while the
 * server is killed with SIGKILL at a random moment; the server is started again on the
 * same data and three things are checked each time: every person whose creation was
 * answered 201 is there with its name, no name is there twice, and {@code verify-log}
 * passes with one log entry per person. The server runs as its own process, from the jar,
 * on SQLite or (given {@code KHRONIKA_DB_URL}) PostgreSQL.
 *
 * <p>
 * Used by {@code CrashDurabilityIT} (20 crashes per database in {@code mvn verify}) and
 * by {@code bench/run crash} (100 per database).
 */
public final class CrashHarness {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern VERIFIED = Pattern.compile("^ok (\\d+) entries");

	private final Path data;

	private final Map<String, String> environment;

	private final Random random;

	private final int writers;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Each acknowledged person: its id and the name it was created with. */
	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final List<String> problems = new ArrayList<>();

	private String token;

	private long restartNanos;

	private int restarts;

	/**
	 * @param data a data directory not yet made
	 * @param environment the server's environment: empty for SQLite, or the
	 * {@code KHRONIKA_DB_*} settings of an empty PostgreSQL database
	 */
	public CrashHarness(Path data, Map<String, String> environment, long seed, int writers) {
		this.data = data;
		this.environment = environment;
		this.random = new Random(seed);
		this.writers = writers;
	}

	/** What a run found. */
	public record Report(int crashes, int acknowledged, int unanswered, int lost, int duplicated, int verified,
			Duration meanRestart, Duration cleanStart, List<String> problems) {

		@Override
		public String toString() {
			return String.format(
					"%d crashes, %d writes acknowledged (%d unanswered at a crash), %d lost, %d duplicated, "
							+ "verify-log passed %d times; a start after kill -9 took %.1f s on average, "
							+ "a start after a clean stop %.1f s",
					this.crashes, this.acknowledged, this.unanswered, this.lost, this.duplicated, this.verified,
					this.meanRestart.toMillis() / 1000.0, this.cleanStart.toMillis() / 1000.0);
		}

	}

	public Report run(int crashes) throws Exception {
		prepare();
		int lost = 0;
		int duplicated = 0;
		int verified = 0;
		for (int crash = 0; crash <= crashes; crash++) {
			int port = freePort();
			long start = System.nanoTime();
			Jar.Served server = Jar.serve(this.environment, "serve", "--port", Integer.toString(port),
					"--data=" + this.data);
			if (crash > 0) {
				this.restartNanos += System.nanoTime() - start;
				this.restarts++;
			}
			try {
				Check check = check(port);
				lost += check.lost();
				duplicated += check.duplicated();
				if (verifyLog(check.persons())) {
					verified++;
				}
				if (crash == crashes) {
					break;
				}
				writeUntilKilled(port, server.process());
			}
			finally {
				if (server.process().isAlive()) {
					server.stop();
				}
			}
		}
		if (verifyLog(-1)) {
			verified++;
		}
		long start = System.nanoTime();
		Jar.serve(this.environment, "serve", "--port", Integer.toString(freePort()), "--data=" + this.data).stop();
		Duration cleanStart = Duration.ofNanos(System.nanoTime() - start);
		return new Report(crashes, this.acknowledged.size(), this.unanswered.get(), lost, duplicated, verified,
				Duration.ofNanos(this.restartNanos / Math.max(1, this.restarts)), cleanStart,
				List.copyOf(this.problems));
	}

	private void prepare() throws Exception {
		String dataOption = "--data=" + this.data;
		expectSuccess(Jar.run(this.environment, "init", "--unprotected-key", dataOption), "init");
		Map<String, String> withPassword = new HashMap<>(this.environment);
		withPassword.put("KHRONIKA_NEW_PASSWORD", "an invented password for the crash test");
		expectSuccess(Jar.run(withPassword, "user", "add", "--login", "crash-writer", "--role", "editor", dataOption),
				"user add");
		this.token = expectSuccess(Jar.run(this.environment, "token", "create", "--login", "crash-writer", dataOption),
				"token create")
			.strip();
	}

	private static String expectSuccess(Jar.Result result, String what) {
		if (result.exitCode() != 0) {
			throw new AssertionError(what + " failed: " + result.all());
		}
		return result.out();
	}

	/**
	 * Starts the writers, kills the server after a random 0.2 to 1.5 s of writing, and
	 * waits for every writer to see it gone.
	 */
	private void writeUntilKilled(int port, Process server) throws InterruptedException {
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < this.writers; w++) {
			String prefix = "Аварийный Писатель " + w + "-" + Long.toString(this.random.nextLong() & 0xffffffL, 36);
			Thread thread = new Thread(() -> write(port, prefix), "crash-writer-" + w);
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(200 + this.random.nextInt(1300));
		server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
		if (!server.waitFor(30, TimeUnit.SECONDS)) {
			throw new AssertionError("the killed server did not end");
		}
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(60));
		}
	}

	/** Creates persons one after another until the server stops answering. */
	private void write(int port, String prefix) {
		int n = 0;
		while (true) {
			String name = prefix + " " + n;
			HttpRequest request = HttpRequest.newBuilder(uri(port, "/api/v1/persons"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"names\": [\"" + name + "\"], \"birthYear\": 1980}"))
				.build();
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201) {
					this.acknowledged.put(JSON.readTree(response.body()).path("id").asText(), name);
					n++;
				}
				else if (response.statusCode() == 429) {
					// refused, so not stored: wait as asked and send the same person
					// again
					Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
				}
				else {
					synchronized (this.problems) {
						this.problems.add("a write was answered " + response.statusCode() + ": " + response.body());
					}
					return;
				}
			}
			catch (IOException ex) {
				// killed with the request on its way: it may or may not have been stored
				this.unanswered.incrementAndGet();
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private record Check(int persons, int lost, int duplicated) {
	}

	/**
	 * Reads every person back through the API and compares it with what was acknowledged.
	 */
	private Check check(int port) throws IOException, InterruptedException {
		Map<String, String> names = new HashMap<>();
		Map<String, Integer> timesNamed = new HashMap<>();
		for (int page = 0;; page++) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(uri(port, "/api/v1/persons?size=500&page=" + page))
					.header("Authorization", "Bearer " + this.token)
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("listing persons answered " + response.statusCode() + ": " + response.body());
			}
			JsonNode items = JSON.readTree(response.body()).path("items");
			for (JsonNode item : items) {
				String name = item.path("names").path(0).asText();
				names.put(item.path("id").asText(), name);
				timesNamed.merge(name, 1, Integer::sum);
			}
			if (items.size() < 500) {
				break;
			}
		}
		int lost = 0;
		for (Map.Entry<String, String> written : this.acknowledged.entrySet()) {
			if (!written.getValue().equals(names.get(written.getKey()))) {
				lost++;
				this.problems.add("acknowledged person " + written.getKey() + " is missing");
			}
		}
		int duplicated = 0;
		for (Map.Entry<String, Integer> named : timesNamed.entrySet()) {
			if (named.getValue() > 1) {
				duplicated += named.getValue() - 1;
				this.problems.add(named.getKey() + " is there " + named.getValue() + " times");
			}
		}
		return new Check(names.size(), lost, duplicated);
	}

	/**
	 * Runs {@code verify-log}; with {@code persons} of 0 or more, also requires one log
	 * entry per person.
	 */
	private boolean verifyLog(int persons) throws IOException, InterruptedException {
		Jar.Result result = Jar.run(this.environment, "verify-log", "--data=" + this.data);
		Matcher entries = VERIFIED.matcher(result.out());
		if (result.exitCode() != 0 || !entries.find()) {
			this.problems.add("verify-log failed: " + result.all());
			return false;
		}
		if (persons >= 0 && Integer.parseInt(entries.group(1)) != persons) {
			this.problems.add("the log holds " + entries.group(1) + " entries for " + persons + " persons");
			return false;
		}
		return true;
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
