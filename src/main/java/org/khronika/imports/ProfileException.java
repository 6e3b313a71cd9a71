package org.khronika.imports;

import org.khronika.catalog.Message;

/**
 * A mapping profile cannot be used; the message says what is wrong and where, in English,
 * and {@link #what()} says it in any language.
 */
public class ProfileException extends RuntimeException {

	private final Message what;

	public ProfileException(String key, Object... arguments) {
		super(Message.of(key, arguments).english(), null, false, false);
		this.what = Message.of(key, arguments);
	}

	public Message what() {
		return this.what;
	}

}
