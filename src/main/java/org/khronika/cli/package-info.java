/**
 * The command line: init, serve, user, token, audit, import, stats, verify-log, rebuild,
 * shred, keys, linkage and intake-token, each on a data directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "backup", "eventlog", "crypto", "catalog",
		"access", "registry", "imports", "stats", "search", "linkage", "intake", "publish" })
package org.khronika.cli;
