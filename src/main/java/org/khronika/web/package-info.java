/**
 * The shell of the web interface: layout, languages (Russian and English), error pages
 * and the API's problem documents. No feature logic: features bring their own pages. It
 * knows the log's storage only to tell a fault of the database (503) from a failure of
 * the page, and the catalog only for how a language writes a date.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "eventlog", "catalog" })
package org.khronika.web;
