package org.khronika.cli;

import java.util.Map;

import org.khronika.access.AccountException;
import org.khronika.crypto.KeyringException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns a failure into one line for the console: our own messages as they are, a
 * database's by what its SQL state or SQLite's code says and what to check, others by
 * kind only, with their causes' kinds and where the innermost was thrown.
 */
final class Failures {

	private static final String BUSY = "another process writing to khronika.db did not let go of it in time "
			+ "(a long import, say): try again once it is done";

	/** What SQLite's result codes that a start or a command meets say, and what to do. */
	private static final Map<SQLiteErrorCode, String> SQLITE = Map.ofEntries(
			Map.entry(SQLiteErrorCode.SQLITE_NOTADB,
					"khronika.db in the data directory is not a database: restore a backup ('restore')"),
			Map.entry(SQLiteErrorCode.SQLITE_CORRUPT,
					"khronika.db in the data directory is damaged: restore a backup ('restore')"),
			Map.entry(SQLiteErrorCode.SQLITE_CANTOPEN,
					"khronika.db in the data directory cannot be opened: check that the directory may be read and written"),
			Map.entry(SQLiteErrorCode.SQLITE_READONLY,
					"khronika.db in the data directory may not be written: check its owner and permissions"),
			Map.entry(SQLiteErrorCode.SQLITE_FULL, "the data directory's disk is full: make room there"),
			Map.entry(SQLiteErrorCode.SQLITE_BUSY, BUSY), Map.entry(SQLiteErrorCode.SQLITE_LOCKED, BUSY));

	/** What PostgreSQL's SQL states of a connection that fails say. */
	private static final Map<String, String> SQL_STATES = Map.ofEntries(
			Map.entry("08001", "its server cannot be reached"), Map.entry("08004", "its server refused the connection"),
			Map.entry("08006", "the connection to its server failed"), Map.entry("3D000", "no database of that name"),
			Map.entry("28P01", "the password was refused"), Map.entry("28000", "the user was refused"),
			Map.entry("53300", "it has too many connections"), Map.entry("57P03", "it is starting or stopping"));

	private Failures() {
	}

	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof KeyringException || cause instanceof AccountException
					|| cause instanceof CommandFailure || cause instanceof IllegalArgumentException
					|| cause instanceof org.khronika.SchemaTooNewException) {
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
				return database(cause);
			}
		}
		return "unexpected failure (" + kinds(failure) + "); nothing was changed that is not in the log";
	}

	/**
	 * A database's failure by its kinds, then what its SQL state or SQLite's result code
	 * says and what to check: never its message, which may quote what was stored.
	 */
	private static String database(Throwable failure) {
		java.sql.SQLException sql = null;
		for (Throwable cause = failure; cause != null && sql == null; cause = cause.getCause()) {
			sql = (cause instanceof java.sql.SQLException found) ? found : null;
		}
		String failed = "the database cannot be used (" + kinds(failure) + "): ";
		if (sql instanceof SQLiteException sqlite) {
			return failed + SQLITE.getOrDefault(SQLiteErrorCode.getErrorCode(sqlite.getResultCode().code & 0xff),
					"check khronika.db in the data directory");
		}
		String state = (sql != null) ? sql.getSQLState() : null;
		String what = (state != null) ? SQL_STATES.get(state) : null;
		String check = (state != null && state.startsWith("28")) ? "KHRONIKA_DB_USER and KHRONIKA_DB_PASSWORD"
				: "KHRONIKA_DB_URL and that the database is running";
		return failed + ((what != null) ? what + " (SQL state " + state + "); " : "") + "check " + check;
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
