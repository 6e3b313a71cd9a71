package org.khronika.web;

import java.util.Locale;

import org.khronika.catalog.Moments;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's layout needs: who is logged in, the link to the same page in the
 * other language, and dates in the page's language ({@link Moments}).
 */
@ControllerAdvice
class PageModel {

	@ModelAttribute("currentUser")
	String currentUser(HttpServletRequest request) {
		java.security.Principal principal = request.getUserPrincipal();
		// a session still waiting for its second factor has no user to show yet
		return (principal != null && !request.isUserInRole("PENDING_FACTOR")) ? principal.getName() : null;
	}

	@ModelAttribute("moments")
	Moments moments(Locale locale) {
		return new Moments(locale);
	}

	@ModelAttribute("otherLanguageUrl")
	String otherLanguageUrl(HttpServletRequest request, Locale locale) {
		String other = "ru".equals(locale.getLanguage()) ? "en" : "ru";
		return ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("lang", other)
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

}
