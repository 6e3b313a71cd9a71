/**
 * Publishing: the figures the catalog's publication plan lists, computed from statistics
 * and made safe to publish: a count of persons or cases small enough to point at someone
 * is shown as "&lt; k", and other cells are hidden beside it so that it cannot be worked
 * out from totals, other cells or an earlier publication.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "stats", "catalog", "access", "eventlog", "registry", "crypto", "web" })
package org.khronika.publish;
