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
 *
 * <p>
 * A process starts from the jar extracted as Spring Boot lays it out for production
 * ({@code java -Djarmode=tools -jar khronika.jar extract}) with a class-data archive that
 * a first start of the server recorded ({@code -XX:ArchiveClassesAtExit}): a command or a
 * server then starts in about half the time and CPU, and the crash, command-line and
 * backup tests start many. Both are made once per build of the jar, in
 * {@code target/fast-start}; if they cannot be made, the jar itself is started.
 * {@link #serveAsBuilt} starts the jar itself, as the README does.
 */
public final class Jar {

	public static final Path JAR = Path.of("target/khronika.jar");

	/** The jar extracted, and its class-data archive. */
	private static final Path FAST_START = Path.of("target/fast-start");

	/**
	 * The client compiler alone and the serial collector start a short command about a
	 * quarter faster; they change nothing the command does.
	 */
	private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/** What follows the options to start Khronika: made on first use. */
	private static List<String> launch;

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
		return start(launch(), environment, arguments);
	}

	private static Process start(List<String> launch, Map<String, String> environment, String... arguments)
			throws IOException {
		if (!Files.exists(JAR)) {
			throw new AssertionError("run 'mvn verify': the jar is built before the integration tests");
		}
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(OPTIONS);
		command.addAll(launch);
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
		return serve(launch(), environment, arguments);
	}

	/** As {@link #serve}, from the jar itself: {@code java -jar target/khronika.jar}. */
	public static Served serveAsBuilt(Map<String, String> environment, String... arguments) throws IOException {
		return serve(List.of("-jar", JAR.toString()), environment, arguments);
	}

	private static Served serve(List<String> launch, Map<String, String> environment, String... arguments)
			throws IOException {
		Process process = start(launch, environment, arguments);
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

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static synchronized List<String> launch() throws IOException {
		if (launch == null) {
			launch = fastStart();
		}
		return launch;
	}

	/**
	 * The extracted jar and its archive, made if the jar is newer; the jar itself if they
	 * cannot be made (said on the error stream: only the tests' time depends on it).
	 */
	private static List<String> fastStart() throws IOException {
		Path jar = FAST_START.resolve("app").resolve(JAR.getFileName());
		Path archive = FAST_START.resolve("khronika.jsa");
		// a warning that the archive does not fit would be printed with the command's
		// output
		List<String> fast = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
				"-jar", jar.toString());
		if (Files.exists(archive) && Files.exists(JAR)
				&& Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(JAR)) > 0) {
			return fast;
		}
		Path data = Files.createTempDirectory("khronika-fast-start");
		try {
			org.springframework.util.FileSystemUtils.deleteRecursively(FAST_START);
			Files.createDirectories(FAST_START);
			Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", JAR.toString(), "extract",
					"--destination", jar.getParent().toString())
				.redirectErrorStream(true)
				.start();
			String extracted = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
				throw new IOException("extract: " + extracted);
			}
			// recorded beside, then moved into place whole: a run stopped while it was
			// written leaves no archive to start from
			Path recorded = FAST_START.resolve("khronika.jsa.part");
			List<String> recording = List.of("-XX:ArchiveClassesAtExit=" + recorded, "-jar", jar.toString());
			Process init = start(List.of("-jar", jar.toString()), Map.of(), "init", "--unprotected-key",
					"--data=" + data);
			String initialised = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!init.waitFor(60, TimeUnit.SECONDS) || init.exitValue() != 0) {
				throw new IOException("init: " + initialised);
			}
			int port;
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			// the archive is written as the server stops
			serve(recording, Map.of(), "serve", "--port", Integer.toString(port), "--data=" + data).stop();
			if (!Files.exists(recorded)) {
				throw new IOException("no class-data archive was written");
			}
			Files.move(recorded, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return fast;
		}
		catch (IOException | InterruptedException | AssertionError ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			System.err
				.println("the jar itself is started: its extracted copy and class-data archive could not be made ("
						+ ex.getMessage() + ")");
			return List.of("-jar", JAR.toString());
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(data);
		}
	}

	public record Served(Process process, String printed) {

		/** Stops the server as Ctrl-C would, and waits for it. */
		public void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor(60, TimeUnit.SECONDS);
		}

	}

}
