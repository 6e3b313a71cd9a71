package org.khronika.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code khronika.intake.retention-days}: how long a report that was not accepted is kept
 * after its last change before it is deleted (90 days unless set).
 */
@ConfigurationProperties("khronika.intake")
public record IntakeSettings(@DefaultValue("90") int retentionDays) {

	public IntakeSettings {
		if (retentionDays < 1) {
			throw new IllegalArgumentException("khronika.intake.retention-days must be at least 1");
		}
	}

}
