package org.khronika.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Days and moments as the reader's language writes them, for a page: a day short (4 мар.
 * 2025 г., Mar 4, 2025), a moment with its time in UTC, which it says (4 мар. 2025 г.,
 * 14:06 UTC). Spaces do not break: a date never breaks across lines. A page gives the ISO
 * form beside it in a {@code <time datetime>} where the date stands on its own. Every
 * page's model holds one as {@code moments}; records' titles and fields write their days
 * with it too. Files, the API and the command line keep the ISO forms.
 */
public record Moments(Locale locale) {

	/** A day: 4 мар. 2025 г.; nothing for no day. */
	public String day(LocalDate day) {
		return (day == null) ? "" : unbreakable(
				DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale).format(day));
	}

	/** The day of a moment, in UTC. */
	public String day(Instant moment) {
		return (moment == null) ? "" : day(LocalDate.ofInstant(moment, ZoneOffset.UTC));
	}

	/** A moment to the minute: 4 мар. 2025 г., 14:06 UTC. */
	public String at(Instant moment) {
		return format(moment, FormatStyle.SHORT);
	}

	/** A moment to the second, as the audit trail and a record's history give it. */
	public String atSecond(Instant moment) {
		return format(moment, FormatStyle.MEDIUM);
	}

	private String format(Instant moment, FormatStyle time) {
		if (moment == null) {
			return "";
		}
		return unbreakable(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, time)
			.withLocale(this.locale)
			.withZone(ZoneOffset.UTC)
			.format(moment)) + "\u00a0UTC";
	}

	private static String unbreakable(String text) {
		return text.replace(' ', '\u00a0');
	}

}
