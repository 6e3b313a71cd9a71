package org.khronika.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record the policy decides over. The codes are the registry's record kind
 * codes; the policy needs no more of the registry than these.
 */
public enum RecordType {

	PERSON("person"), INCIDENT("incident"), CASE("case"), CASE_EVENT("case-event"), SOURCE("source");

	private final String code;

	RecordType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<RecordType> ofCode(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

}
