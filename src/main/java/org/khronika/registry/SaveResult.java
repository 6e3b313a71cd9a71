package org.khronika.registry;

/**
 * What came of a write: the record at its new version, or a refusal with a stable message
 * code.
 */
public sealed interface SaveResult {

	record Saved(RecordId id, int version) implements SaveResult {
	}

	/** The record already said exactly this: nothing was written. */
	record Unchanged(RecordId id, int version) implements SaveResult {
	}

	/**
	 * @param code {@code record.stale}, {@code record.not_found},
	 * {@code record.shredded}, …
	 */
	record Refused(String code) implements SaveResult {
	}

}
