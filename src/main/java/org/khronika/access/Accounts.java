package org.khronika.access;

import java.nio.CharBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts: logins, Argon2id password hashes, roles, whether enabled, and the
 * session epoch that ends every session and token at once. Every change is written to the
 * audit trail, naming who made it.
 */
public class Accounts implements UserDetailsService {

	static final int MIN_PASSWORD = 12;

	private final JdbcTemplate jdbc;

	/** Each change and its audit entry commit together. */
	private final PasswordEncoder passwords;

	private final Clock clock;

	private final AuditTrail audit;

	private final AccessPolicy policy;

	Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock, AuditTrail audit, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.audit = audit;
		this.policy = policy;
	}

	/**
	 * Refuses a login that no account could have, before anything is asked for it (a
	 * password typed twice for nothing).
	 * @throws AccountException if it is not 2 to 64 of the characters a login takes
	 */
	public static void requireLogin(String login) {
		if (login == null || !login.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new AccountException("account.loginInvalid",
					"a login is 2 to 64 characters: lower-case latin letters, digits, '.', '_' or '-'");
		}
	}

	/**
	 * Adds an account, or, when {@code replace}, sets a new password and role on an
	 * existing one (ending its sessions and tokens).
	 * @param by who does it; must be allowed to manage users
	 * @throws AccountException if the login or password is not acceptable, or the login
	 * is taken
	 * @throws AccessRefused if {@code by} may not manage users
	 */
	public void add(Actor by, String login, char[] password, Role role, boolean replace) {
		AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		requireLogin(login);
		String hash = hash(password);
		if (exists(login)) {
			if (!replace) {
				throw new AccountException("account.taken", "the login '" + login + "' is taken");
			}
			this.audit.change(() -> {
				this.jdbc.update("UPDATE account SET password_hash = ?, role = ?, enabled = TRUE, "
						+ "session_epoch = session_epoch + 1 WHERE login = ?", hash, role.code(), login);
				revokeTokens(login);
				this.audit.account(by.login(), "replaced", login, role.code(), password(hash));
			});
			return;
		}
		this.audit.change(() -> {
			this.jdbc.update(
					"INSERT INTO account (login, password_hash, role, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)",
					login, hash, role.code(), this.clock.instant().toString());
			this.audit.account(by.login(), "added", login, role.code(), password(hash));
		});
	}

	/**
	 * Changes the password of {@code login} if {@code current} is its password. Every
	 * other session and every token of the account end.
	 * @return the new session epoch, for the session that made the change
	 * @throws AccountException if {@code current} is wrong or {@code next} unacceptable
	 */
	public int changePassword(String login, char[] current, char[] next) {
		Account account = find(login).orElseThrow(() -> new AccountException("account.unknown", "no such account"));
		String stored = this.jdbc.queryForObject("SELECT password_hash FROM account WHERE login = ?", String.class,
				login);
		if (current == null || !this.passwords.matches(CharBuffer.wrap(current), stored)) {
			throw new AccountException("password.wrong", "the current password is wrong");
		}
		String hash = hash(next);
		this.audit.change(() -> {
			this.jdbc.update("UPDATE account SET password_hash = ?, session_epoch = session_epoch + 1 WHERE login = ?",
					hash, login);
			revokeTokens(login);
			this.audit.account(login, "password-changed", login, null, password(hash));
		});
		return account.sessionEpoch() + 1;
	}

	/**
	 * Gives {@code login} another role; it takes effect at the account's next request.
	 * @throws AccountException for the last enabled admin
	 */
	public void setRole(Actor by, String login, Role role) {
		AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		Account account = find(login).orElseThrow(() -> new AccountException("account.unknown", "no such account"));
		if (managesUsers(account.role()) && !managesUsers(role)) {
			requireAnotherAdmin(login);
		}
		this.audit.change(() -> {
			this.jdbc.update("UPDATE account SET role = ? WHERE login = ?", role.code(), login);
			this.audit.account(by.login(), "role-changed", login, role.code());
		});
	}

	/**
	 * Disables {@code login}: its sessions and tokens end now, and it cannot log in.
	 * @throws AccountException for the last enabled admin
	 */
	public void disable(Actor by, String login) {
		AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		Account account = find(login).orElseThrow(() -> new AccountException("account.unknown", "no such account"));
		if (managesUsers(account.role())) {
			requireAnotherAdmin(login);
		}
		this.audit.change(() -> {
			this.jdbc.update("UPDATE account SET enabled = FALSE, session_epoch = session_epoch + 1 WHERE login = ?",
					login);
			revokeTokens(login);
			this.audit.account(by.login(), "disabled", login, null);
		});
	}

	public void enable(Actor by, String login) {
		AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		find(login).orElseThrow(() -> new AccountException("account.unknown", "no such account"));
		this.audit.change(() -> {
			this.jdbc.update("UPDATE account SET enabled = TRUE WHERE login = ?", login);
			this.audit.account(by.login(), "enabled", login, null);
		});
	}

	/** Logs {@code login} out everywhere: every session and every API token ends. */
	public void endSessions(String login) {
		this.audit.change(() -> {
			this.jdbc.update("UPDATE account SET session_epoch = session_epoch + 1 WHERE login = ?", login);
			revokeTokens(login);
			this.audit.account(login, "logged-out-everywhere", login, null);
		});
	}

	/** The password as the audit trail keeps it: the digest of the stored hash. */
	private static Map<String, String> password(String hash) {
		return Map.of(AuditTrail.PASSWORD, Sha256.hex(hash));
	}

	public boolean exists(String login) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE login = ?", Integer.class, login);
		return count != null && count > 0;
	}

	/** The account with this login, if there is one. */
	public Optional<Account> find(String login) {
		return this.jdbc.query(SELECT + " WHERE a.login = ?", this.account, login).stream().findFirst();
	}

	/** Every account, by login. */
	public List<Account> all() {
		return this.jdbc.query(SELECT + " ORDER BY a.login", this.account);
	}

	/** The role of an enabled account, or empty. */
	public Optional<Role> roleOf(String login) {
		return find(login).filter(Account::enabled).map(Account::role);
	}

	/**
	 * For Spring Security's password check. A disabled account is reported as unknown, so
	 * that it costs the same password hashing and gives the same answer as a wrong
	 * password.
	 */
	@Override
	public UserDetails loadUserByUsername(String login) {
		List<UserDetails> users = this.jdbc.query(
				"SELECT login, password_hash, role FROM account WHERE login = ? AND enabled = TRUE",
				(rs, n) -> User.withUsername(rs.getString(1))
					.password(rs.getString(2))
					.authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3).toUpperCase(Locale.ROOT)))
					.build(),
				login);
		if (users.isEmpty()) {
			throw new UsernameNotFoundException("no such login");
		}
		return users.get(0);
	}

	private String hash(char[] password) {
		if (password == null || password.length < MIN_PASSWORD) {
			throw new AccountException("password.short", "a password has at least " + MIN_PASSWORD + " characters");
		}
		return this.passwords.encode(CharBuffer.wrap(password));
	}

	private void revokeTokens(String login) {
		this.jdbc.update("UPDATE api_token SET revoked_at = ? WHERE login = ? AND revoked_at IS NULL",
				this.clock.instant().toString(), login);
	}

	private boolean managesUsers(Role role) {
		return this.policy.may(role, Capability.MANAGE_USERS);
	}

	/** Someone must always be left who can manage accounts. */
	private void requireAnotherAdmin(String login) {
		List<String> managing = java.util.Arrays.stream(Role.values())
			.filter(this::managesUsers)
			.map(Role::code)
			.toList();
		Integer others = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM account WHERE role IN ("
						+ String.join(", ", java.util.Collections.nCopies(managing.size(), "?"))
						+ ") AND enabled = TRUE AND login <> ?",
				Integer.class,
				java.util.stream.Stream.concat(managing.stream(), java.util.stream.Stream.of(login)).toArray());
		if (others == null || others == 0) {
			throw new AccountException("account.lastAdmin", "this is the last enabled admin: add another admin first");
		}
	}

	private static final String SELECT = "SELECT a.login, a.role, a.enabled, a.session_epoch, a.created_at, "
			+ "(SELECT COUNT(*) FROM second_factor f WHERE f.login = a.login) AS factor FROM account a";

	private final RowMapper<Account> account = (rs, n) -> new Account(rs.getString("login"),
			Role.ofCode(rs.getString("role")).orElseThrow(), rs.getBoolean("enabled"), rs.getInt("session_epoch"),
			rs.getInt("factor") > 0, Instant.parse(rs.getString("created_at")));

}
