package org.khronika.access;

/** What a role may do beyond reading and writing records. */
public enum Capability {

	/** Add, disable and re-role accounts; reset their second factor. */
	MANAGE_USERS,
	/** Read the audit trail. */
	READ_AUDIT,
	/** Change the passphrase and recovery key. */
	MANAGE_KEYS,
	/** Mark records restricted, name the users who may see them, assign lawyers. */
	SHARE_RECORDS,
	/** Destroy a person's data key. */
	SHRED_PERSONS,
	/** See every import job and its report, not only one's own. */
	OVERSEE_IMPORTS,
	/** Statistics: counts over public fields. */
	READ_STATISTICS,
	/**
	 * Open the reports that came in through intake, decide on them and answer their
	 * reporters.
	 */
	TRIAGE_REPORTS,
	/**
	 * Take a publication snapshot: the planned figures, suppressed, dated and recorded in
	 * the log.
	 */
	PUBLISH,
	/** Create and revoke one's own API tokens, change one's own password. */
	MANAGE_OWN_ACCOUNT

}
