/**
 * The append-only, hash-chained log of every change: the source of truth from which every
 * read table and index is rebuilt.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.khronika.eventlog;
