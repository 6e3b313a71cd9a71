package org.khronika.access.web;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Shows the administration links to the roles the policy lets manage accounts and read
 * the audit trail; the layout asks nothing else.
 */
@ControllerAdvice
class Navigation {

	private final AccessPolicy policy;

	Navigation(AccessPolicy policy) {
		this.policy = policy;
	}

	@ModelAttribute("mayManageUsers")
	boolean mayManageUsers() {
		return may(Capability.MANAGE_USERS);
	}

	@ModelAttribute("mayReadAudit")
	boolean mayReadAudit() {
		return may(Capability.READ_AUDIT);
	}

	private boolean may(Capability capability) {
		return Sessions.currentActor().map(actor -> this.policy.may(actor, capability).isGranted()).orElse(false);
	}

}
