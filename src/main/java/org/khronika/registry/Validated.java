package org.khronika.registry;

import java.util.List;

/**
 * The result of checking a draft: valid details, or every problem found (never both).
 */
public record Validated<D extends RecordDetails>(D details, List<FieldProblem> problems) {

	public Validated {
		problems = List.copyOf(problems);
		if ((details == null) == problems.isEmpty()) {
			throw new IllegalArgumentException("either details or problems");
		}
	}

	public boolean isValid() {
		return this.details != null;
	}

}
