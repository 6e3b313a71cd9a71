package org.khronika;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map of DESIGN.md, held by Spring Modulith: allowed dependencies only, no
 * cycles.
 */
class ModularityTests {

	private static final Path SOURCES = Path.of("src/main/java/org/khronika");

	/**
	 * A name of Khronika's in source: its module, the subpackages under it (if any) and
	 * the type or {@code *}.
	 */
	private static final Pattern NAME = Pattern
		.compile("\\borg\\.khronika\\.([a-z]\\w*)((?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*|\\*)");

	private final ApplicationModules modules = ApplicationModules.of(KhronikaApplication.class);

	@Test
	void modulesDependOnlyOnWhatTheirPackageInfoAllows() {
		this.modules.verify();
	}

	/**
	 * Modulith reads bytecode, where javac has already copied every constant it uses
	 * ({@code static final String}) into the user and left no trace of the owner: a
	 * module that reads another's constant passes it unseen. The sources still name the
	 * owner, so they are held to the same map.
	 */
	@Test
	void sourcesNameOnlyTheModulesTheirPackageInfoAllows() throws IOException {
		List<String> offending = new ArrayList<>();
		try (Stream<Path> modules = Files.list(SOURCES)) {
			for (Path module : modules.filter(Files::isDirectory).toList()) {
				String name = module.getFileName().toString();
				Set<String> allowed = allowedDependencies(name);
				try (Stream<Path> files = Files.walk(module)) {
					files.filter(file -> file.toString().endsWith(".java"))
						.forEach(file -> offending.addAll(outside(name, allowed, file)));
				}
			}
		}
		assertThat(offending).isEmpty();
	}

	@Test
	void theSourceCheckSeesAConstantReadFromAModuleNotAllowed() {
		Set<String> allowed = allowedDependencies("access");
		assertThat(outside("access", allowed, "import org.khronika.intake.Reports;\n"))
			.containsExactly("org.khronika.intake.Reports");
		assertThat(outside("access", allowed, "x = org.khronika.crypto.internal.Key.SIZE;"))
			.as("another module's subpackages are its internals")
			.containsExactly("org.khronika.crypto.internal.Key");
		assertThat(outside("access", allowed, "import org.khronika.crypto.Sealed;\nimport org.khronika.access.web.X;"))
			.isEmpty();
	}

	private static Set<String> allowedDependencies(String module) {
		try {
			ApplicationModule declared = Class.forName("org.khronika." + module + ".package-info")
				.getAnnotation(ApplicationModule.class);
			return Set.of(declared.allowedDependencies());
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("module " + module + " has no package-info declaring its dependencies", ex);
		}
	}

	private static List<String> outside(String module, Set<String> allowed, Path file) {
		try {
			return outside(module, allowed, Files.readString(file)).stream()
				.map(name -> SOURCES.relativize(file) + ": " + name)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> outside(String module, Set<String> allowed, String source) {
		List<String> names = new ArrayList<>();
		Matcher found = NAME.matcher(source);
		while (found.find()) {
			String target = found.group(1);
			boolean own = target.equals(module);
			boolean allowedApi = allowed.contains(target) && found.group(2).isEmpty();
			if (!own && !allowedApi) {
				names.add(found.group());
			}
		}
		return names;
	}

}
