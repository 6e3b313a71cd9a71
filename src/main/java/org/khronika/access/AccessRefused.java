package org.khronika.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The policy refused an operation outside the registry (account administration, the audit
 * trail): pages answer 403, the API {@code access.denied}, the CLI one line.
 */
public class AccessRefused extends ResponseStatusException {

	public AccessRefused() {
		super(HttpStatus.FORBIDDEN, "access.denied");
	}

	/** Throws unless {@code permission} is granted. */
	public static void unless(Permission permission) {
		if (!permission.isGranted()) {
			throw new AccessRefused();
		}
	}

}
