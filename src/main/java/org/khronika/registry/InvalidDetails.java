package org.khronika.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Details that break their kind's invariants were about to be built: a program error on
 * any path that did not check its input first. Input paths catch it and show
 * {@link #problems()} next to their fields. The message names fields and codes only,
 * never a value, since values can identify someone.
 */
public final class InvalidDetails extends IllegalArgumentException {

	private final List<FieldProblem> problems;

	public InvalidDetails(List<FieldProblem> problems) {
		super("invalid details: "
				+ problems.stream().map(p -> p.field() + " " + p.code()).collect(Collectors.joining(", ")));
		this.problems = List.copyOf(problems);
	}

	/** What is wrong, field by field; never empty. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** Throws if {@code problems} holds any. */
	static void unless(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidDetails(problems);
		}
	}

}
