package org.khronika.imports;

/**
 * A file cannot be imported at all (unreadable, not the columns the profile needs, broken
 * past a row); the message says what and where. Nothing was written.
 */
public class ImportFailure extends RuntimeException {

	public ImportFailure(String message) {
		super(message);
	}

}
