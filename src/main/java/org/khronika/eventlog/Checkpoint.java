package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the log had the entry with {@code hash} at {@code sequence}.
 * Anyone with the public key can check an exported log against it; a log rewritten or cut
 * after the checkpoint no longer matches.
 */
public record Checkpoint(long sequence, String hash, Instant signedAt, byte[] signature) {

	/** The bytes that are signed, for a checkpoint of the records' log. */
	public static byte[] message(long sequence, String hash) {
		return message(Chain.RECORDS, sequence, hash);
	}

	/** The bytes that are signed, for a checkpoint of {@code chain}. */
	public static byte[] message(Chain chain, long sequence, String hash) {
		return (chain.checkpointMagic() + "|" + sequence + "|" + hash).getBytes(StandardCharsets.US_ASCII);
	}

}
