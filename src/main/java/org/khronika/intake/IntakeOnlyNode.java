package org.khronika.intake;

import java.nio.file.Path;
import java.util.Map;

import org.khronika.intake.web.IntakeNode;

import org.springframework.context.ConfigurableApplicationContext;

/** Intake's API for {@code serve --intake-only}: starts the keyless intake node. */
public final class IntakeOnlyNode {

	private IntakeOnlyNode() {
	}

	/** {@link IntakeNode#start}. */
	public static ConfigurableApplicationContext start(Path dataDirectory, Map<String, Object> settings) {
		return IntakeNode.start(dataDirectory, settings);
	}

}
