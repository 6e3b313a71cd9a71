package org.khronika.registry;

import java.util.List;

/** Checks the details' constructors share. */
final class Fields {

	private Fields() {
	}

	/** Adds {@code required} for {@code field} if {@code value} is missing. */
	static void require(List<FieldProblem> problems, String field, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			problems.add(FieldProblem.of(field, "required"));
		}
	}

}
