/**
 * Search: an in-memory Lucene index of the registry, kept current by following the log,
 * that finds records in Russian, Ukrainian and English and names across scripts,
 * transliterations, familiar forms, initials and typos, never beyond what the reader may
 * see.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "registry", "catalog", "access", "web" })
package org.khronika.search;
