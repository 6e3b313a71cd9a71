package org.khronika.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The code a reporter gets once, to come back to their report: 160 random bits as 32
 * letters and digits in groups of four (no I, O, 0 or 1 to misread). Only its SHA-256 is
 * stored: with 2^160 codes to try, a stolen table of hashes gives nothing away, so no
 * slow hash is needed. Never printed: {@link #toString} hides it.
 */
public final class Receipt {

	/** Letters and digits that cannot be mistaken for each other when written down. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int LETTERS = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String code;

	private Receipt(String code) {
		this.code = code;
	}

	static Receipt generate() {
		byte[] bits = new byte[20];
		RANDOM.nextBytes(bits);
		StringBuilder code = new StringBuilder(LETTERS);
		for (int i = 0; i < LETTERS; i++) {
			// five bits at a time, the i-th group of five
			int bit = i * 5;
			int value = 0;
			for (int b = bit; b < bit + 5; b++) {
				value = (value << 1) | ((bits[b / 8] >> (7 - b % 8)) & 1);
			}
			code.append(ALPHABET.charAt(value));
		}
		return new Receipt(code.toString());
	}

	/**
	 * The receipt a reporter typed, in any case, with or without the dashes and spaces;
	 * empty if it cannot be one.
	 */
	public static Optional<Receipt> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (code.length() != LETTERS || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new Receipt(code));
	}

	/** The code as shown once to the reporter: XXXX-XXXX-… */
	public String display() {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < LETTERS; i += 4) {
			shown.append((i > 0) ? "-" : "").append(this.code, i, i + 4);
		}
		return shown.toString();
	}

	/** The code itself, from which the reporter's key to the conversation is derived. */
	String code() {
		return this.code;
	}

	/** What is stored: the SHA-256 of the code, in hex. */
	String hash() {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(this.code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "Receipt[hidden]";
	}

}
