package org.khronika.registry;

/**
 * What kind of proceedings a case is: administrative or criminal, or an inquiry, the
 * check before a case is opened, which may end with no charge (someone questioned and let
 * go after a denunciation). Vocabulary {@value #VOCABULARY}.
 */
public enum Proceedings implements Coded {

	ADMINISTRATIVE("administrative"), CRIMINAL("criminal"), INQUIRY("inquiry");

	public static final String VOCABULARY = "case-kinds";

	private final String code;

	Proceedings(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	/** Whether someone is charged in it: an inquiry charges no one. */
	public boolean charges() {
		return this != INQUIRY;
	}

}
