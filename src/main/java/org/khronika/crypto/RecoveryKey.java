package org.khronika.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The recovery key printed once by {@code init}: 256 random bits written as sixteen
 * groups of four hexadecimal digits. It unlocks the keyring when the passphrase is lost.
 * {@code toString} never reveals it; only {@link #display()} does, for the one time it is
 * shown.
 */
public final class RecoveryKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretBytes bytes;

	private RecoveryKey(byte[] bytes) {
		this.bytes = new SecretBytes(bytes);
	}

	static RecoveryKey generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new RecoveryKey(bytes);
	}

	/**
	 * Reads a recovery key as it was displayed; spaces, dashes and letter case do not
	 * matter.
	 * @throws KeyringException if the text is not 64 hexadecimal digits
	 */
	public static RecoveryKey parse(String text) {
		String digits = text.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		if (!digits.matches("[0-9a-f]{64}")) {
			throw new KeyringException("a recovery key is 64 hexadecimal digits, in groups of four");
		}
		return new RecoveryKey(HexFormat.of().parseHex(digits));
	}

	/** The key as the user must write it down: {@code 1a2b-3c4d-…}. */
	public String display() {
		String hex = HexFormat.of().formatHex(this.bytes.reveal());
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < hex.length(); i += 4) {
			if (i > 0) {
				grouped.append('-');
			}
			grouped.append(hex, i, i + 4);
		}
		return grouped.toString();
	}

	char[] asPassphrase() {
		return HexFormat.of().formatHex(this.bytes.reveal()).toCharArray();
	}

	@Override
	public String toString() {
		return "RecoveryKey[hidden]";
	}

}
