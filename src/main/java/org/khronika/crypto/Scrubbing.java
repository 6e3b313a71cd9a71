package org.khronika.crypto;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overwrites what a change to a table left on the disk once it has committed: a shredded
 * key, a clear value replaced by a sealed one. On SQLite, whose {@code secure_delete}
 * zeroes what a change frees, the older pages that the database file and its write-ahead
 * log still hold until a checkpoint; on PostgreSQL, the table's old row versions. Either
 * runs outside a transaction.
 */
public final class Scrubbing {

	private Scrubbing() {
	}

	/**
	 * Scrubs after a committed change to {@code table} (a name from the code, checked).
	 */
	public static void afterChange(JdbcTemplate jdbc, String table) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("not a table name: " + table);
		}
		String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		if (database != null && database.contains("SQLite")) {
			jdbc.execute("PRAGMA wal_checkpoint(TRUNCATE)");
		}
		else {
			jdbc.execute("VACUUM " + table);
		}
	}

}
