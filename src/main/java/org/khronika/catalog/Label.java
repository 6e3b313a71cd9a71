package org.khronika.catalog;

import java.util.Locale;
import java.util.Objects;

/** A name in Russian and English. */
public record Label(String ru, String en) {

	public Label {
		Objects.requireNonNull(ru, "ru");
		Objects.requireNonNull(en, "en");
	}

	/**
	 * The Russian name for Russian and Ukrainian (the catalog has no Ukrainian names, and
	 * the Ukrainian report form reads better with Russian place names than with English
	 * ones), the English one for every other language.
	 */
	public String in(Locale locale) {
		String language = locale.getLanguage();
		return ("ru".equals(language) || "uk".equals(language)) ? this.ru : this.en;
	}

	boolean matches(String text) {
		return this.ru.equalsIgnoreCase(text) || this.en.equalsIgnoreCase(text);
	}

}
