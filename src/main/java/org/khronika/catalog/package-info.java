/**
 * Reference data kept as data files: jurisdictions and law articles, regions and the
 * controlled vocabularies (incident types, triggers, measures of restraint, outcomes, …),
 * in Russian and English.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.khronika.catalog;
