package org.khronika.intake.files;

/**
 * A file that is not what its first bytes promise, or that cannot be cleaned. The reason
 * is what the sender is told; the detail (in English, for tests and developers) says
 * where the file went wrong, never what it holds.
 */
public class UnreadableFile extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why a file is refused. */
	public enum Reason {

		/** Not a well-formed file of its kind. */
		BROKEN,
		/** A document locked with a password. */
		LOCKED,
		/** Well-formed, but its hidden data could not be taken out for certain. */
		UNCLEANABLE

	}

	private final Reason reason;

	public UnreadableFile(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
