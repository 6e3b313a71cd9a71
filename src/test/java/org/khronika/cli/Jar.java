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
 * Runs Khronika's command line: {@code java -jar target/khronika.jar …} as a separate
 * process, as a user would, whenever the command needs an environment (a passphrase, a
 * database URL) or serves; otherwise the same command line in this JVM, which spares the
 * start of a JVM (a few seconds) per command. The jar's own start is tested by the
 * commands that run as processes.
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
		if (environment.isEmpty() && !"serve".equals(arguments[0])
				&& System.getenv().keySet().stream().noneMatch(name -> name.startsWith("KHRONIKA_"))) {
			return inThisJvm(arguments);
		}
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

	/** The command line run here, its output captured as the process's would be. */
	private static Result inThisJvm(String... arguments) {
		java.io.StringWriter out = new java.io.StringWriter();
		java.io.StringWriter err = new java.io.StringWriter();
		picocli.CommandLine commandLine = KhronikaCommand.commandLine()
			.setOut(new java.io.PrintWriter(out, true))
			.setErr(new java.io.PrintWriter(err, true));
		int exitCode = commandLine.execute(arguments);
		return new Result(exitCode, out.toString(), err.toString());
	}

	public static Process start(Map<String, String> environment, String... arguments) throws IOException {
		if (!Files.exists(JAR)) {
			throw new AssertionError("run 'mvn verify': the jar is built before the integration tests");
		}
		// the client compiler alone and the serial collector start a short command
		// about a quarter faster; they change nothing the command does
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-jar", JAR.toString()));
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
	public static Served serve(Map<String, String> environment, String... arguments) throws IOException {
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

	public record Served(Process process, String printed) {

		/** Stops the server as Ctrl-C would, and waits for it. */
		public void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(60, TimeUnit.SECONDS);
		}

	}

}
