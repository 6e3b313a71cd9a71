package org.khronika.access;

import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EventLog;

import org.springframework.jdbc.core.JdbcTemplate;

/** Access parts for tests that wire modules by hand. */
public final class AccessFixtures {

	private AccessFixtures() {
	}

	/**
	 * The audit trail over {@code chain}, reading older audit entries from
	 * {@code records}, sealing search queries with {@code sealer}; close it when done.
	 */
	public static AuditTrail auditTrail(EventLog records, EventLog chain, JdbcTemplate jdbc, Sealer sealer) {
		return new AuditTrail(records, chain, jdbc, new AccessPolicy(), sealer);
	}

}
