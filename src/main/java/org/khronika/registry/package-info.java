/**
 * Persons, incidents, cases, case events and sources: commands that append to the log,
 * the read tables projected from it, and the read API every other feature uses.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "eventlog", "crypto", "catalog", "access", "web" })
package org.khronika.registry;
