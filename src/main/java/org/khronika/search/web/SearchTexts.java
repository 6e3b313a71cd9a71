package org.khronika.search.web;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * What one session searched for lately, each under a random token that the results' links
 * carry instead of the words. Held in the session's memory only, forgotten with it; the
 * oldest go first.
 */
final class SearchTexts implements Serializable {

	private static final long serialVersionUID = 1L;

	private static final String ATTRIBUTE = SearchTexts.class.getName();

	/** How many searches a session remembers. */
	private static final int KEPT = 30;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, String> texts = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > KEPT;
		}
	};

	static SearchTexts of(HttpSession session) {
		synchronized (session) {
			SearchTexts texts = (SearchTexts) session.getAttribute(ATTRIBUTE);
			if (texts == null) {
				texts = new SearchTexts();
				session.setAttribute(ATTRIBUTE, texts);
			}
			return texts;
		}
	}

	/** Keeps {@code text}; returns its token. */
	synchronized String keep(String text) {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.texts.put(token, text);
		return token;
	}

	/** The text kept under {@code token}, if this session still remembers it. */
	synchronized Optional<String> get(String token) {
		return Optional.ofNullable(this.texts.get(token));
	}

	/** The words searched for are never in a log line. */
	@Override
	public String toString() {
		return "SearchTexts[" + this.texts.size() + "]";
	}

}
