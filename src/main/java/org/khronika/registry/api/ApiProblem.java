package org.khronika.registry.api;

import java.util.List;

import org.khronika.registry.FieldProblem;
import org.khronika.registry.Refusal;
import org.khronika.registry.SaveResult;

import org.springframework.http.HttpStatus;

/**
 * An API request that cannot be answered as asked; {@link ApiProblems} makes it a problem
 * document: its status, its stable code, and the problems of its fields if any.
 */
final class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldProblem> problems;

	private ApiProblem(HttpStatus status, String code, List<FieldProblem> problems) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.problems = List.copyOf(problems);
	}

	/** The registry refused: the refusal's status and code. */
	static ApiProblem refused(Refusal refusal) {
		return new ApiProblem(HttpStatus.valueOf(refusal.status()), refusal.code(), List.of());
	}

	/** The registry refused, with the problems of the fields. */
	static ApiProblem refused(SaveResult.Refused refused) {
		return new ApiProblem(HttpStatus.valueOf(refused.refusal().status()), refused.refusal().code(),
				refused.problems());
	}

	/** The body is not a JSON object. */
	static ApiProblem malformed() {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed", List.of());
	}

	/**
	 * The body's values are not what the fields take (a string for a number, an unknown
	 * field).
	 */
	static ApiProblem unreadable(List<FieldProblem> problems) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", problems);
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
