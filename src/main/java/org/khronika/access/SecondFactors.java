package org.khronika.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.crypto.SealedDataException;
import org.khronika.crypto.Sealer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second factor: a TOTP authenticator (RFC 6238) and ten one-time recovery codes. The
 * TOTP secret is sealed under the account's own key; recovery codes are stored as hashes.
 * A code is never accepted twice: the last accepted time step is remembered and only
 * later ones pass, and a recovery code is spent by the same statement that checks it.
 */
public class SecondFactors {

	private static final Log logger = LogFactory.getLog(SecondFactors.class);

	static final int RECOVERY_CODES = 10;

	private static final String ISSUER = "Khronika";

	private final JdbcTemplate jdbc;

	/** An enrolment (secret, recovery codes, audit entry) commits whole or not at all. */
	private final Sealer sealer;

	private final Clock clock;

	private final AuditTrail audit;

	private final AccessPolicy policy;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(JdbcTemplate jdbc, Sealer sealer, Clock clock, AuditTrail audit, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.clock = clock;
		this.audit = audit;
		this.policy = policy;
	}

	/**
	 * A secret offered for enrolment, not yet stored: it is kept in the user's session
	 * until they prove their app holds it. {@code toString} hides it.
	 */
	public static final class Enrolment {

		private final String login;

		private final byte[] secret;

		Enrolment(String login, byte[] secret) {
			this.login = login;
			this.secret = secret.clone();
		}

		public String login() {
			return this.login;
		}

		/** The secret in Base32, for typing into an app by hand. */
		public String secretText() {
			return Totp.base32(this.secret).replaceAll("(.{4})(?!$)", "$1 ");
		}

		/** The QR code of the {@code otpauth://} URI, as an SVG element. */
		public String qrSvg() {
			return QrCode.svg(Totp.uri(ISSUER, this.login, this.secret));
		}

		@Override
		public String toString() {
			return "Enrolment[" + this.login + ", secret hidden]";
		}

	}

