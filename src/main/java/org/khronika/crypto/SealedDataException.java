package org.khronika.crypto;

/**
 * Sealed bytes do not open under their subject's key and associated data: they were
 * changed, cut, or moved from another entry. The message names no content.
 */
public class SealedDataException extends RuntimeException {

	public SealedDataException(String message) {
		super(message);
	}

}
