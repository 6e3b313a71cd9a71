package org.khronika.catalog;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message for people: a key of the messages files (which keep every word of the
 * interface in Russian and English) and its arguments, so that pages say it in the
 * reader's language and the command line in English.
 */
public record Message(String key, List<Object> arguments) {

	public Message {
		arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
	}

	public static Message of(String key, Object... arguments) {
		return new Message(key, List.of(arguments));
	}

	/** The message in English, as the command line prints it. */
	public String english() {
		String pattern = ResourceBundle.getBundle("messages", Locale.ROOT).getString(this.key);
		// as Spring's message source: patterns without arguments are taken as they are
		return this.arguments.isEmpty() ? pattern
				: new MessageFormat(pattern, Locale.ENGLISH).format(this.arguments.toArray());
	}

	/** The arguments, for a page's message resolution. */
	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

	/**
	 * The arguments for a page in {@code locale}: a {@link Named} catalog entry (or
	 * {@link Named.Several}) by its name in that language, where the command line writes
	 * its code.
	 */
	public Object[] argumentsIn(Locale locale) {
		return this.arguments.stream().map(argument -> {
			if (argument instanceof Named named) {
				return named.label().in(locale);
			}
			return (argument instanceof Named.Several several) ? several.in(locale) : argument;
		}).toArray();
	}

}
