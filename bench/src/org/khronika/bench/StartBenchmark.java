package org.khronika.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long Khronika takes to start from the shell, as an operator starts it: a command
 * ({@code verify-log} on a new data directory) to its end, and the server to the line
 * saying it is running. Each is started {@code RUNS} times in each of four ways, in
 * turn, and the median wall time of each way is printed with its ratio to the first, the
 * baseline:
 * <ol>
 * <li>the jar as built: {@code java -jar target/khronika.jar};</li>
 * <li>the jar extracted as Spring Boot lays it out for production
 * ({@code java -Djarmode=tools -jar khronika.jar extract});</li>
 * <li>the extracted jar with a class-data archive, which one run of the server recorded
 * as it stopped ({@code -XX:ArchiveClassesAtExit});</li>
 * <li>the same with the client compiler alone and the serial collector.</li>
 * </ol>
 *
 * <pre>bench/run start [RUNS]</pre>
 */
public final class StartBenchmark {

	private static final Path JAR = Path.of("target/khronika.jar");

	private StartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		System.out.printf("machine: %s%n", Bench.machine());
		Path dir = Files.createTempDirectory("khronika-start-bench");
		try {
			Path data = dir.resolve("data");
			Path extracted = dir.resolve("app").resolve("khronika.jar");
			Path archive = dir.resolve("khronika.jsa");
			finish(run(List.of("-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination",
					extracted.getParent().toString())));
			finish(run(List.of("-jar", JAR.toString(), "init", "--unprotected-key", "--data=" + data)));
			serve(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted.toString()), data);
			if (!Files.exists(archive)) {
				throw new IllegalStateException("the server wrote no class-data archive");
			}
			List<String> shared = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
					"-Xlog:cds+dynamic=off", "-jar", extracted.toString());
			Map<String, List<String>> ways = new LinkedHashMap<>();
			ways.put("the jar as built", List.of("-jar", JAR.toString()));
			ways.put("the jar extracted", List.of("-jar", extracted.toString()));
			ways.put("extracted, with a class-data archive", shared);
			List<String> quick = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
			quick.addAll(shared);
			ways.put("the same, client compiler and serial GC", quick);

			Map<String, double[]> command = new LinkedHashMap<>();
			Map<String, double[]> server = new LinkedHashMap<>();
			ways.keySet().forEach(way -> {
				command.put(way, new double[runs]);
				server.put(way, new double[runs]);
			});
			for (int run = 0; run < runs; run++) {
				for (Map.Entry<String, List<String>> way : ways.entrySet()) {
					long started = System.nanoTime();
					List<String> verify = new ArrayList<>(way.getValue());
					verify.addAll(List.of("verify-log", "--data=" + data));
					finish(run(verify));
					command.get(way.getKey())[run] = (System.nanoTime() - started) / 1e9;
					server.get(way.getKey())[run] = serve(way.getValue(), data);
				}
			}
			print("verify-log, start to end", command, runs);
			print("serve, start to running", server, runs);
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static void print(String what, Map<String, double[]> times, int runs) {
		double baseline = Bench.median(times.values().iterator().next());
		System.out.printf("%s (median of %d):%n", what, runs);
		times.forEach((way, seconds) -> System.out.printf("  %-40s %5.2f s  %.2f of the baseline%n", way,
				Bench.median(seconds), Bench.median(seconds) / baseline));
	}

	private static Process run(List<String> options) throws IOException {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(options);
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private static void finish(Process process) throws IOException, InterruptedException {
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("failed: " + printed);
		}
	}

	/**
	 * Starts the server on a free port, waits for the line saying it runs, stops it as
	 * Ctrl-C would and waits for it to end.
	 * @return the seconds from the start to that line
	 */
	private static double serve(List<String> launch, Path data) throws IOException, InterruptedException {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> options = new ArrayList<>(launch);
		options.addAll(List.of("serve", "--port", Integer.toString(port), "--data=" + data));
		long started = System.nanoTime();
		Process process = run(options);
		StringBuilder printed = new StringBuilder();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				printed.append(line).append('\n');
				if (line.startsWith("Khronika is running at")) {
					double seconds = (System.nanoTime() - started) / 1e9;
					// as Ctrl-C would; its output is no longer read
					process.destroy();
					if (!process.waitFor(60, TimeUnit.SECONDS)) {
						process.destroyForcibly();
						throw new IllegalStateException("the server did not stop");
					}
					return seconds;
				}
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("the server did not start: " + printed);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
