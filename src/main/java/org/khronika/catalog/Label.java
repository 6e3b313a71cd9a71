package org.khronika.catalog;

import java.util.Locale;
import java.util.Objects;

/** A name in Russian and English. */
public record Label(String ru, String en) {

	public Label {
		Objects.requireNonNull(ru, "ru");
		Objects.requireNonNull(en, "en");
	}

	/** The Russian name for Russian, the English one for every other language. */
	public String in(Locale locale) {
		return "ru".equals(locale.getLanguage()) ? this.ru : this.en;
	}

	boolean matches(String text) {
		return this.ru.equalsIgnoreCase(text) || this.en.equalsIgnoreCase(text);
	}

}
