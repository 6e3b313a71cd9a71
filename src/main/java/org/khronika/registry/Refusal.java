package org.khronika.registry;

/**
 * Why the registry refused a command: one stable code each, shown in the reader's
 * language as the message of that code, with the HTTP status pages and the API answer.
 */
public enum Refusal {

	/** No such record, or one the actor may not see. */
	NOT_FOUND("record.not_found", 404),
	/** Someone changed the record since the version edited. */
	STALE("record.stale", 409),
	/** A record with this id exists already. */
	EXISTS("record.exists", 409),
	/** The person was shredded: nothing more is recorded of them. */
	SHREDDED("record.shredded.refused", 409),
	/** The actor's role may not do this. */
	DENIED("access.denied", 403),
	/** The details break a rule: the problems say which field and why. */
	INVALID("record.invalid", 422);

	private final String code;

	private final int status;

	Refusal(String code, int status) {
		this.code = code;
		this.status = status;
	}

	/** The stable code, also the message code of its words. */
	public String code() {
		return this.code;
	}

	/** The HTTP status pages and the API answer with. */
	public int status() {
		return this.status;
	}

}
