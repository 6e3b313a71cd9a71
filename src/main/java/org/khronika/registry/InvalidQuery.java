package org.khronika.registry;

import java.util.List;

/**
 * A list was asked for with a parameter that cannot be read or does not apply: pages and
 * the API answer 400 with the message of {@code problem.<code>} for it.
 */
public final class InvalidQuery extends RuntimeException {

	private final FieldProblem problem;

	public InvalidQuery(String parameter, String code, Object... arguments) {
		super(parameter + ": " + code, null, false, false);
		this.problem = FieldProblem.of(parameter, code, arguments);
	}

	/** The parameter, as a field problem: its code and arguments. */
	public FieldProblem problem() {
		return this.problem;
	}

	List<FieldProblem> problems() {
		return List.of(this.problem);
	}

}
