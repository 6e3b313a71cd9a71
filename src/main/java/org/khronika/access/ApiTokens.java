package org.khronika.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API bearer tokens: 256 random bits shown once, stored only as their SHA-256 (a hash of
 * a random secret needs no salt or slow hashing: there is nothing to guess).
 */
public class ApiTokens {

	private static final String PREFIX = "kht_";

	private final JdbcTemplate jdbc;

	private final Accounts accounts;

	private final Clock clock;

	ApiTokens(JdbcTemplate jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Creates a token for {@code login} and returns it; it is never shown again.
	 * @throws AccountException if there is no enabled account with that login
	 */
	public String create(String login) {
		if (this.accounts.roleOf(login).isEmpty()) {
			throw new AccountException("no enabled account with the login '" + login + "'");
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc.update("INSERT INTO api_token (token_hash, login, created_at) VALUES (?, ?, ?)", hash(token), login,
				this.clock.instant().toString());
		return token;
	}

	/** The login of an enabled account that {@code token} belongs to, or empty. */
	public Optional<String> loginFor(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		List<String> logins = this.jdbc.query("SELECT t.login FROM api_token t JOIN account a ON a.login = t.login "
				+ "WHERE t.token_hash = ? AND a.enabled = TRUE", (rs, n) -> rs.getString(1), hash(token));
		return logins.stream().findFirst();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
