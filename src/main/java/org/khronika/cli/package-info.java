/**
 * The command line: init, serve, user, token, audit, import, verify-log, rebuild, shred
 * and keys, each on a data directory.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "eventlog", "crypto", "catalog", "access", "registry", "imports", "stats" })
package org.khronika.cli;
