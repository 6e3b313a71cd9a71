package org.khronika;

/**
 * The database was migrated by a newer Khronika than this build: this build would write
 * rows that the newer schema no longer expects (a key in clear where it is sealed), so it
 * does not start on it.
 */
public class SchemaTooNewException extends RuntimeException {

	public SchemaTooNewException(String newest, String known) {
		super("the database was migrated by a newer Khronika, to schema version " + newest
				+ "; this build knows versions up to " + known
				+ ": run that newer build (or restore, into a new directory, a backup made by this one)");
	}

}
