package org.khronika.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages of the public report form, Russian, Ukrainian and English, and how a
 * request picks one without a cookie: its {@code lang} parameter (a link, or a hidden
 * field of the form), then the browser's languages, then Russian.
 */
public final class ReportLanguages {

	public static final List<Locale> ALL = List.of(Locale.forLanguageTag("ru"), Locale.forLanguageTag("uk"),
			Locale.ENGLISH);

	private ReportLanguages() {
	}

	public static Locale of(HttpServletRequest request) {
		String asked = request.getParameter("lang");
		for (Locale supported : ALL) {
			if (supported.getLanguage().equals(asked)) {
				return supported;
			}
		}
		for (java.util.Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements();) {
			String language = wanted.nextElement().getLanguage();
			for (Locale supported : ALL) {
				if (supported.getLanguage().equals(language)) {
					return supported;
				}
			}
		}
		return ALL.get(0);
	}

}
