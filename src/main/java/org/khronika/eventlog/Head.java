package org.khronika.eventlog;

import java.util.Base64;

/**
 * A signed head of a chain as it is witnessed outside the database: the sequence and hash
 * of an entry and the checkpoint signature over them, and whether Khronika stopped
 * cleanly at it ({@code stopped}: nothing may follow it until Khronika writes again). As
 * one line of text, so that an operator can keep it anywhere:
 * {@code khronika-head/1 log 250 9f86… MEUCIQ… running}.
 */
public record Head(Chain chain, long sequence, String hash, byte[] signature, boolean stopped) {

	private static final String FORMAT = "khronika-head/1";

	/** The head a checkpoint signed, while Khronika runs. */
	public static Head of(Chain chain, Checkpoint checkpoint) {
		return new Head(chain, checkpoint.sequence(), checkpoint.hash(), checkpoint.signature(), false);
	}

	/** This head, marked as where Khronika stopped (or runs again). */
	public Head stopped(boolean stopped) {
		return new Head(this.chain, this.sequence, this.hash, this.signature, stopped);
	}

	/** Whether {@code key} (message, signature) signed this head. */
	public boolean signedBy(java.util.function.BiPredicate<byte[], byte[]> key) {
		return key.test(Checkpoint.message(this.chain, this.sequence, this.hash), this.signature);
	}

	/** The head as one line of text. */
	public String line() {
		return FORMAT + " " + code(this.chain) + " " + this.sequence + " " + this.hash + " "
				+ Base64.getEncoder().encodeToString(this.signature) + " " + (this.stopped ? "stopped" : "running");
	}

	/**
	 * A head from its line.
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public static Head parse(String line) {
		String[] parts = line.strip().split("\\s+");
		if (parts.length < 5 || !parts[0].equals(FORMAT)) {
			throw new IllegalArgumentException("not a head: expected '" + FORMAT
					+ " log SEQUENCE HASH SIGNATURE', as verify-log --print-head prints");
		}
		Chain chain = switch (parts[1]) {
			case "log" -> Chain.RECORDS;
			case "audit" -> Chain.AUDIT;
			default -> throw new IllegalArgumentException("a head names the chain 'log' or 'audit', not " + parts[1]);
		};
		try {
			return new Head(chain, Long.parseLong(parts[2]), parts[3], Base64.getDecoder().decode(parts[4]),
					parts.length > 5 && parts[5].equals("stopped"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("a head's sequence is a number and its signature Base64", ex);
		}
	}

	static String code(Chain chain) {
		return (chain == Chain.AUDIT) ? "audit" : "log";
	}

	@Override
	public String toString() {
		return line();
	}

}
