package org.khronika.imports;

/** A mapping profile cannot be used; the message says what is wrong and where. */
public class ProfileException extends RuntimeException {

	public ProfileException(String message) {
		super(message);
	}

}
