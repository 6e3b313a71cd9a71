package org.khronika.access.web;

import org.khronika.access.AuditTrail;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The audit trail's codes in the reader's words: what was done (list, login-success,
 * account-added) and what it concerned (a kind of record, a login step, the scope of a
 * search, a report's state). What the trail holds as data (logins, counts, roles) stays
 * as recorded; a code without a message is shown as recorded too.
 */
final class AuditWords {

	/**
	 * A detail of the form {@code scope: value} (a search's scope and count, a report).
	 */
	private static final Pattern SCOPED = Pattern.compile("([a-z][a-z-]*): (.*)");

	/** A file of an intake report, and whether the original was read. */
	private static final Pattern REPORT_FILE = Pattern.compile("report file (\\d+)( \\(original\\))?");

	/** An account's login, or a token's id, and a role. */
	private static final Pattern ROLE = Pattern.compile("(\\S+) ([a-z]+)");

	private final MessageSource messages;

	private final Locale locale;

	AuditWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	String action(String action) {
		return word("audit.action." + action, action);
	}

	String detail(String detail) {
		if (detail == null) {
			return null;
		}
		Matcher scoped = SCOPED.matcher(detail);
		if (scoped.matches()) {
			String value = scoped.group(2);
			if (value.equals(AuditTrail.NO_ONE)) {
				return code(scoped.group(1)) + ": " + word("audit.detail.unassigned", value);
			}
			return code(scoped.group(1)) + ": " + word("report.state." + value, value);
		}
		Matcher withRole = ROLE.matcher(detail);
		if (withRole.matches()) {
			String role = word("role." + withRole.group(2), null);
			if (role != null) {
				return withRole.group(1) + " (" + role + ")";
			}
		}
		Matcher file = REPORT_FILE.matcher(detail);
		if (file.matches()) {
			return word((file.group(2) != null) ? "audit.detail.reportOriginal" : "audit.detail.reportFile", detail,
					file.group(1));
		}
		return code(detail);
	}

	/** A kind of record, another record of the same person, a step of a login, … */
	private String code(String code) {
		if (code.startsWith("same-")) {
			return word("audit.detail.same", code, code(code.substring(5)));
		}
		String kind = word("kind." + code + ".many", null);
		return (kind != null) ? kind : word("audit.detail." + code, code);
	}

	private String word(String key, String otherwise, Object... arguments) {
		return this.messages.getMessage(key, arguments, otherwise, this.locale);
	}

}
