package org.khronika.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a report stands in triage, and what its reporter is told of it: received, in
 * review, accepted or closed (a report found to be spam or a duplicate is closed, to
 * them).
 */
public enum ReportState {

	NEW("new", "received"), IN_REVIEW("in-review", "in-review"), NEEDS_INFORMATION("needs-information", "in-review"),
	ACCEPTED("accepted", "accepted"), DUPLICATE("duplicate", "closed"), SPAM("spam", "closed"),
	CLOSED("closed", "closed");

	private final String code;

	private final String reporterSees;

	ReportState(String code, String shownToReporter) {
		this.code = code;
		this.reporterSees = shownToReporter;
	}

	public String code() {
		return this.code;
	}

	/** The state as the reporter sees it: received, in-review, accepted or closed. */
	public String shownToReporter() {
		return this.reporterSees;
	}

	/** Whether someone still has to act on it. */
	public boolean open() {
		return this == NEW || this == IN_REVIEW || this == NEEDS_INFORMATION;
	}

	public static Optional<ReportState> ofCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

}
