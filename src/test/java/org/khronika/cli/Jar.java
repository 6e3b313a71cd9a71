package org.khronika.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java -jar target/khronika.jar …} as a separate process, as a user would.
 */
public final class Jar {

	public static final Path JAR = Path.of("target/khronika.jar");

	private Jar() {
	}

	public record Result(int exitCode, String out, String err) {

		public String all() {
			return this.out + this.err;
		}

	}

	public static Result run(Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		Process process = start(environment, arguments);
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("khronika " + String.join(" ", arguments) + " did not finish");
		}
		return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
				new String(err, StandardCharsets.UTF_8));
	}

	static Process start(Map<String, String> environment, String... arguments) throws IOException {
		if (!Files.exists(JAR)) {
			throw new AssertionError("run 'mvn verify': the jar is built before the integration tests");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf(name -> name.startsWith("KHRONIKA_"));
		builder.environment().putAll(environment);
		return builder.start();
	}

	/**
	 * Starts serve and waits until it says it is running; returns the process and what it
	 * printed.
	 */
	static Served serve(Map<String, String> environment, String... arguments) throws IOException {
		Process process = start(environment, arguments);
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder printed = new StringBuilder();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String line;
		while ((line = out.readLine()) != null) {
			printed.append(line).append('\n');
			if (line.startsWith("Log in ")) {
				Thread drain = new Thread(() -> {
					try {
						out.transferTo(java.io.Writer.nullWriter());
					}
					catch (IOException ignored) {
						// the process ended
					}
				});
				drain.setDaemon(true);
				drain.start();
				return new Served(process, printed.toString());
			}
			if (Instant.now().isAfter(deadline)) {
				break;
			}
		}
		process.destroyForcibly();
		throw new AssertionError("serve did not start: " + printed
				+ new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	record Served(Process process, String printed) {

		/** Stops the server as Ctrl-C would, and waits for it. */
		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(60, TimeUnit.SECONDS);
		}

	}

}
