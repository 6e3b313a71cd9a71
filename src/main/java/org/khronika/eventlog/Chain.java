package org.khronika.eventlog;

/**
 * One hash chain of entries and its signed checkpoints, in tables of its own, written
 * under a lock of its own. Khronika keeps two: the records' changes ({@link #RECORDS})
 * and the audit trail of reads and logins ({@link #AUDIT}), so that an audited read never
 * waits for a write and a write never waits for readers.
 *
 * @param name how messages name the chain
 * @param entries the table of its entries
 * @param checkpoints the table of its signed checkpoints
 * @param lock the PostgreSQL advisory lock that serialises appends across processes
 * @param checkpointMagic the first part of every checkpoint message it signs, so that a
 * checkpoint of one chain never verifies for the other
 */
public record Chain(String name, String entries, String checkpoints, long lock, String checkpointMagic) {

	/** Every change to a record, account change of old and the audit of old releases. */
	public static final Chain RECORDS = new Chain("log", "log_entry", "log_checkpoint", 0x6b68726f6e696b61L,
			"khronika-checkpoint/1");

	/** Reads of records, logins and account changes. */
	public static final Chain AUDIT = new Chain("audit trail", "audit_entry", "audit_checkpoint", 0x6b68726f61756474L,
			"khronika-audit-checkpoint/1");

	public Chain {
		for (String table : new String[] { entries, checkpoints }) {
			if (!table.matches("[a-z_]+")) {
				throw new IllegalArgumentException("a table name is lower-case letters and '_': " + table);
			}
		}
	}

}
