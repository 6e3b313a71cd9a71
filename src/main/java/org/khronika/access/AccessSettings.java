package org.khronika.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of access, {@code khronika.access.*}.
 *
 * @param freeLoginFailures failed logins on one login within 15 minutes before each
 * further attempt is delayed (default 5)
 * @param loginsPerMinute login attempts (password or code) one client address may make
 * per minute (default 30)
 * @param apiRequestsPerMinute API requests one account or client address may make per
 * minute (default 600)
 * @param sessionLifetime the longest a session lasts however active (default 12 h); the
 * idle limit is {@code server.servlet.session.timeout} (30 min)
 * @param maxRequestBytes the largest request body accepted (default 1 MB)
 * @param maxUploadBytes the largest table the import page accepts (default 100 MB); held
 * in memory, never written to the disk in plain
 */
@ConfigurationProperties("khronika.access")
public record AccessSettings(@DefaultValue("5") int freeLoginFailures, @DefaultValue("30") int loginsPerMinute,
		@DefaultValue("600") int apiRequestsPerMinute, @DefaultValue("12h") Duration sessionLifetime,
		@DefaultValue("1048576") long maxRequestBytes, @DefaultValue("104857600") long maxUploadBytes) {

	public AccessSettings {
		if (freeLoginFailures < 1 || loginsPerMinute < 1 || apiRequestsPerMinute < 1 || maxRequestBytes < 1024
				|| maxUploadBytes < maxRequestBytes) {
			throw new IllegalArgumentException(
					"khronika.access.* limits must be positive (max-request-bytes ≥ 1024, max-upload-bytes ≥ max-request-bytes)");
		}
	}

}
