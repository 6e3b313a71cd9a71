package org.khronika.imports;

import java.nio.charset.StandardCharsets;

/**
 * Fuzz target (Jazzer, run by {@code FuzzIT}): any text as a mapping profile's YAML. It
 * reads as a profile or ends in a {@link ProfileException} saying where; any other
 * exception is a finding.
 */
public final class ProfileFuzzer {

	private ProfileFuzzer() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		try {
			MappingProfile.read("fuzz.yaml", new String(data, StandardCharsets.UTF_8));
		}
		catch (ProfileException expected) {
			// bad input, told as such
		}
	}

}
