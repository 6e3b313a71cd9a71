package org.khronika.eventlog;

import java.sql.SQLException;

/**
 * Faults of the database under a request, as the error handlers tell them: whether an
 * exception is one, and a description for the server's log that names the kind of fault
 * and never a value of the request.
 */
public final class StorageFaults {

	private StorageFaults() {
	}

	/** Whether {@code ex} says the database could not do what was asked. */
	public static boolean isStorageFault(Throwable ex) {
		return ex instanceof WritesStopped || ex instanceof org.springframework.dao.DataAccessException
				|| ex instanceof org.springframework.transaction.TransactionException;
	}

	/**
	 * The exception's class and, for the SQL error under it, its class, SQL state and
	 * vendor code (SQLite's result code names the fault: 10 is an I/O error, 13 a full
	 * disk).
	 */
	public static String describe(Throwable ex) {
		if (ex instanceof WritesStopped) {
			// names entries and rows by number and id only
			return ex.getMessage();
		}
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName());
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				text.append(" (")
					.append(sql.getClass().getSimpleName())
					.append(", SQL state ")
					.append(sql.getSQLState())
					.append(", code ")
					.append(sql.getErrorCode())
					.append(')');
				break;
			}
		}
		return text.toString();
	}

}
