package org.khronika.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.khronika.access.AuditTrail;
import org.khronika.registry.DeepCheck;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The intake tokens in their table against the audit entries that made and revoked them,
 * for the deep check: a token written into the table by one who can write the database
 * would let anything hand in reports, unseen.
 */
class IntakeTokenCheck implements DeepCheck.Part {

	private static final String CREATED = "intake-token-created";

	private static final String REVOKED = "intake-token-revoked";

	private final JdbcTemplate jdbc;

	IntakeTokenCheck(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A token as its entries made it. */
	private static final class Logged {

		final AuditTrail.AccountChange created;

		boolean revoked;

		Logged(AuditTrail.AccountChange created) {
			this.created = created;
		}

		/**
		 * Whether {@code hash} is the token the entry made: by its whole digest, or by
		 * the twelve characters entries carried before it.
		 */
		boolean made(String hash) {
			String recorded = (this.created.sha256() != null) ? this.created.sha256()
					: String.valueOf(this.created.detail());
			String held = (this.created.sha256() != null) ? hash : hash.substring(0, Math.min(12, hash.length()));
			return java.security.MessageDigest.isEqual(recorded.getBytes(StandardCharsets.US_ASCII),
					held.getBytes(StandardCharsets.US_ASCII));
		}

	}

	/**
	 * One line for each token the log did not make (by its label and the first 12
	 * characters of its SHA-256), live though the log revoked it, revoked though the log
	 * did not, or made by the log and missing from the table. A token made before intake
	 * tokens were audited (by a build of 4 to 7 December 2026) is one the log did not
	 * make, until the log revokes it.
	 */
	@Override
	public Set<String> accountChanges() {
		return Set.of(CREATED, REVOKED);
	}

	@Override
	public List<String> differences(List<AuditTrail.AccountChange> changes) {
		Map<String, Logged> logged = new LinkedHashMap<>();
		// tokens made before they were audited, revoked since: harmless, and how one is
		// told to clear them
		Set<String> revokedUnmade = new HashSet<>();
		for (AuditTrail.AccountChange change : changes) {
			if (change.change().equals(CREATED)) {
				logged.put(change.target(), new Logged(change));
			}
			else if (logged.containsKey(change.target())) {
				logged.get(change.target()).revoked = true;
			}
			else {
				revokedUnmade.add(change.target());
			}
		}
		List<String> differences = new ArrayList<>();
		this.jdbc.query("SELECT label, token_hash, revoked FROM intake_token ORDER BY label",
				(RowCallbackHandler) rs -> {
					String label = rs.getString(1);
					String hash = rs.getString(2);
					Logged token = logged.remove(label);
					String named = "intake token " + label + " (" + hash.substring(0, Math.min(12, hash.length()))
							+ ")";
					if (token == null && revokedUnmade.contains(label) && rs.getBoolean(3)) {
						return;
					}
					if (token == null || !token.made(hash)) {
						differences.add(named + " is in the table, but no log entry made it");
					}
					else if (token.revoked != rs.getBoolean(3)) {
						differences.add(named + " is "
								+ (token.revoked ? "revoked in the log, but live" : "live in the log, but revoked")
								+ " in the table");
					}
				});
		logged.keySet()
			.forEach(label -> differences.add("intake token " + label + " is in the log, but missing from the table"));
		return differences;
	}

}
