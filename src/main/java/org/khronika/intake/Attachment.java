package org.khronika.intake;

/**
 * A file sent with a report, as it came: the name and media type its sender's browser
 * gave it (neither trusted: the kind is read from the content) and its bytes. Never
 * printed: {@link #toString} names nothing.
 */
public record Attachment(String name, String mediaType, byte[] content) {

	/** At most this many files to a report. */
	public static final int MAX_FILES = 5;

	/**
	 * At most this many bytes to a file: 20 MB (decimal: five such files and the form fit
	 * in the 100 MiB a request may carry).
	 */
	public static final long MAX_BYTES = 20_000_000L;

	/** The longest name kept, in characters. */
	static final int MAX_NAME = 120;

	/**
	 * The name as it is kept and shown: the last part of a path some browsers send whole,
	 * cut to {@value #MAX_NAME} characters.
	 */
	public String shownName() {
		String base = (this.name == null) ? ""
				: this.name.substring(Math.max(this.name.lastIndexOf('/'), this.name.lastIndexOf('\\')) + 1);
		return (base.length() > MAX_NAME) ? base.substring(0, MAX_NAME) : base;
	}

	@Override
	public String toString() {
		return "Attachment[" + this.content.length + " bytes]";
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

}
