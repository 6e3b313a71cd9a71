package org.khronika.access;

import org.khronika.eventlog.EventLog;

import org.springframework.jdbc.core.JdbcTemplate;

/** Access parts for tests that wire modules by hand. */
public final class AccessFixtures {

	private AccessFixtures() {
	}

	public static AuditTrail auditTrail(EventLog log, JdbcTemplate jdbc) {
		return new AuditTrail(log, jdbc, new AccessPolicy());
	}

}
