package org.khronika.eventlog;

/**
 * What {@link EventLog#verify} found: the whole log verifies, or the first entry that
 * does not.
 */
public sealed interface Verification {

	/** Every entry's hash, every link and every checkpoint signature checked out. */
	record Intact(long entries, int checkpoints) implements Verification {
	}

	/** The first failure in log order, with a reason safe to print. */
	record Broken(long sequence, String entryId, String reason) implements Verification {
	}

}
