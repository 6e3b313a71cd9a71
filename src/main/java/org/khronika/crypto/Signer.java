package org.khronika.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.PublicKeySign;

/** Ed25519 signatures (Tink) over checkpoint messages. */
public final class Signer {

	private final PublicKeySign sign;

	Signer(PublicKeySign sign) {
		this.sign = sign;
	}

	/**
	 * Signs {@code message}; never returns null.
	 * @throws KeyringException if the key cannot sign (a broken keyring)
	 */
	public byte[] sign(byte[] message) {
		try {
			return this.sign.sign(message);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the checkpoint key cannot sign", ex);
		}
	}

}
