package org.khronika.imports;

import org.khronika.catalog.Message;

/**
 * A file cannot be imported at all (unreadable, not the columns the profile needs, broken
 * past a row); the message says what and where, in English, and {@link #what()} says it
 * in any language. Nothing was written.
 */
public class ImportFailure extends RuntimeException {

	private final Message what;

	public ImportFailure(String key, Object... arguments) {
		this(Message.of(key, arguments));
	}

	public ImportFailure(Message what) {
		super(what.english(), null, false, false);
		this.what = what;
	}

	public Message what() {
		return this.what;
	}

}
