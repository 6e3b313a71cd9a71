package org.khronika.registry;

import java.util.List;

/** What came of a write: the record at its new version, or a refusal. */
public sealed interface SaveResult {

	record Saved(RecordId id, int version) implements SaveResult {
	}

	/** The record already said exactly this: nothing was written. */
	record Unchanged(RecordId id, int version) implements SaveResult {
	}

	/**
	 * @param problems for {@link Refusal#INVALID}: what is wrong, field by field
	 */
	record Refused(Refusal refusal, List<FieldProblem> problems) implements SaveResult {

		public Refused {
			problems = List.copyOf(problems);
		}

		public Refused(Refusal refusal) {
			this(refusal, List.of());
		}

	}

}
