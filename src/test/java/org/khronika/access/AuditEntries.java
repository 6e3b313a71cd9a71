package org.khronika.access;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail as tests count it: how many entries a user's work wrote. */
public final class AuditEntries {

	private AuditEntries() {
	}

	/**
	 * How many entries the audit trail holds of what {@code login} did, once its writer
	 * has written every read it was given.
	 */
	public static int of(ApplicationContext context, String login) {
		context.getBean(AuditTrail.class).flush();
		Integer count = context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(DISTINCT seq) FROM audit_trail WHERE actor = ?", Integer.class, login);
		return (count == null) ? 0 : count;
	}

}
