package org.khronika.intake;

import java.util.List;

/**
 * A report that cannot be taken as it is: each problem names its field and why. Nothing
 * of it was kept. The message names no answer.
 */
public class InvalidReport extends RuntimeException {

	private final transient List<ReportAnswers.Problem> problems;

	public InvalidReport(List<ReportAnswers.Problem> problems) {
		super("the report has " + problems.size() + " problem(s)");
		this.problems = List.copyOf(problems);
	}

	public List<ReportAnswers.Problem> problems() {
		return this.problems;
	}

}
