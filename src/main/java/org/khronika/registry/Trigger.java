package org.khronika.registry;

/**
 * How a case started. Only a denunciation has an informant, whose relationship to the
 * person is recorded as a coded value, never as a record of its own: Khronika does not
 * profile informants. Vocabulary {@value #VOCABULARY}.
 */
public enum Trigger implements Coded {

	DENUNCIATION("denunciation"), WIRETAP("wiretap"), SOCIAL_MEDIA_MONITORING("social-media-monitoring"),
	STREET_DETENTION("street-detention"), SEARCH("search"), OTHER("other"), UNKNOWN("unknown");

	public static final String VOCABULARY = "triggers";

	/** The vocabulary of the informant's relationship to the person. */
	public static final String INFORMANTS = "informant-relationships";

	private final String code;

	Trigger(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return this.code;
	}

	/** Whether a case that started this way has an informant. */
	public boolean hasInformant() {
		return this == DENUNCIATION;
	}

}
