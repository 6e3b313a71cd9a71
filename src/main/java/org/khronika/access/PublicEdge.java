package org.khronika.access;

import jakarta.servlet.Filter;
import org.khronika.web.ProblemDocuments;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a server that faces the public needs of the staff server's hardening, for the
 * keyless intake node: the same strict response headers and the same limit on request
 * bodies.
 */
public final class PublicEdge {

	private PublicEdge() {
	}

	/** Content-Security-Policy, no referrer, no framing, no browser features. */
	public static void headers(HttpSecurity http) throws Exception {
		SecurityConfiguration.headers(http);
	}

	/**
	 * Refuses request bodies over {@code maxBytes}, or over {@code maxUploadBytes} for a
	 * report posted with its files (413), before anything reads them; an API's refusals
	 * are {@code problems}.
	 */
	public static Filter sizeLimit(long maxBytes, long maxUploadBytes, ProblemDocuments problems) {
		return RequestFilters.sizeLimit(maxBytes, maxUploadBytes, problems);
	}

}
