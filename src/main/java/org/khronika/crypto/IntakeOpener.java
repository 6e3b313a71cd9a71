package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.HybridDecrypt;

/**
 * Opens what {@link IntakeSealer} sealed, with the intake key's private half from the
 * unlocked keyring.
 */
public final class IntakeOpener {

	private final HybridDecrypt decrypt;

	IntakeOpener(HybridDecrypt decrypt) {
		this.decrypt = decrypt;
	}

	/**
	 * The plaintext sealed for {@code context}.
	 * @throws SealedDataException if the bytes were changed, or sealed for another
	 * context or key
	 */
	public byte[] open(byte[] sealed, String context) {
		try {
			return this.decrypt.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new SealedDataException("a sealed report does not open: changed, moved or sealed to another key");
		}
	}

	@Override
	public String toString() {
		return "IntakeOpener[unlocked]";
	}

}
