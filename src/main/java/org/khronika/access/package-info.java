/**
 * Who may do what: staff accounts with Argon2id passwords, API tokens stored as hashes,
 * and the web security that keeps everyone but a logged-in user out.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "eventlog", "crypto" })
package org.khronika.access;
