package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.Hkdf;

/**
 * The key of one report's conversation: the messages between its reporter and the
 * monitors are sealed under it (AES-256-GCM). It is kept twice, never in plain: sealed to
 * the intake key together with the report itself (one HPKE envelope, so a report costs
 * one public-key operation), for the monitors, and wrapped under a key derived from the
 * report's receipt (HKDF-SHA256 over its 160 random bits, salted with the report's id),
 * for the reporter. So the monitors read and answer through the keyring, the reporter
 * through the receipt alone, and a node that holds neither reads nothing.
 */
public final class ConversationKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Aead aead;

	private final SecretBytes key;

	private ConversationKey(SecretBytes key) throws GeneralSecurityException {
		TinkKeys.register();
		this.key = key;
		this.aead = TinkKeys.aesGcm(key);
	}

	/** A new key, for a new report. */
	public static ConversationKey generate() {
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		return of(raw);
	}

	private static ConversationKey of(byte[] raw) {
		try {
			return new ConversationKey(new SecretBytes(raw));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a conversation key could not be made", ex);
		}
		finally {
			Arrays.fill(raw, (byte) 0);
		}
	}

	/** What an envelope holds: the report's content and its conversation key. */
	public record Envelope(byte[] content, ConversationKey key) {
	}

	private static final int LENGTH = 32;

	/**
	 * {@code content} (the report) and this key in one envelope sealed to the intake key
	 * for {@code context}, for the monitors.
	 */
	public byte[] sealWith(IntakeSealer sealer, byte[] content, String context) {
		byte[] raw = this.key.reveal();
		byte[] envelope = new byte[LENGTH + content.length];
		try {
			System.arraycopy(raw, 0, envelope, 0, LENGTH);
			System.arraycopy(content, 0, envelope, LENGTH, content.length);
			return sealer.seal(envelope, context);
		}
		finally {
			Arrays.fill(raw, (byte) 0);
			Arrays.fill(envelope, 0, LENGTH, (byte) 0);
		}
	}

	/** The key wrapped under the receipt's key, for the reporter. */
	public byte[] wrappedFor(String receipt, String report) {
		byte[] raw = this.key.reveal();
		try {
			return receiptKey(receipt, report).encrypt(raw, context(report).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a conversation key could not be wrapped", ex);
		}
		finally {
			Arrays.fill(raw, (byte) 0);
		}
	}

	/**
	 * An envelope opened by the monitors: the report and its conversation key.
	 * @throws SealedDataException if it does not open
	 */
	public static Envelope opened(IntakeOpener opener, byte[] sealed, String context) {
		byte[] envelope = opener.open(sealed, context);
		if (envelope.length < LENGTH) {
			throw new SealedDataException("a sealed report holds no conversation key");
		}
		try {
			return new Envelope(Arrays.copyOfRange(envelope, LENGTH, envelope.length),
					of(Arrays.copyOf(envelope, LENGTH)));
		}
		finally {
			Arrays.fill(envelope, 0, LENGTH, (byte) 0);
		}
	}

	/**
	 * The key, unwrapped with the reporter's receipt.
	 * @throws SealedDataException if the receipt is not this report's
	 */
	public static ConversationKey unwrappedWith(String receipt, String report, byte[] wrapped) {
		try {
			return of(receiptKey(receipt, report).decrypt(wrapped, context(report).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new SealedDataException("a conversation key does not open with this receipt");
		}
	}

	/** A message sealed under this key, for its place in the conversation. */
	public byte[] seal(String message, String context) {
		try {
			return this.aead.encrypt(message.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a message could not be sealed", ex);
		}
	}

	/**
	 * A message opened.
	 * @throws SealedDataException if it was changed or moved
	 */
	public String open(byte[] sealed, String context) {
		try {
			return new String(this.aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new SealedDataException("a message does not open: changed, moved or under another key");
		}
	}

	private static Aead receiptKey(String receipt, String report) throws GeneralSecurityException {
		byte[] derived = Hkdf.computeHkdf("HMACSHA256", receipt.getBytes(StandardCharsets.US_ASCII),
				report.getBytes(StandardCharsets.US_ASCII), "khronika receipt key".getBytes(StandardCharsets.US_ASCII),
				32);
		try {
			return TinkKeys.aesGcm(new SecretBytes(derived));
		}
		finally {
			Arrays.fill(derived, (byte) 0);
		}
	}

	private static String context(String report) {
		return "khronika report " + report + " conversation key";
	}

	@Override
	public String toString() {
		return "ConversationKey[hidden]";
	}

}
