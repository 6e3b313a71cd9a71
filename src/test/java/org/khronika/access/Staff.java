package org.khronika.access;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * A staff member for tests: an account with an invented login and password and, for the
 * roles that need one, an enrolled authenticator whose secret the test holds, so it can
 * compute codes as a phone would.
 */
public final class Staff {

	public static final String PASSWORD = "test-password-123";

	/** Who adds test accounts: the command line's administrator. */
	public static final Actor SETUP = new Actor("cli", Role.ADMIN);

	private final String login;

	private final Role role;

	private final byte[] secret;

	private final Deque<String> recoveryCodes;

	private long lastStep = -1;

	private Staff(String login, Role role, byte[] secret, List<String> recoveryCodes) {
		this.login = login;
		this.role = role;
		this.secret = secret;
		this.recoveryCodes = new ArrayDeque<>(recoveryCodes);
	}

	/**
	 * Adds (or replaces) the account and, if the policy requires a second factor for the
	 * role, enrols an authenticator.
	 */
	public static Staff add(ApplicationContext context, String login, Role role) {
		context.getBean(Accounts.class).add(SETUP, login, PASSWORD.toCharArray(), role, true);
		if (!context.getBean(AccessPolicy.class).requiresSecondFactor(role)) {
			return new Staff(login, role, null, List.of());
		}
		SecondFactors factors = context.getBean(SecondFactors.class);
		SecondFactors.Enrolment enrolment = factors.begin(login);
		byte[] secret = secretOf(enrolment);
		List<String> codes = factors.confirm(enrolment, Totp.code(secret, Totp.step(Instant.now())));
		Staff staff = new Staff(login, role, secret, codes);
		staff.lastStep = Totp.step(Instant.now());
		return staff;
	}

	public String login() {
		return this.login;
	}

	public Role role() {
		return this.role;
	}

	public Actor actor() {
		return new Actor(this.login, this.role);
	}

	public boolean hasSecondFactor() {
		return this.secret != null;
	}

	/**
	 * A code the server will accept now: the authenticator's code for the next unused
	 * step within the one-step window, else a recovery code.
	 */
	public synchronized String nextCode() {
		long now = Totp.step(Instant.now());
		long step = Math.max(this.lastStep + 1, now - 1);
		if (step <= now + 1) {
			this.lastStep = step;
			return Totp.code(this.secret, step);
		}
		return this.recoveryCodes.removeFirst();
	}

	/**
	 * The authenticator's code for the step {@code at} falls in, whether or not it was
	 * used.
	 */
	public String codeAt(Instant at) {
		return Totp.code(this.secret, Totp.step(at));
	}

	/** The authenticator's code for the current step, whether or not it was used. */
	public String currentCode() {
		return Totp.code(this.secret, Totp.step(Instant.now()));
	}

	public String recoveryCode() {
		return this.recoveryCodes.removeFirst();
	}

	/** Decodes the Base32 key as an app would read it off the enrolment page. */
	public static byte[] secretOf(SecondFactors.Enrolment enrolment) {
		return base32(enrolment.secretText());
	}

	public static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		String clean = text.replaceAll("[\\s=]", "").toUpperCase(java.util.Locale.ROOT);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	/** The code an authenticator holding {@code secret} shows at {@code at}. */
	public static String codeAt(byte[] secret, Instant at) {
		return Totp.code(secret, Totp.step(at));
	}

}
