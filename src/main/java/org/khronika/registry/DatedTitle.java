package org.khronika.registry;

import java.time.LocalDate;

/**
 * A record's title split around the day it shows (an incident's, a case event's), so that
 * a page wraps the day alone in a {@code <time datetime>}: "Задержание · " and "4 мар.
 * 2025 г." and "". A title that shows no day is all {@code before}, with {@code day} and
 * {@code datetime} null.
 *
 * @param datetime the ISO day, for the {@code <time>} element
 */
public record DatedTitle(String before, String day, String after, String datetime) {

	/**
	 * {@code title} split around {@code shown}, the way it writes {@code day}, if it
	 * does.
	 */
	static DatedTitle of(String title, LocalDate day, String shown) {
		int at = (day != null) ? title.indexOf(shown) : -1;
		if (at < 0) {
			return new DatedTitle(title, null, "", null);
		}
		return new DatedTitle(title.substring(0, at), shown, title.substring(at + shown.length()), day.toString());
	}

}
