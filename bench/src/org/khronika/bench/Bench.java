package org.khronika.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.khronika.KhronikaApplication;
import org.khronika.crypto.KeyringFile;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmarks share: a fresh Khronika to measure, the machine, medians. */
public final class Bench {

	private Bench() {
	}

	/**
	 * A full Khronika (no web server) on a data directory with SQLite in it, made fresh
	 * unless it exists.
	 */
	public static ConfigurableApplicationContext start(Path dataDirectory) {
		return run(dataDirectory, WebApplicationType.NONE, List.of());
	}

	/**
	 * A full Khronika with its web server on a free port, on a fresh data directory with
	 * SQLite in it, with extra {@code settings} ({@code --name=value}; blank ones are
	 * left out).
	 */
	public static ConfigurableApplicationContext startServer(Path dataDirectory, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		Arrays.stream(settings).filter(setting -> !setting.isBlank()).forEach(arguments::add);
		return run(dataDirectory, WebApplicationType.SERVLET, arguments);
	}

	private static ConfigurableApplicationContext run(Path dataDirectory, WebApplicationType web,
			List<String> settings) {
		try {
			Files.createDirectories(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!KeyringFile.exists(dataDirectory)) {
			KeyringFile.createUnprotected(dataDirectory);
		}
		List<String> arguments = new ArrayList<>(List.of("--khronika.data-dir=" + dataDirectory,
				"--logging.level.root=WARN", "--spring.main.log-startup-info=false"));
		arguments.addAll(settings);
		return new SpringApplicationBuilder(KhronikaApplication.class).web(web).run(arguments.toArray(String[]::new));
	}

	/** The port a server started by {@link #startServer} listens on. */
	public static int port(ConfigurableApplicationContext context) {
		return ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer()
			.getPort();
	}

	public static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The machine, as the README reports it. */
	public static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux: the CPU stays unknown
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		return "%d cores (%s), %d GiB, Java %s, %s".formatted(Runtime.getRuntime().availableProcessors(), cpu,
				memory >> 30, System.getProperty("java.version"), System.getProperty("os.name"));
	}

	public static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
