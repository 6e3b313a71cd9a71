package org.khronika;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Library ownership and a framework-free domain, as DESIGN.md and STYLE.md ask. */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.khronika");

	/**
	 * Records, enums and sealed interfaces of the domain modules, and their deciders;
	 * typed settings ({@code *Settings}, bound by Spring) are edges, not domain.
	 */
	private static final DescribedPredicate<JavaClass> DOMAIN_TYPES = DescribedPredicate.describe(
			"domain types (records, enums, " + "sealed interfaces, deciders) of eventlog, crypto, catalog and registry",
			javaClass -> {
				if (!List
					.of("org.khronika.eventlog", "org.khronika.crypto", "org.khronika.catalog", "org.khronika.registry")
					.contains(javaClass.getPackageName())) {
					return false;
				}
				Class<?> type = javaClass.reflect();
				if (type.getSimpleName().endsWith("Settings")) {
					return false;
				}
				return type.isRecord() || type.isEnum() || type.isSealed() || type.getSimpleName().endsWith("Decider");
			});

	@Test
	void onlyCryptoUsesTinkAndBouncyCastle() {
		noClasses().that()
			.resideOutsideOfPackage("org.khronika.crypto..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.google.crypto.tink..", "org.bouncycastle..")
			.check(CLASSES);
	}

	@Test
	void onlyTheCommandLineUsesPicocli() {
		noClasses().that()
			.resideOutsideOfPackage("org.khronika.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("picocli..")
			.check(CLASSES);
	}

	@Test
	void onlyAccessDrawsQrCodes() {
		noClasses().that()
			.resideOutsideOfPackage("org.khronika.access..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.google.zxing..")
			.check(CLASSES);
	}

	@Test
	void poiCommonsCsvLuceneAndIcuStayInTheirModules() {
		// besides imports and statistics, one class writes a list (of records, of search
		// results) as a file to take away
		noClasses().that()
			.resideOutsideOfPackage("org.khronika.imports..")
			.and()
			.doNotHaveFullyQualifiedName("org.khronika.registry.ListExport")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.poi..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackages("org.khronika.imports..", "org.khronika.stats..", "org.khronika.cli..",
					"org.khronika.publish..")
			.and()
			.doNotHaveFullyQualifiedName("org.khronika.registry.ListExport")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.commons.csv..")
			.check(CLASSES);
		noClasses().that()
			.resideOutsideOfPackages("org.khronika.search..", "org.khronika.linkage..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.lucene..", "com.ibm.icu..")
			.check(CLASSES);
	}

	@Test
	void domainTypesKnowNoSpringNoServletsAndNoJdbc() {
		noClasses().that(DOMAIN_TYPES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..")
			.check(CLASSES);
	}

	@Test
	void theLogIsNeverUpdatedOrDeletedFrom() throws IOException {
		Pattern mutation = Pattern
			.compile("(?i)(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?)\\s+(log|audit)_(entry|checkpoint)");
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			List<Path> offending = files.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".sql"))
				.filter(file -> {
					try {
						return mutation.matcher(Files.readString(file)).find();
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				})
				.toList();
			assertThat(offending).isEmpty();
		}
	}

}
