/**
 * The command line: init, serve, user, token, audit, import, stats, verify-log, rebuild,
 * shred, keys and linkage, each on a data directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "eventlog", "crypto", "catalog", "access",
		"registry", "imports", "stats", "search", "linkage" })
package org.khronika.cli;
