package org.khronika.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;

/** Checks checkpoint signatures against the public key kept beside the keyring. */
public final class SignatureVerifier {

	private final PublicKeyVerify verify;

	SignatureVerifier(KeysetHandle publicKeyset) throws GeneralSecurityException {
		this.verify = TinkKeys.primitive(publicKeyset, PublicKeyVerify.class);
	}

	/**
	 * Whether {@code signature} is this key's signature of {@code message}; never throws.
	 */
	public boolean verifies(byte[] message, byte[] signature) {
		try {
			this.verify.verify(signature, message);
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

}