	public boolean isEnrolled(String login) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM second_factor WHERE login = ?", Integer.class,
				login);
		return count != null && count > 0;
	}

	/** A fresh secret for {@code login} to enrol. */
	public Enrolment begin(String login) {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		return new Enrolment(login, secret);
	}

	/**
	 * Stores the enrolment if {@code code} is a current code of its secret, and returns
	 * the new recovery codes (shown once); empty if the code is wrong. Replaces any
	 * earlier authenticator and recovery codes of the account.
	 */
	public List<String> confirm(Enrolment enrolment, String code) {
		long step = Totp.matchingStep(enrolment.secret, code, this.clock.instant());
		if (step < 0) {
			return List.of();
		}
		String login = enrolment.login;
		byte[] sealed = this.sealer.seal(subject(login), enrolment.secret, associatedData(login));
		return this.audit.change(() -> store(login, sealed, step));
	}

	private List<String> store(String login, byte[] sealed, long step) {
		if (this.jdbc.update("DELETE FROM second_factor WHERE login = ?", login) > 0) {
			// the log must say the one before is gone: an enrolment over one it still
			// holds is how the deep check finds one taken out behind its back
			this.audit.account(login, "second-factor-reset", login, null);
		}
		this.jdbc.update("INSERT INTO second_factor (login, sealed, last_step, enrolled_at) VALUES (?, ?, ?, ?)", login,
				sealed, step, this.clock.instant().toString());
		List<String> codes = newRecoveryCodes(login);
		this.audit.account(login, "second-factor-enrolled", login, null,
				Map.of(AuditTrail.AUTHENTICATOR, Sha256.hex(sealed), AuditTrail.RECOVERY_CODES, recoveryDigest(codes)));
		return codes;
	}

	/** The recovery codes as the audit trail keeps them: one digest of their hashes. */
	private static String recoveryDigest(List<String> codes) {
		return Sha256.ofSet(codes.stream().map(Sha256::hex).toList());
	}

	/** Replaces the recovery codes of {@code login} with new ones, and returns them. */
	private List<String> newRecoveryCodes(String login) {
		this.jdbc.update("DELETE FROM recovery_code WHERE login = ?", login);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[10];
			this.random.nextBytes(bytes);
			String recovery = Totp.base32(bytes).toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-");
			this.jdbc.update("INSERT INTO recovery_code (code_hash, login) VALUES (?, ?)", Sha256.hex(recovery), login);
			codes.add(recovery);
		}
		return codes;
	}

	/**
	 * New recovery codes for {@code login} in place of all earlier ones (shown once), if
	 * {@code code} is the authenticator's current code or an unspent recovery code (then
	 * spent): a stolen session alone cannot make codes for itself. Empty if the code is
	 * wrong or no authenticator is set up.
	 */
	public List<String> regenerateRecoveryCodes(String login, String code) {
		if (!isEnrolled(login) || !(verify(login, code) || useRecoveryCode(login, code))) {
			return List.of();
		}
		return this.audit.change(() -> {
			List<String> codes = newRecoveryCodes(login);
			this.audit.account(login, "recovery-codes-regenerated", login, null,
					Map.of(AuditTrail.RECOVERY_CODES, recoveryDigest(codes)));
			return codes;
		});
	}

	/**
	 * Whether every one of {@code codes} is an unspent recovery code of {@code login}:
	 * the download of the codes just shown gives back only those.
	 */
	public boolean areUnspentRecoveryCodes(String login, List<String> codes) {
		if (codes.isEmpty() || codes.size() > RECOVERY_CODES) {
			return false;
		}
		for (String code : codes) {
			Integer count = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM recovery_code WHERE login = ? AND code_hash = ? AND used_at IS NULL",
					Integer.class, login, Sha256.hex(normalised(code)));
			if (count == null || count != 1) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether {@code code} is the account's TOTP code for now (one step either side), and
	 * no code of that step or a later one was accepted before. Accepting it spends its
	 * step.
	 */
	public boolean verify(String login, String code) {
		List<byte[]> sealed = this.jdbc.query("SELECT sealed FROM second_factor WHERE login = ?",
				(rs, n) -> rs.getBytes(1), login);
		if (sealed.isEmpty()) {
			return false;
		}
		byte[] secret;
		try {
			secret = this.sealer.open(subject(login), sealed.get(0), associatedData(login)).orElse(null);
		}
		catch (SealedDataException ex) {
			// Refused like a wrong code: a secret changed in the table proves nothing.
			logger.error("the authenticator of account " + login + " does not open (" + ex.getMessage()
					+ "); its codes are refused (a recovery code still logs in) until an admin resets its second "
					+ "factor: verify-log --deep names the change");
			return false;
		}
		if (secret == null) {
			return false;
		}
		long step = Totp.matchingStep(secret, code, this.clock.instant());
		java.util.Arrays.fill(secret, (byte) 0);
		// one statement checks and spends the step, so two requests cannot both use it
		return step >= 0 && this.jdbc.update("UPDATE second_factor SET last_step = ? WHERE login = ? AND last_step < ?",
				step, login, step) == 1;
	}

	/**
	 * Spends the recovery code {@code code} of {@code login}; false if unknown or spent.
	 */
	public boolean useRecoveryCode(String login, String code) {
		if (code == null) {
			return false;
		}
		return this.jdbc.update(
				"UPDATE recovery_code SET used_at = ? WHERE code_hash = ? AND login = ? AND used_at IS NULL",
				this.clock.instant().toString(), Sha256.hex(normalised(code)), login) == 1;
	}

	/**
	 * A recovery code as it was made: lower case, in groups of four, whatever was typed.
	 */
	private static String normalised(String code) {
		return code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z2-7]", "").replaceAll("(.{4})(?!$)", "$1-");
	}

	/** How many unspent recovery codes {@code login} has. */
	public int recoveryCodesLeft(String login) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM recovery_code WHERE login = ? AND used_at IS NULL", Integer.class, login);
		return (count != null) ? count : 0;
	}

	/**
	 * Removes the authenticator and recovery codes of {@code login} (a lost phone): they
	 * enrol again at their next login.
	 */
	public void reset(Actor by, String login) {
		AccessRefused.unless(this.policy.may(by, Capability.MANAGE_USERS));
		this.audit.change(() -> {
			this.jdbc.update("DELETE FROM second_factor WHERE login = ?", login);
			this.jdbc.update("DELETE FROM recovery_code WHERE login = ?", login);
			this.audit.account(by.login(), "second-factor-reset", login, null);
		});
	}

	private static String subject(String login) {
		return "account:" + login;
	}

	private static byte[] associatedData(String login) {
		return ("khronika-totp/1|" + login).getBytes(StandardCharsets.UTF_8);
	}

}
