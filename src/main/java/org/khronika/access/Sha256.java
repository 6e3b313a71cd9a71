package org.khronika.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex, for secrets that are random and long (API tokens, recovery codes):
 * there is nothing to guess, so a fast hash without salt is what they need. The audit
 * trail also keeps the SHA-256 of each credential as the tables hold it (a salted
 * password hash, a sealed secret, the recovery codes' hashes), to tell credentials
 * Khronika set from ones written into the tables.
 */
final class Sha256 {

	private Sha256() {
	}

	static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	static String hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/** One digest of a set of hashes, whatever order they come in. */
	static String ofSet(java.util.Collection<String> hashes) {
		return hex(String.join("\n", new java.util.TreeSet<>(hashes)));
	}

	/**
	 * Whether two digests are the same, in time that does not depend on where they
	 * differ.
	 */
	static boolean same(String digest, String other) {
		return MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
				other.getBytes(StandardCharsets.US_ASCII));
	}

}
