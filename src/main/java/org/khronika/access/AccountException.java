package org.khronika.access;

/** An account operation cannot be done; the message says why and is safe to show. */
public class AccountException extends RuntimeException {

	public AccountException(String message) {
		super(message);
	}

}
