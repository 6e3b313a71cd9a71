/**
 * Who may do what: staff accounts with Argon2id passwords and a TOTP second factor, roles
 * and the one need-to-know policy, API tokens stored as hashes, the audit trail of every
 * read and login, and the web security that keeps everyone else out.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "eventlog", "crypto", "web" })
package org.khronika.access;
