package org.khronika.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code khronika.intake.*}: how long a report that was not accepted is kept after its
 * last change before it is deleted ({@code retention-days}, 90 unless set); how many
 * reports ({@code reports-per-minute}, 60) and receipt lookups
 * ({@code receipt-tries-per-minute}, 10) one client address may make a minute, and how
 * many reports one intake token may hand in a minute ({@code api-reports-per-minute},
 * 600). Behind a Tor onion service every reporter comes from the same address: raise the
 * first there. Reports with files are held in memory until they are sealed: at most
 * {@code upload-memory-megabytes} of their bodies at once (0, the default: a fifth of the
 * heap, as each megabyte sent is held about four times while it is cleaned and sealed);
 * more wait their turn.
 */
@ConfigurationProperties("khronika.intake")
public record IntakeSettings(@DefaultValue("90") int retentionDays, @DefaultValue("60") int reportsPerMinute,
		@DefaultValue("10") int receiptTriesPerMinute, @DefaultValue("600") int apiReportsPerMinute,
		@DefaultValue("0") int uploadMemoryMegabytes) {

	public IntakeSettings {
		if (retentionDays < 1 || reportsPerMinute < 1 || receiptTriesPerMinute < 1 || apiReportsPerMinute < 1
				|| uploadMemoryMegabytes < 0) {
			throw new IllegalArgumentException(
					"khronika.intake.* settings must be at least 1 (upload-memory-megabytes: 0 for a fifth of the heap)");
		}
	}

}
