package org.khronika.registry;

/**
 * What happened in a case on a date. Vocabulary {@value #VOCABULARY}.
 */
public enum CaseEventType implements Coded {

	DETENTION("detention"), QUESTIONING("questioning"), SEARCH("search"), MEASURE_OF_RESTRAINT("measure-of-restraint"),
	HEARING_SCHEDULED("hearing-scheduled"), HEARING_HELD("hearing-held"), EXTENSION("extension"), VERDICT("verdict"),
	APPEAL("appeal"), RELEASE("release");

	public static final String VOCABULARY = "case-event-types";

	private final String code;

	CaseEventType(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	/** Whether it sets a measure of restraint, with the date it runs until. */
	public boolean setsMeasure() {
		return this == MEASURE_OF_RESTRAINT || this == EXTENSION;
	}

	/** Whether it may be dated in the future: only a hearing that is scheduled. */
	public boolean mayBeAhead() {
		return this == HEARING_SCHEDULED;
	}

	/** Whether it happens in court, so that its case must have reached court. */
	public boolean inCourt() {
		return this == HEARING_HELD || this == VERDICT;
	}

}
