package org.khronika.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.cli.Jar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that says no, on SQLite's commit path: {@code strace} attaches to the running
 * server and makes every {@code fsync} of the write-ahead log fail with EIO, and then
 * every write to it fail with ENOSPC, and detaches again. While the fault lasts a write
 * is answered 503 with a problem that says nothing was saved, reads go on, and nothing
 * refused shows up later; once it clears, writes are taken again and the log verifies.
 * {@code .ci/run} installs strace.
 */
class StorageFaultIT {

	private static final int PORT = 18461;

	@TempDir
	Path dir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String token;

	@Test
	void aFailingOrFullDiskLosesNoAcknowledgedWriteAndReadsGoOn() throws Exception {
		Path data = this.dir.resolve("data");
		String dataOption = "--data=" + data;
		assertThat(Jar.run(Map.of(), "init", "--unprotected-key", dataOption).exitCode()).isZero();
		assertThat(Jar
			.run(Map.of("KHRONIKA_NEW_PASSWORD", "an invented password 9"), "user", "add", "--login", "writer",
					"--role", "editor", dataOption)
			.exitCode()).isZero();
		this.token = Jar.run(Map.of(), "token", "create", "--login", "writer", dataOption).out().strip();
		List<String> acknowledged = new ArrayList<>();
		List<String> refused = new ArrayList<>();

		Jar.Served server = Jar.serve(Map.of(), "serve", "--port", Integer.toString(PORT), dataOption);
		try {
			for (String name : List.of("Диск Первый", "Диск Второй")) {
				assertThat(create(name).statusCode()).isEqualTo(201);
				acknowledged.add(name);
			}
			String wal = data.resolve("khronika.db-wal").toString();
			List<List<String>> faults = List.of(
					List.of("-e", "trace=fsync,fdatasync", "-e", "inject=fsync:error=EIO", "-e",
							"inject=fdatasync:error=EIO"),
					List.of("-e", "trace=pwrite64,write", "-e", "inject=pwrite64:error=ENOSPC", "-e",
							"inject=write:error=ENOSPC"));
			for (List<String> fault : faults) {
				Process strace = attach(server.process().pid(), wal, fault);
				try {
					String name = "Отказ " + refused.size();
					HttpResponse<String> answer = create(name);
					assertThat(answer.statusCode()).as(fault + ": " + answer.body()).isEqualTo(503);
					assertThat(answer.body()).contains("\"code\":\"storage\"", "nothing of it was saved")
						.doesNotContain("Exception");
					assertThat(answer.headers().firstValue("Retry-After")).isPresent();
					refused.add(name);

					HttpResponse<String> list = list();
					assertThat(list.statusCode()).as("reads go on").isEqualTo(200);
					assertThat(list.body()).contains(acknowledged).doesNotContain(refused);
				}
				finally {
					detach(strace, server.process().pid());
				}
				String after = "После " + refused.size();
				HttpResponse<String> resumed = create(after);
				assertThat(resumed.statusCode()).as("writes resume once the fault clears: " + resumed.body())
					.isEqualTo(201);
				acknowledged.add(after);
			}
			assertThat(list().body()).contains(acknowledged).doesNotContain(refused);
		}
		finally {
			server.stop();
		}
		Jar.Result verified = Jar.run(Map.of(), "verify-log", dataOption);
		assertThat(verified.out()).as(verified.all()).startsWith("ok " + acknowledged.size() + " entries");
	}

	/**
	 * Starts strace on every thread of {@code pid}, for syscalls on {@code path} only.
	 */
	private Process attach(long pid, String path, List<String> fault) throws Exception {
		List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-s", "0", "-P", path));
		command.addAll(fault);
		command.addAll(List.of("-p", Long.toString(pid)));
		Path log = this.dir.resolve("strace-" + System.nanoTime() + ".log");
		Process strace = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Instant deadline = Instant.now().plusSeconds(20);
		while (!traced(pid)) {
			if (!strace.isAlive() || Instant.now().isAfter(deadline)) {
				strace.destroyForcibly();
				throw new AssertionError(
						"strace could not attach to the server (it needs ptrace): " + Files.readString(log));
			}
			Thread.sleep(100);
		}
		// strace attaches the threads one by one: give it the rest
		Thread.sleep(1000);
		return strace;
	}

	private static void detach(Process strace, long pid) throws Exception {
		strace.destroy();
		strace.waitFor(20, TimeUnit.SECONDS);
		Instant deadline = Instant.now().plusSeconds(20);
		while (traced(pid) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
	}

	private static boolean traced(long pid) throws IOException {
		return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
			.stream()
			.anyMatch(line -> line.startsWith("TracerPid:") && !line.endsWith("\t0") && !line.endsWith(" 0"));
	}

	private HttpResponse<String> create(String name) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/persons"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString("{\"names\": [\"" + name + "\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> list() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/persons?size=100"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
