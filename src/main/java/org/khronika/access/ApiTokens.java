package org.khronika.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * API bearer tokens: 256 random bits shown once, stored only as their SHA-256 (a hash of
 * a random secret needs no salt or slow hashing: there is nothing to guess). Each token
 * acts for one account in one role, until it expires or is revoked; it stops working as
 * soon as its account is disabled, logs out everywhere or changes its password.
 */
public class ApiTokens {

	/** The longest a token may live. */
	public static final Duration MAX_VALIDITY = Duration.ofDays(365);

	private static final String PREFIX = "kht_";

	private final JdbcTemplate jdbc;

	private final Accounts accounts;

	private final AccessPolicy policy;

	private final Clock clock;

	private final AuditTrail audit;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcTemplate jdbc, Accounts accounts, AccessPolicy policy, Clock clock, AuditTrail audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.policy = policy;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * A token as listed: never the token itself.
	 *
	 * @param id the first twelve hex digits of the token's hash: enough to name it,
	 * useless to use it
	 */
	public record TokenInfo(String id, String login, Role role, String label, Instant createdAt, Instant expiresAt,
			Instant revokedAt) {

		public boolean isActive(Instant now) {
			return this.revokedAt == null && now.isBefore(this.expiresAt);
		}

	}

	/**
	 * Creates a token for {@code login} acting as {@code role} for {@code validity}, and
	 * returns it; it is never shown again.
	 * @param by who creates it: the account itself, or someone who manages users
	 * @throws AccountException if there is no enabled account with that login, the role
	 * is more than the account may delegate, or the validity is not between a day and
	 * {@link #MAX_VALIDITY}
	 * @throws AccessRefused if {@code by} may not make tokens for {@code login}
	 */
	public String create(Actor by, String login, Role role, String label, Duration validity) {
		requireOwnerOrAdmin(by, login);
		Role accountRole = this.accounts.roleOf(login)
			.orElseThrow(() -> new AccountException("account.unknown", "no enabled account '" + login + "'"));
		if (!this.policy.mayDelegate(accountRole, role)) {
			throw new AccountException("token.roleNotAllowed",
					"an account with the role " + accountRole.code() + " cannot make a token for " + role.code());
		}
		if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
			throw new AccountException("token.validity", "a token lives from 1 to 365 days");
		}
		String name = (label == null || label.isBlank()) ? "token" : label.strip();
		if (name.length() > 100) {
			throw new AccountException("token.labelTooLong", "a token's label has at most 100 characters");
		}
		// listed to an administrator's terminal by 'token list': an escape sequence there
		// could rewrite what the terminal shows
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw new AccountException("token.labelControl", "a token's label holds invisible control characters");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		String hash = Sha256.hex(token);
		this.audit.change(() -> {
			this.jdbc.update(
					"INSERT INTO api_token (token_hash, login, role, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
					hash, login, role.code(), name, now.toString(), now.plus(validity).toString());
			this.audit.token(by.login(), login, hash, role.code(), now.plus(validity).toString());
		});
		return token;
	}

	/**
	 * The tokens of {@code login}, or of every account if null; newest first.
	 * @throws AccessRefused unless {@code by} is {@code login} or manages users
	 */
	public List<TokenInfo> list(Actor by, String login) {
		requireOwnerOrAdmin(by, login);
		String sql = "SELECT * FROM api_token" + ((login != null) ? " WHERE login = ?" : "")
				+ " ORDER BY created_at DESC";
		return (login != null) ? this.jdbc.query(sql, this.info, login) : this.jdbc.query(sql, this.info);
	}

	/**
	 * Revokes the token with this {@code id}, if it belongs to {@code owner} (any
	 * account's when null).
	 * @return whether a token was revoked
	 * @throws AccessRefused unless {@code by} is {@code owner} or manages users
	 */
	public boolean revoke(Actor by, String owner, String id) {
		requireOwnerOrAdmin(by, owner);
		if (id == null || !id.matches("[0-9a-f]{12}")) {
			return false;
		}
		String sql = "UPDATE api_token SET revoked_at = ? WHERE token_hash LIKE ? AND revoked_at IS NULL"
				+ ((owner != null) ? " AND login = ?" : "");
		Object[] arguments = (owner != null) ? new Object[] { this.clock.instant().toString(), id + "%", owner }
				: new Object[] { this.clock.instant().toString(), id + "%" };
		return this.audit.change(() -> {
			boolean revoked = this.jdbc.update(sql, arguments) > 0;
			if (revoked) {
				this.audit.account(by.login(), "token-revoked", (owner != null) ? owner : "-", id);
			}
			return revoked;
		});
	}

	/**
	 * Who {@code token} acts as: its account in its role, if the token is known, not
	 * expired or revoked, its account enabled, and its role still within what the account
	 * may delegate.
	 */
	public Optional<Actor> actorFor(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.query("SELECT * FROM api_token WHERE token_hash = ?", this.info, Sha256.hex(token))
			.stream()
			.filter(t -> t.isActive(now))
			.findFirst()
			.flatMap(t -> this.accounts.roleOf(t.login())
				.filter(accountRole -> this.policy.mayDelegate(accountRole, t.role()))
				.map(accountRole -> new Actor(t.login(), t.role())));
	}

	private void requireOwnerOrAdmin(Actor by, String login) {
		boolean own = by.login().equals(login) && this.policy.may(by, Capability.MANAGE_OWN_ACCOUNT).isGranted();
		if (!own) {
			AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		}
	}

	private final RowMapper<TokenInfo> info = (rs, n) -> new TokenInfo(rs.getString("token_hash").substring(0, 12),
			rs.getString("login"), Role.ofCode(rs.getString("role")).orElseThrow(), rs.getString("label"),
			Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("expires_at")),
			(rs.getString("revoked_at") != null) ? Instant.parse(rs.getString("revoked_at")) : null);

}
