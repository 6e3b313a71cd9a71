package org.khronika.access;

import java.time.Instant;

/**
 * A staff account as it stands.
 *
 * @param sessionEpoch sessions begun under an older epoch are over
 * @param secondFactor whether a TOTP authenticator is enrolled
 */
public record Account(String login, Role role, boolean enabled, int sessionEpoch, boolean secondFactor,
		Instant createdAt) {

}
