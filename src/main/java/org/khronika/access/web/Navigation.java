package org.khronika.access.web;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;

import org.khronika.web.PageAttributes;

import org.springframework.stereotype.Component;

/**
 * Shows the administration links to the roles the policy lets manage accounts and read
 * the audit trail; the layout asks nothing else.
 */
@Component
class Navigation implements PageAttributes {

	private final AccessPolicy policy;

	Navigation(AccessPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void addTo(java.util.Map<String, Object> model, java.util.Locale locale) {
		model.put("mayManageUsers", Sessions.currentActorMay(this.policy, Capability.MANAGE_USERS));
		model.put("mayReadAudit", Sessions.currentActorMay(this.policy, Capability.READ_AUDIT));
	}

}
