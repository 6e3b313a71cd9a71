package org.khronika.catalog;

import java.util.Locale;

/**
 * An article of a code of law, e.g. {@code uk-207.3}: article 207.3 of the Criminal Code.
 *
 * @param jurisdictionName the code's short name: УК / CC, КоАП / CAO
 * @param kind {@code administrative} or {@code criminal}, from its jurisdiction
 */
public record LawArticle(String code, String jurisdiction, Label jurisdictionName, String number, String kind,
		Label title) {

	/** Short form for lists: "УК 207.3" or "CC 207.3". */
	public String shortName(Locale locale) {
		return this.jurisdictionName.in(locale) + " " + this.number;
	}

}
