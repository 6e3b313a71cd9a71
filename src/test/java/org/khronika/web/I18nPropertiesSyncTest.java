package org.khronika.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No message is missing in a language, and no page or rule uses a message that does not
 * exist.
 */
class I18nPropertiesSyncTest {

	@Test
	void russianAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> russian = load("messages_ru.properties").stringPropertyNames();

		assertThat(new TreeSet<>(russian)).isEqualTo(new TreeSet<>(english));
		assertThat(load("messages_en.properties").stringPropertyNames()).isEmpty();
	}

	/**
	 * A Russian message with Latin letters has Cyrillic ones too: an English text copied
	 * in place of a translation fails. The exceptions are names that are not translated.
	 */
	@Test
	void noRussianMessageIsEnglish() throws IOException {
		Properties russian = load("messages_ru.properties");
		Properties english = load("messages.properties");
		// the switch to English says so in English; a channel and two kinds of photo
		// metadata go by their names
		Set<String> names = Set.of("nav.language", "intake.channel.api", "intake.file.removed.xmp",
				"intake.file.removed.iptc");
		Set<String> inEnglish = new TreeSet<>();
		for (String key : russian.stringPropertyNames()) {
			String text = russian.getProperty(key);
			boolean latinOnly = text.matches("(?s).*\\p{IsLatin}.*") && !text.matches("(?s).*\\p{IsCyrillic}.*");
			boolean copied = text.matches("(?s).*\\p{IsLatin}{4,}.*") && text.equals(english.getProperty(key));
			if ((latinOnly || copied) && !names.contains(key)) {
				inEnglish.add(key + "=" + text);
			}
		}
		assertThat(inEnglish).as("Russian messages in English").isEmpty();
	}

	/**
	 * A message without arguments is shown as it is written, not read as a pattern: an
	 * apostrophe in it is written once ({@code ''} would show twice). One with arguments
	 * is a pattern, where {@code ''} shows one.
	 */
	@Test
	void aMessageWithoutArgumentsWritesAnApostropheOnce() throws IOException {
		Set<String> doubled = new TreeSet<>();
		for (String file : List.of("messages.properties", "messages_ru.properties", "messages_uk.properties")) {
			Properties messages = load(file);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (!text.matches("(?s).*\\{[0-9].*") && text.contains("''")) {
					doubled.add(file + ": " + key);
				}
			}
		}
		assertThat(doubled).isEmpty();
	}

	@Test
	void ukrainianHasEveryMessageOfThePublicReportFormAndItsErrorPagesAndNothingElse() throws IOException {
		Set<String> report = new TreeSet<>(load("messages_ru.properties").stringPropertyNames());
		report.removeIf(key -> !key.startsWith("report.") && !key.startsWith("error.413")
				&& !key.startsWith("error.400") && !key.startsWith("error.503"));
		report.add("nav.skip");

		assertThat(new TreeSet<>(load("messages_uk.properties").stringPropertyNames())).isEqualTo(report);
	}

	@Test
	void everyLiteralMessageKeyInTheTemplatesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
		Set<String> used = new TreeSet<>(inTemplates(literal).stream().map(found -> found.match().group(1)).toList());
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	/**
	 * What a screen reader says of a region or a field (aria-label), a field's example
	 * (placeholder), a tooltip and an image's text come from the messages, in the page's
	 * language: a template that writes them in its own letters says them in English on a
	 * Russian page.
	 */
	@Test
	void noTemplateWritesWordsPeopleReadInAnAttributeOfItsOwn() throws IOException {
		Pattern own = Pattern.compile("\\s(aria-label|placeholder|title|alt)=\"[^\"]*\\p{IsLatin}[^\"]*\"");
		assertThat(inTemplates(own)).isEmpty();
	}

	/** A match in a template, named by the template's file. */
	private record Found(String template, java.util.regex.MatchResult match) {

		@Override
		public String toString() {
			return this.template + ": " + this.match.group().strip();
		}

	}

	private static List<Found> inTemplates(Pattern pattern) throws IOException {
		List<Found> found = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(template));
				while (matcher.find()) {
					found.add(new Found(String.valueOf(template.getFileName()), matcher.toMatchResult()));
				}
			}
		}
		return found;
	}

	@Test
	void everyProblemCodeInTheCodeHasAMessage() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern problem = Pattern.compile("(?:reject|FieldProblem\\.of)\\([^,]+, \"([a-z_]+)\"");
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = problem.matcher(Files.readString(source));
				while (matcher.find()) {
					codes.add("problem." + matcher.group(1));
				}
			}
		}
		assertThat(codes).hasSizeGreaterThan(15);
		assertThat(keys).containsAll(codes);
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
