package org.khronika.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * A staff role. Until per-role policy lands, {@code admin} is the only one and may do
 * everything.
 */
public enum Role {

	ADMIN("admin");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<Role> ofCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

}
