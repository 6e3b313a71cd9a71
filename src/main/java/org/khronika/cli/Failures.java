package org.khronika.cli;

import org.khronika.access.AccountException;
import org.khronika.crypto.KeyringException;

/**
 * Turns a failure into one line for the console: our own messages as they are, others by
 * kind only, with their causes' kinds and where the innermost was thrown.
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
			if (cause instanceof org.springframework.boot.web.server.PortInUseException inUse) {
				return "port " + inUse.getPort() + " is in use: stop what listens there, or choose another with --port";
			}
			if (cause instanceof java.sql.SQLException
					|| cause instanceof org.springframework.dao.DataAccessException) {
				return "the database cannot be used (" + kinds(cause)
						+ "): check KHRONIKA_DB_URL and that the database is running";
			}
		}
		return "unexpected failure (" + kinds(failure) + "); nothing was changed that is not in the log";
	}

	/**
	 * A failure and its causes by kind, and where the last of them was thrown: what a
	 * report of the failure needs, and nothing of its messages, which may quote what was
	 * typed or stored.
	 */
	static String kinds(Throwable failure) {
		java.util.List<String> kinds = new java.util.ArrayList<>();
		Throwable last = failure;
		for (Throwable cause = failure; cause != null && kinds.size() < 10; cause = cause.getCause()) {
			kinds.add(cause.getClass().getSimpleName());
			last = cause;
		}
		StackTraceElement[] trace = last.getStackTrace();
		return String.join(" < ", kinds) + ((trace.length > 0) ? " at " + trace[0] : "");
	}

	/** A command could not do what it was asked; the message says why. */
	static class CommandFailure extends RuntimeException {

		CommandFailure(String message) {
			super(message);
		}

	}

}
