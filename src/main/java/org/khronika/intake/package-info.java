/**
 * Intake: reports of arrests, searches and threats from the people who know first, made
 * safely through a public form (no login, no cookie, no JavaScript), sealed on arrival to
 * the organisation's intake key, followed up with a receipt, and opened, audited, only in
 * the triage queue. An accepted report becomes a source, and its facts go into records
 * through the registry's forms like any other.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "registry", "crypto", "access", "catalog", "web" })
package org.khronika.intake;
