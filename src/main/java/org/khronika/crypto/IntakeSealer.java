package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;

/**
 * Seals a report to the organisation's intake key with hybrid public-key encryption
 * (HPKE: X25519, HKDF-SHA256, AES-256-GCM). Needs only the public key: a node that takes
 * reports can seal them and can never open one, nor one it sealed itself. The context
 * (the report's id and the part sealed) is bound in, so sealed bytes moved to another
 * report or part do not open.
 */
public final class IntakeSealer {

	private final HybridEncrypt encrypt;

	IntakeSealer(KeysetHandle publicKeyset) throws GeneralSecurityException {
		TinkKeys.register();
		this.encrypt = TinkKeys.primitive(publicKeyset, HybridEncrypt.class);
	}

	/** {@code plaintext} sealed for {@code context} ("report 〈id〉 answers", …). */
	public byte[] seal(byte[] plaintext, String context) {
		try {
			return this.encrypt.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a report could not be sealed", ex);
		}
	}

	@Override
	public String toString() {
		return "IntakeSealer[public key]";
	}

}
