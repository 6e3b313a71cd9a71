package org.khronika.web;

import java.util.Locale;
import java.util.Map;

/**
 * What a module adds to every page's model, error pages' too: the flags its menu link is
 * shown by, and what the overview or its own pages ask of every page (a count, figures
 * computed only when a page shows them). {@link PageModel} adds them all, to the pages
 * controllers make and to those an exception handler makes, so that no page shows a menu
 * short of the links its reader has.
 */
public interface PageAttributes {

	void addTo(Map<String, Object> model, Locale locale);

}
