package org.khronika.eventlog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the log, {@code khronika.log.*}.
 *
 * @param checkpointInterval a signed checkpoint is written at least every this many
 * entries (default 100), and at shutdown of the server
 */
@ConfigurationProperties("khronika.log")
public record LogSettings(@DefaultValue("100") int checkpointInterval) {

	public LogSettings {
		if (checkpointInterval < 1) {
			throw new IllegalArgumentException("khronika.log.checkpoint-interval must be at least 1");
		}
	}

}
