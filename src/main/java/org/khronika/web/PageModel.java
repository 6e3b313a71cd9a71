package org.khronika.web;

import java.util.Locale;

import org.khronika.catalog.Moments;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's layout needs: who is logged in, the link to the same page in the
 * other language, dates in the page's language ({@link Moments}), and what each module
 * adds ({@link PageAttributes}: its menu link's flag, the overview's counts).
 */
@ControllerAdvice
class PageModel {

	private static final java.util.regex.Pattern PLAIN_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9._~/-]*");

	private final ObjectProvider<PageAttributes> modules;

	PageModel(ObjectProvider<PageAttributes> modules) {
		this.modules = modules;
	}

	/**
	 * What a page's layout needs, for a page made where these methods do not run: an
	 * exception handler's (an error page), which gets the same menu as every page. A
	 * module that cannot say what it adds (the database it asks is what failed) leaves
	 * its links out rather than the error page unshown.
	 */
	void addTo(org.springframework.web.servlet.ModelAndView page, HttpServletRequest request) {
		Locale locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
		page.addObject("currentUser", currentUser(request));
		page.addObject("moments", moments(locale));
		page.addObject("otherLanguageUrl", otherLanguageUrl(request, locale));
		this.modules.orderedStream().forEach(module -> {
			try {
				module.addTo(page.getModel(), locale);
			}
			catch (RuntimeException ex) {
				// the failure the page reports is logged where it was handled
			}
		});
	}

	@ModelAttribute
	void modules(Model model, Locale locale) {
		this.modules.orderedStream().forEach(module -> module.addTo(model.asMap(), locale));
	}

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

	/**
	 * The same page in the other language. An error page shown for another address (a
	 * 404, a 400) leads to that address, where {@code /error} would be a page of its own,
	 * when it is a plain path; a path the firewall refused, such as {@code //host/x}, is
	 * never made a link, and leads to the first page.
	 */
	@ModelAttribute("otherLanguageUrl")
	String otherLanguageUrl(HttpServletRequest request, Locale locale) {
		String other = "ru".equals(locale.getLanguage()) ? "en" : "ru";
		if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
			Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
			boolean plain = failed instanceof String path && PLAIN_PATH.matcher(path).matches() && !path.contains("//");
			return (plain ? failed : "/") + "?lang=" + other;
		}
		return ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("lang", other)
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

}
