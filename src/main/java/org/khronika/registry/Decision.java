package org.khronika.registry;

import java.util.List;

/**
 * The registry's answer to a command: the events it causes, or a refusal with a stable
 * code.
 */
public sealed interface Decision {

	record Accepted(List<RegistryEvent> events) implements Decision {
	}

	/**
	 * @param code a stable message code, e.g. {@code record.stale}
	 */
	record Rejected(String code) implements Decision {
	}

}
