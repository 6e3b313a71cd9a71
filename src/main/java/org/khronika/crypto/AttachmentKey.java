package org.khronika.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * The key of one report's attachments: each file is sealed under it with Tink's streaming
 * AEAD (AES-256-GCM-HKDF, segments of 1 MiB), so a 20 MB photo is never held as one block
 * of ciphertext to decrypt. The key itself is sealed to the intake key (HPKE, as the
 * report is), so only the unlocked keyring opens it; unlike the conversation key, the
 * reporter's receipt does not.
 */
public final class AttachmentKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int LENGTH = 32;

	private final StreamingAead aead;

	private final SecretBytes key;

	private AttachmentKey(byte[] raw) throws GeneralSecurityException {
		this.key = new SecretBytes(raw);
		AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder()
			.setKeySizeBytes(LENGTH)
			.setDerivedAesGcmKeySizeBytes(LENGTH)
			.setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
			.setCiphertextSegmentSizeBytes(1 << 20)
			.build();
		this.aead = AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(parameters,
				com.google.crypto.tink.util.SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())));
	}

	/** A new key, for a new report's files. */
	public static AttachmentKey generate() {
		byte[] raw = new byte[LENGTH];
		RANDOM.nextBytes(raw);
		return of(raw);
	}

	private static AttachmentKey of(byte[] raw) {
		try {
			return new AttachmentKey(raw);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("an attachment key could not be made", ex);
		}
		finally {
			Arrays.fill(raw, (byte) 0);
		}
	}

	/** This key sealed to the intake key, for report {@code report}. */
	public byte[] sealedFor(IntakeSealer sealer, String report) {
		byte[] raw = this.key.reveal();
		try {
			return sealer.seal(raw, context(report));
		}
		finally {
			Arrays.fill(raw, (byte) 0);
		}
	}

	/**
	 * The key sealed for report {@code report}, opened with the keyring's intake key.
	 * @throws SealedDataException if it does not open
	 */
	public static AttachmentKey opened(IntakeOpener opener, byte[] sealed, String report) {
		byte[] raw = opener.open(sealed, context(report));
		if (raw.length != LENGTH) {
			throw new SealedDataException("a sealed attachment key is not a key");
		}
		return of(raw);
	}

	/** {@code plaintext} sealed for {@code context} ("report 〈id〉 file 2 original"). */
	public byte[] seal(byte[] plaintext, String context) {
		ByteArrayOutputStream sealed = new ByteArrayOutputStream(plaintext.length + plaintext.length / 1000 + 64);
		try (OutputStream out = this.aead.newEncryptingStream(sealed, context.getBytes(StandardCharsets.UTF_8))) {
			out.write(plaintext);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("an attachment could not be sealed", ex);
		}
		return sealed.toByteArray();
	}

	/**
	 * The plaintext of {@code sealed}, read as it is decrypted segment by segment: a
	 * segment changed or moved fails the read with an {@link IOException}.
	 */
	public InputStream open(byte[] sealed, String context) {
		try {
			return this.aead.newDecryptingStream(new ByteArrayInputStream(sealed),
					context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new SealedDataException("an attachment does not open: changed, moved or under another key");
		}
	}

	private static String context(String report) {
		return "khronika report " + report + " attachment key";
	}

	@Override
	public String toString() {
		return "AttachmentKey[hidden]";
	}

}
