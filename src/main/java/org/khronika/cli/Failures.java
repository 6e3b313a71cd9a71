package org.khronika.cli;

import org.khronika.access.AccountException;
import org.khronika.crypto.KeyringException;

/**
 * Turns a failure into one line for the console: our own messages as they are, others by
 * kind only.
 */
final class Failures {

	private Failures() {
	}

	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof KeyringException || cause instanceof AccountException
					|| cause instanceof CommandFailure || cause instanceof IllegalArgumentException) {
				return cause.getMessage();
			}
			if (cause instanceof org.khronika.imports.ImportFailure
					|| cause instanceof org.khronika.imports.ProfileException
					|| cause instanceof org.khronika.stats.StatsException
					|| cause instanceof org.khronika.backup.BackupException) {
				return cause.getMessage();
			}
			if (cause instanceof org.khronika.access.AccessRefused) {
				return "access denied: the account's role may not do this";
			}
			if (cause instanceof java.sql.SQLException
					|| cause instanceof org.springframework.dao.DataAccessException) {
				return "the database cannot be used (" + cause.getClass().getSimpleName()
						+ "): check KHRONIKA_DB_URL and that the database is running";
			}
		}
		return "unexpected failure (" + failure.getClass().getSimpleName()
				+ "); nothing was changed that is not in the log";
	}

	/** A command could not do what it was asked; the message says why. */
	static class CommandFailure extends RuntimeException {

		CommandFailure(String message) {
			super(message);
		}

	}

}
