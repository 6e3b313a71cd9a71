package org.khronika.crypto;

import java.util.Arrays;

/**
 * Raw key bytes: the one capability type through which they pass between our classes. Its
 * {@code toString} never reveals the bytes; {@link #destroy()} overwrites them.
 */
final class SecretBytes {

	private final byte[] bytes;

	SecretBytes(byte[] bytes) {
		this.bytes = bytes.clone();
	}

	byte[] reveal() {
		return this.bytes.clone();
	}

	void destroy() {
		Arrays.fill(this.bytes, (byte) 0);
	}

	@Override
	public String toString() {
		return "SecretBytes[" + this.bytes.length + " bytes]";
	}

}
