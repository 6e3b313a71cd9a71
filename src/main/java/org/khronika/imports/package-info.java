/**
 * Taking in the tables monitors keep: CSV and XLSX read through mapping profiles (YAML
 * data, not code) into registry records, streamed row by row, checked before anything is
 * written, and idempotent by each row's stable key (kept as a keyed fingerprint and
 * sealed, never in clear: hence crypto).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "registry", "access", "catalog", "eventlog", "crypto", "web" })
package org.khronika.imports;
