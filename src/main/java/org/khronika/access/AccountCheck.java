package org.khronika.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.khronika.eventlog.LogEntry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.core.type.TypeReference;

/**
 * The accounts, API tokens and second factors as their audit entries made them, followed
 * one entry at a time ({@link #accept}, for every entry of the log and then of the audit
 * chain), then held against their tables ({@link #differences}); and the account changes
 * of the kinds asked for, kept for the modules that check credentials of their own
 * against the entries that made them ({@link #changes}). One pass of the entries serves
 * all of them: the deep check replays the audit trail once
 * ({@link AuditTrail#replayChecking}).
 */
final class AccountCheck implements Consumer<LogEntry> {

	/** The kinds of change kept whole for {@link #changes}. */
	private final Set<String> kept;

	private final List<AuditTrail.AccountChange> changes = new ArrayList<>();

	/** Each login's role and whether it is enabled, as the entries left them. */
	private final Map<String, String[]> accounts = new LinkedHashMap<>();

	/** Each API token's entry by its public id, with whether it is revoked. */
	private final Map<String, Map<String, Object>> tokens = new LinkedHashMap<>();

	private final Map<String, Credentials> credentials = new HashMap<>();

	/** What could not have been made through Khronika, found while following. */
	private final List<String> problems = new ArrayList<>();

	AccountCheck(Set<String> kept) {
		this.kept = Set.copyOf(kept);
	}

	@Override
	public void accept(LogEntry entry) {
		if (!entry.type().equals(AuditTrail.ACCOUNT)) {
			return;
		}
		Map<String, Object> fields = AuditTrail.JSON.readValue(entry.publicPart(),
				new TypeReference<Map<String, Object>>() {
				});
		String login = String.valueOf(fields.get("target"));
		String detail = (String) fields.get("detail");
		String change = String.valueOf(fields.get("change"));
		if (this.kept.contains(change)) {
			this.changes.add(new AuditTrail.AccountChange(change, login, detail, (String) fields.get("hash")));
		}
		Credentials held = this.credentials.computeIfAbsent(login, any -> new Credentials());
		held.follow(change, fields).ifPresent(problem -> this.problems.add("account " + login + " " + problem));
		switch (change) {
			case "added", "replaced" -> {
				this.accounts.put(login, new String[] { detail, "true" });
				revokeAll(this.tokens, login);
			}
			case "role-changed" -> this.accounts.computeIfPresent(login, (k, v) -> new String[] { detail, v[1] });
			case "disabled" -> {
				this.accounts.computeIfPresent(login, (k, v) -> new String[] { v[0], "false" });
				revokeAll(this.tokens, login);
			}
			case "enabled" -> this.accounts.computeIfPresent(login, (k, v) -> new String[] { v[0], "true" });
			case "password-changed", "logged-out-everywhere" -> revokeAll(this.tokens, login);
			case "token-created" -> {
				Map<String, Object> token = new HashMap<>(fields);
				token.put("revoked", false);
				this.tokens.put(detail.substring(0, 12), token);
			}
			case "token-revoked" -> {
				Map<String, Object> token = this.tokens.get(detail);
				if (token != null) {
					token.put("revoked", true);
				}
			}
			default -> {
				// other changes leave role, state and tokens as they are
			}
		}
	}

	/** The account changes of the kinds asked for, oldest first. */
	List<AuditTrail.AccountChange> changes() {
		return List.copyOf(this.changes);
	}

	/**
	 * The tables against the entries followed: one line for each row no entry explains,
	 * and each role, state, owner, expiry or credential that differs (as
	 * {@link AuditTrail#accountDifferences} says); empty when they agree. Read in the
	 * caller's transaction, at the moment the entries were.
	 */
	List<String> differences(JdbcTemplate jdbc) {
		List<String> found = new ArrayList<>(this.problems);
		Set<String> seen = new HashSet<>();
		jdbc.query("SELECT login, role, enabled, password_hash FROM account ORDER BY login",
				(RowCallbackHandler) rs -> {
					String login = rs.getString(1);
					seen.add(login);
					String[] logged = this.accounts.get(login);
					if (logged == null) {
						found.add("account " + login + " is in the table, but no log entry made it");
						return;
					}
					String password = this.credentials.get(login).password;
					if (password != null && !Sha256.same(password, Sha256.hex(rs.getString(4)))) {
						found.add("account " + login + " has a password in the table that no log entry set");
					}
					if (!rs.getString(2).equals(logged[0])) {
						found.add("account " + login + " has the role " + rs.getString(2) + " in the table, "
								+ logged[0] + " in the log");
					}
					if (rs.getBoolean(3) != Boolean.parseBoolean(logged[1])) {
						found.add("account " + login + " is " + (rs.getBoolean(3) ? "enabled" : "disabled")
								+ " in the table, " + (Boolean.parseBoolean(logged[1]) ? "enabled" : "disabled")
								+ " in the log");
					}
				});
		this.accounts.keySet()
			.stream()
			.filter(login -> !seen.contains(login))
			.forEach(login -> found.add("account " + login + " is in the log, but missing from the table"));
		found.addAll(secondFactorDifferences(jdbc));
		jdbc.query("SELECT token_hash, login, role, expires_at, revoked_at FROM api_token ORDER BY token_hash",
				(RowCallbackHandler) rs -> {
					String hash = rs.getString(1);
					String id = hash.substring(0, Math.min(12, hash.length()));
					Map<String, Object> logged = this.tokens.get(id);
					if (logged == null || (logged.containsKey("hash") && !hash.equals(logged.get("hash")))) {
						found.add("API token " + id + " of " + rs.getString(2)
								+ " is in the table, but no log entry made it");
						return;
					}
					String[] idAndRole = String.valueOf(logged.get("detail")).split(" ");
					if (!rs.getString(2).equals(logged.get("target"))
							|| (idAndRole.length > 1 && !rs.getString(3).equals(idAndRole[1]))) {
						found.add("API token " + id + " belongs to " + rs.getString(2) + " as " + rs.getString(3)
								+ " in the table, to " + logged.get("target") + " as "
								+ ((idAndRole.length > 1) ? idAndRole[1] : "?") + " in the log");
					}
					if (logged.containsKey("expires") && !rs.getString(4).equals(logged.get("expires"))) {
						found.add("API token " + id + " expires at " + rs.getString(4) + " in the table, "
								+ logged.get("expires") + " in the log");
					}
					if (rs.getString(5) == null && Boolean.TRUE.equals(logged.get("revoked"))) {
						found.add("API token " + id + " is revoked in the log, but live in the table");
					}
				});
		return found;
	}

