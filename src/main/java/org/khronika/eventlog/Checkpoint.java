package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the log had the entry with {@code hash} at {@code sequence}.
 * Anyone with the public key can check an exported log against it; a log rewritten or cut
 * after the checkpoint no longer matches.
 */
public record Checkpoint(long sequence, String hash, Instant signedAt, byte[] signature) {

	/** The bytes that are signed. */
	public static byte[] message(long sequence, String hash) {
		return ("khronika-checkpoint/1|" + sequence + "|" + hash).getBytes(StandardCharsets.US_ASCII);
	}

}
