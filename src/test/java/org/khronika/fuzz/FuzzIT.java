package org.khronika.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes each parser that reads what people send: Jazzer (libFuzzer, coverage-guided)
 * runs a fuzz target as a process of its own for {@value #RUNS} inputs, mutated from the
 * corpus kept in {@code src/test/resources/fuzz/TARGET/}, seeded, so a run can be
 * repeated. An input that makes a parser throw anything but its own "bad input" exception
 * is a finding: the test fails, and the input lands in {@code target/fuzz/} for a
 * regression seed once fixed. {@code -Dkhronika.fuzz.runs=N} in the test's JVM changes
 * the count.
 */
class FuzzIT {

	private static final int RUNS = Integer.getInteger("khronika.fuzz.runs", 100_000);

	private static final Pattern DONE = Pattern.compile("Done (\\d+) runs");

	@ParameterizedTest
	@ValueSource(strings = { "org.khronika.imports.CsvFuzzer", "org.khronika.imports.XlsxFuzzer",
			"org.khronika.imports.ProfileFuzzer", "org.khronika.registry.JsonDraftFuzzer",
			"org.khronika.search.SearchQueryFuzzer" })
	void aParserTakesAnyInputWithoutAnUnexpectedException(String target) throws Exception {
		String name = target.substring(target.lastIndexOf('.') + 1);
		Path seeds = Path.of("src/test/resources/fuzz", name);
		assertThat(seeds).as("the corpus kept in the repository").isDirectoryContaining(p -> true);
		Path work = Path.of("target/fuzz", name);
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path log = Path.of("target/fuzz", name + ".log");

		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
				"-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
				"--target_class=" + target, "--instrumentation_includes=org.khronika.**", "-runs=" + RUNS,
				"-seed=20261205", "-rss_limit_mb=6144", "-timeout=20", "-artifact_prefix=" + work + "/",
				"--reproducer_path=" + work, work.toString(), seeds.toString()));
		Process fuzzer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!fuzzer.waitFor(15, TimeUnit.MINUTES)) {
			fuzzer.destroyForcibly();
			throw new AssertionError(name + " did not finish in 15 minutes; see " + log);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);

		assertThat(fuzzer.exitValue())
			.as("%s found an input that fails it; see %s and the crash- file in %s:%n%s", name, log, work, tail(output))
			.isZero();
		Matcher done = DONE.matcher(output);
		assertThat(done.find()).as("libFuzzer's summary in " + log).isTrue();
		assertThat(Long.parseLong(done.group(1))).as("inputs tried").isGreaterThanOrEqualTo(RUNS);
	}

	private static String tail(String output) throws IOException {
		List<String> lines = output.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
