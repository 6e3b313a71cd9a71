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

	/** The request attribute that says its form could not be read whole. */
	private static final String UNREADABLE = ReportLanguages.class.getName() + ".unreadable";

	private ReportLanguages() {
	}

	/**
	 * Whether the request's form could not be read whole (text that is not UTF-8): the
	 * server then drops the fields it cannot decode, and the page must say so rather than
	 * ask for them as if nothing had been typed. Known once the language was picked.
	 */
	public static boolean unreadable(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(UNREADABLE));
	}

	public static Locale of(HttpServletRequest request) {
		String asked;
		try {
			asked = request.getParameter("lang");
		}
		catch (RuntimeException ex) {
			// a body that cannot be read (not UTF-8): the browser's languages decide, and
			// the form is told, as the parameters read later come back without the field
			asked = null;
			request.setAttribute(UNREADABLE, Boolean.TRUE);
		}
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
