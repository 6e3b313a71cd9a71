/**
 * The command line: init, serve, user, token, verify-log, rebuild and shred, each on a
 * data directory.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "eventlog", "crypto", "catalog", "access", "registry" })
package org.khronika.cli;
