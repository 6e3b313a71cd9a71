package org.khronika.eventlog;

/**
 * Signs checkpoint messages ({@link Checkpoint#message}). The log knows no keys: whoever
 * holds the signing key provides this.
 */
@FunctionalInterface
public interface CheckpointSigner {

	/** The signature of {@code message}; never null. */
	byte[] sign(byte[] message);

}
