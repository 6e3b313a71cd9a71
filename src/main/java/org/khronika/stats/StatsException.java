package org.khronika.stats;

import org.khronika.catalog.Message;

/**
 * A statistics question that cannot be answered as asked: an unknown measure, a dimension
 * the measure's records lack, a malformed date or filter. The message says which and what
 * is allowed, in English; {@link #what()} says it in any language.
 */
public class StatsException extends RuntimeException {

	private final Message what;

	public StatsException(String key, Object... arguments) {
		super(Message.of(key, arguments).english(), null, false, false);
		this.what = Message.of(key, arguments);
	}

	public Message what() {
		return this.what;
	}

}
