package org.khronika.access;

import java.util.Objects;

/**
 * Someone acting in Khronika: a logged-in staff member, an API token's holder, or the
 * account a CLI command acts as. Every read and write of the registry names one.
 *
 * @param login the account's login, never null
 * @param role the role in effect now (for a token, the token's role), never null
 */
public record Actor(String login, Role role) {

	public Actor {
		Objects.requireNonNull(login, "login");
		Objects.requireNonNull(role, "role");
	}

}
