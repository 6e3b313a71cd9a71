package org.khronika.access;

/**
 * An account operation cannot be done; the message says why in English and is safe to
 * show, the code names it for translated pages.
 */
public class AccountException extends RuntimeException {

	private final String code;

	public AccountException(String message) {
		this("account.refused", message);
	}

	public AccountException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** A stable message code, e.g. {@code password.wrong}. */
	public String code() {
		return this.code;
	}

}
