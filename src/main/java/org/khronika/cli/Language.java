package org.khronika.cli;

import java.util.Locale;

import picocli.CommandLine.Option;

/** The {@code --lang ru|en} option of commands that print titles and headings. */
class Language {

	@Option(names = "--lang", defaultValue = "ru", paramLabel = "ru|en",
			description = "The language of titles and headings (default ru).")
	String lang;

	/**
	 * The language asked for.
	 * @throws Failures.CommandFailure if it is neither ru nor en
	 */
	Locale locale() {
		if (!this.lang.equals("ru") && !this.lang.equals("en")) {
			throw new Failures.CommandFailure("--lang: '" + this.lang + "'; ru or en");
		}
		return Locale.forLanguageTag(this.lang);
	}

}
