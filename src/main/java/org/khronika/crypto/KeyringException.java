package org.khronika.crypto;

/**
 * The keyring cannot be created, read or unlocked. Its message is safe to show an
 * operator: it never contains key material, a passphrase or sealed content.
 */
public class KeyringException extends RuntimeException {

	public KeyringException(String message) {
		super(message);
	}

	public KeyringException(String message, Throwable cause) {
		super(message, cause);
	}

}
