/**
 * The shell of the web interface: layout, languages (Russian and English), error pages
 * and the API's problem documents. No feature logic: features bring their own pages. It
 * knows the log's storage only to tell a fault of the database (503) from a failure of
 * the page, crypto only to tell a sealed value that does not open, and the catalog only
 * for how a language writes a date.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "eventlog", "catalog", "crypto" })
package org.khronika.web;
