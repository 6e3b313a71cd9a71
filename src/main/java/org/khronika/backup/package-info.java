/**
 * Backups: a consistent snapshot of every table, taken while Khronika runs, encrypted
 * under the keyring with the keyring's own files and the log's head beside it; and the
 * restore of one into a new data directory, checked against that head.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "crypto", "eventlog" })
package org.khronika.backup;
