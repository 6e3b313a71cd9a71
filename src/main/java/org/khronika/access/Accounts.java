package org.khronika.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff accounts: logins, Argon2id password hashes, roles. */
public class Accounts implements UserDetailsService {

	static final int MIN_PASSWORD = 12;

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Adds an account, or sets a new password and role on an existing one when
	 * {@code replace}.
	 * @throws AccountException if the login or password is not acceptable, or the login
	 * is taken
	 */
	public void add(String login, char[] password, Role role, boolean replace) {
		if (login == null || !login.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new AccountException(
					"a login is 2 to 64 characters: lower-case latin letters, digits, '.', '_' or '-'");
		}
		if (password == null || password.length < MIN_PASSWORD) {
			throw new AccountException("a password has at least " + MIN_PASSWORD + " characters");
		}
		String hash = this.passwords.encode(java.nio.CharBuffer.wrap(password));
		if (exists(login)) {
			if (!replace) {
				throw new AccountException("the login '" + login + "' is taken");
			}
			this.jdbc.update("UPDATE account SET password_hash = ?, role = ?, enabled = TRUE WHERE login = ?", hash,
					role.code(), login);
			this.jdbc.update("DELETE FROM api_token WHERE login = ?", login);
			return;
		}
		this.jdbc.update(
				"INSERT INTO account (login, password_hash, role, enabled, created_at) VALUES (?, ?, ?, TRUE, ?)",
				login, hash, role.code(), this.clock.instant().toString());
	}

	public boolean exists(String login) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE login = ?", Integer.class, login);
		return count != null && count > 0;
	}

	/** The role of an enabled account, or empty. */
	public Optional<Role> roleOf(String login) {
		List<String> roles = this.jdbc.query("SELECT role FROM account WHERE login = ? AND enabled = TRUE",
				(rs, n) -> rs.getString(1), login);
		return roles.stream().findFirst().flatMap(Role::ofCode);
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		List<UserDetails> users = this.jdbc.query(
				"SELECT login, password_hash, role, enabled FROM account WHERE login = ?",
				(rs, n) -> User.withUsername(rs.getString(1))
					.password(rs.getString(2))
					.authorities(
							new SimpleGrantedAuthority("ROLE_" + rs.getString(3).toUpperCase(java.util.Locale.ROOT)))
					.disabled(!rs.getBoolean(4))
					.build(),
				login);
		if (users.isEmpty()) {
			throw new UsernameNotFoundException("no such login");
		}
		return users.get(0);
	}

}
