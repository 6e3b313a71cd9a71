package org.khronika.backup;

/** Why a backup could not be made, read or restored, in words for the operator. */
public class BackupException extends RuntimeException {

	public BackupException(String message) {
		super(message);
	}

}
