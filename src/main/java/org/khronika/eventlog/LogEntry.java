package org.khronika.eventlog;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the log as stored. Its hash is SHA-256 over the previous entry's hash
 * followed by {@link #canonicalBytes()}; the first entry's previous hash is
 * {@link #GENESIS}.
 */
public record LogEntry(long sequence, EntryIdentity identity, String type, int schemaVersion, Instant recordedAt,
		String actor, String publicPart, byte[] sealedPart, String previousHash, String hash) {

	/** The previous hash of the first entry: 64 zeros. */
	public static final String GENESIS = "0".repeat(64);

	private static final byte[] MAGIC = "khronika-log-entry/1".getBytes(StandardCharsets.US_ASCII);

	public LogEntry {
		sealedPart = sealedPart.clone();
	}

	@Override
	public byte[] sealedPart() {
		return this.sealedPart.clone();
	}

	/** Whether this entry has a sealed part. */
	public boolean isSealed() {
		return this.sealedPart.length > 0;
	}

	/**
	 * The canonical encoding of every field but the hashes: a magic prefix, then each
	 * field as a 4-byte big-endian length and its bytes (strings in UTF-8, numbers in
	 * decimal). Pinned by a test: changing it changes every hash of every existing log.
	 */
	public byte[] canonicalBytes() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(
				256 + this.publicPart.length() + this.sealedPart.length);
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.write(MAGIC);
			field(out, Long.toString(this.sequence).getBytes(StandardCharsets.US_ASCII));
			field(out, this.identity.entryId().toString().getBytes(StandardCharsets.US_ASCII));
			field(out, this.identity.streamId().getBytes(StandardCharsets.UTF_8));
			field(out, this.type.getBytes(StandardCharsets.UTF_8));
			field(out, Integer.toString(this.schemaVersion).getBytes(StandardCharsets.US_ASCII));
			field(out, this.recordedAt.toString().getBytes(StandardCharsets.US_ASCII));
			field(out, this.actor.getBytes(StandardCharsets.UTF_8));
			field(out, this.publicPart.getBytes(StandardCharsets.UTF_8));
			field(out, this.sealedPart);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	/** The hash this entry must have, computed from its content and its previous hash. */
	public String computeHash() {
		return computeHash(this.previousHash, canonicalBytes());
	}

	static String computeHash(String previousHash, byte[] canonicalBytes) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(HexFormat.of().parseHex(previousHash));
			return HexFormat.of().formatHex(sha256.digest(canonicalBytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/**
	 * Builds the entry that {@code pending} becomes at {@code sequence}, with its hash.
	 */
	public static LogEntry chain(PendingEntry pending, long sequence, Instant recordedAt, String previousHash) {
		LogEntry unhashed = new LogEntry(sequence, pending.identity(), pending.type(), pending.schemaVersion(),
				recordedAt, pending.actor(), pending.publicPart(), pending.sealedPart(), previousHash, "");
		return new LogEntry(sequence, pending.identity(), pending.type(), pending.schemaVersion(), recordedAt,
				pending.actor(), pending.publicPart(), pending.sealedPart(), previousHash, unhashed.computeHash());
	}

	private static void field(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes.length);
		out.write(bytes);
	}

}
