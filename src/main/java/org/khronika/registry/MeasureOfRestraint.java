package org.khronika.registry;

/**
 * What a court orders while a case runs. Vocabulary {@value #VOCABULARY}.
 */
public enum MeasureOfRestraint implements Coded {

	CUSTODY("custody"), HOUSE_ARREST("house-arrest"), BAN_ON_ACTIVITIES("ban-on-activities"),
	RECOGNIZANCE("recognizance");

	public static final String VOCABULARY = "measures-of-restraint";

	private final String code;

	MeasureOfRestraint(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	/** Whether the person is held in a detention centre (house arrest is not custody). */
	public boolean isCustody() {
		return this == CUSTODY;
	}

}
