package org.khronika.registry;

/**
 * Where a case stands: being checked, under investigation, in court, on appeal, closed.
 * Vocabulary {@value #VOCABULARY}.
 */
public enum CaseStatus implements Coded {

	PRE_INVESTIGATION("pre-investigation"), INVESTIGATION("investigation"), IN_COURT("in-court"), APPEAL("appeal"),
	CLOSED("closed");

	public static final String VOCABULARY = "case-statuses";

	private final String code;

	CaseStatus(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	/** Whether a case at this status may have an outcome: once closed, or on appeal. */
	public boolean decided() {
		return this == CLOSED || this == APPEAL;
	}

}
