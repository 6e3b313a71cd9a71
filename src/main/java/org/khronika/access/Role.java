package org.khronika.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A staff role. What each may do is decided by {@link AccessPolicy}, in one table; the
 * role itself only names it. {@link #code()} is stable: it is stored with accounts and
 * tokens.
 */
public enum Role {

	/** Users, keys, configuration, audit; every record. */
	ADMIN("admin"),
	/** A monitor: creates and edits every registry record, triages. */
	EDITOR("editor"),
	/** Reads and adds events only on the cases assigned to them, and their persons. */
	LAWYER("lawyer"),
	/** The hotline: records incidents; reads only what they recorded. */
	OPERATOR("operator"),
	/** Statistics and de-identified public fields: no names, contacts or descriptions. */
	ANALYST("analyst");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The role that may do least: what a new account is offered first, so that a slip
	 * grants too little rather than too much.
	 */
	public static final Role LEAST_PRIVILEGED = ANALYST;

	public static Optional<Role> ofCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

	/** Every role's code, for messages: {@code admin, editor, …}. */
	public static String codes() {
		return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
	}

}
