/**
 * Key material and everything done with it: the keyring and its unlocking, per-subject
 * data keys, sealing of identifying fields, checkpoint signatures and crypto-shredding.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.khronika.crypto;