	/**
	 * The authenticators and recovery codes in their tables against what the log set: one
	 * line for each account whose differ.
	 */
	private List<String> secondFactorDifferences(JdbcTemplate jdbc) {
		List<String> differences = new ArrayList<>();
		Set<String> enrolled = new HashSet<>();
		jdbc.query("SELECT login, sealed FROM second_factor ORDER BY login", (RowCallbackHandler) rs -> {
			Credentials held = this.credentials.get(rs.getString(1));
			enrolled.add(rs.getString(1));
			if (held == null) {
				differences.add("account " + rs.getString(1) + " has an authenticator in the table, but no log entry "
						+ "made the account");
			}
			else if (!held.enrolled) {
				differences.add("account " + rs.getString(1) + " has an authenticator in the table that no log entry "
						+ "enrolled");
			}
			else if (held.authenticator != null && !Sha256.same(held.authenticator, Sha256.hex(rs.getBytes(2)))) {
				differences.add("account " + rs.getString(1) + " has an authenticator in the table that is not the "
						+ "one the log enrolled");
			}
		});
		this.credentials.forEach((login, held) -> {
			if (held.enrolled && !enrolled.contains(login)) {
				differences.add("account " + login + " has no authenticator in the table, but the log enrolled one");
			}
		});
		Map<String, List<String>> codes = new HashMap<>();
		jdbc.query("SELECT login, code_hash FROM recovery_code",
				(RowCallbackHandler) rs -> codes.computeIfAbsent(rs.getString(1), any -> new ArrayList<>())
					.add(rs.getString(2)));
		new TreeMap<>(this.credentials).forEach((login, held) -> {
			if (held.recoveryCodes != null
					&& !Sha256.same(held.recoveryCodes, Sha256.ofSet(codes.getOrDefault(login, List.of())))) {
				differences
					.add("account " + login + " has recovery codes in the table that are not those the log made");
			}
		});
		return differences;
	}

	/**
	 * An account's credentials as its audit entries set them: their digests, null where
	 * the entries do not say (those written before they did).
	 */
	private static final class Credentials {

		String password;

		boolean enrolled;

		String authenticator;

		String recoveryCodes;

		/**
		 * Follows one change of the account; a problem if it could not have been made
		 * through Khronika.
		 */
		Optional<String> follow(String change, Map<String, Object> fields) {
			switch (change) {
				case "added" -> {
					this.password = digest(fields, AuditTrail.PASSWORD);
					this.enrolled = false;
					this.authenticator = null;
					this.recoveryCodes = AuditTrail.NO_CODES;
				}
				case "replaced", "password-changed" -> this.password = digest(fields, AuditTrail.PASSWORD);
				case "second-factor-enrolled" -> {
					boolean again = this.enrolled;
					this.enrolled = true;
					this.authenticator = digest(fields, AuditTrail.AUTHENTICATOR);
					this.recoveryCodes = digest(fields, AuditTrail.RECOVERY_CODES);
					if (again) {
						return Optional.of("enrolled an authenticator though the log never removed the one "
								+ "before: it was taken out of the table behind the log's back");
					}
				}
				case "recovery-codes-regenerated" -> this.recoveryCodes = digest(fields, AuditTrail.RECOVERY_CODES);
				case "second-factor-reset" -> {
					this.enrolled = false;
					this.authenticator = null;
					this.recoveryCodes = AuditTrail.NO_CODES;
				}
				default -> {
					// other changes leave the credentials as they are
				}
			}
			return Optional.empty();
		}

		private static String digest(Map<String, Object> fields, String name) {
			Object digest = fields.get(name);
			return (digest != null) ? digest.toString() : null;
		}

	}

	private static void revokeAll(Map<String, Map<String, Object>> tokens, String login) {
		tokens.values()
			.stream()
			.filter(token -> login.equals(token.get("target")))
			.forEach(token -> token.put("revoked", true));
	}

}
