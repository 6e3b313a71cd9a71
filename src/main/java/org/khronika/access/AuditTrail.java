package org.khronika.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every read of records, every login and every account change appends an
 * entry to the log (who, what, when; record ids, never content), in the same hash chain
 * as the registry's changes. Entries are written before what they describe is shown.
 * {@code audit_trail} is their read table, rebuilt from the log like the others.
 */
public class AuditTrail {

	/** The stream every audit entry belongs to. */
	static final String STREAM = "audit";

	static final String READ = "audit.read";

	static final String LOGIN = "audit.login";

	static final String ACCOUNT = "audit.account";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	AuditTrail(EventLog log, JdbcTemplate jdbc, AccessPolicy policy) {
		this.log = log;
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * One entry of the audit trail.
	 *
	 * @param detail what was done beyond the action: the kind listed, the login step that
	 * failed, the account changed
	 * @param recordIds the records it touched, if any
	 */
	public record Item(long sequence, Instant at, String actor, String action, String detail, List<String> recordIds) {

		public Item {
			recordIds = List.copyOf(recordIds);
		}

	}

	/**
	 * Records that {@code actor} was shown {@code recordIds} ({@code action}: read, list,
	 * history, choose, export…). Nothing is written when no record was shown.
	 */
	public void read(Actor actor, String action, String detail, List<String> recordIds) {
		if (recordIds.isEmpty()) {
			return;
		}
		Map<String, Object> fields = new TreeMap<>();
		fields.put("action", action);
		if (detail != null) {
			fields.put("detail", detail);
		}
		fields.put("records", List.copyOf(recordIds));
		fields.put("role", actor.role().code());
		append(READ, actor.login(), fields);
	}

	/**
	 * Records a login attempt. {@code login} is the account's login; for an attempt on a
	 * login that does not exist pass null: what was typed may be a password.
	 * @param step {@code password}, {@code code}, {@code recovery-code}, {@code token}
	 */
	public void login(String login, boolean succeeded, String step) {
		Map<String, Object> fields = new TreeMap<>();
		fields.put("outcome", succeeded ? "success" : "failure");
		fields.put("step", step);
		append(LOGIN, (login != null) ? login : "(unknown login)", fields);
	}

	/**
	 * Records an account change by {@code by} (a login, or {@code cli}) on {@code target}
	 * ({@code added}, {@code disabled}, {@code role-changed}, {@code password-changed},
	 * {@code token-created}…).
	 */
	public void account(String by, String change, String target, String detail) {
		Map<String, Object> fields = new TreeMap<>();
		fields.put("change", change);
		fields.put("target", target);
		if (detail != null) {
			fields.put("detail", detail);
		}
		append(ACCOUNT, by, fields);
	}

	private void append(String type, String actor, Map<String, Object> fields) {
		String publicPart = JSON.writeValueAsString(fields);
		this.log.write(appender -> {
			LogEntry entry = appender
				.append(new PendingEntry(EntryIdentity.next(STREAM), type, 1, actor, publicPart, null));
			project(entry);
			return entry;
		});
	}

	/**
	 * The latest entries by {@code login}, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> byUser(Actor reader, String login, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		return items("actor = ?", login, limit);
	}

	/**
	 * The latest entries that touched record {@code recordId}, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> byRecord(Actor reader, String recordId, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		return items("seq IN (SELECT seq FROM audit_trail WHERE record_id = ?)", recordId, limit);
	}

	/**
	 * The latest entries, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> latest(Actor reader, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		return items("1 = ?", 1, limit);
	}

	private List<Item> items(String condition, Object argument, int limit) {
		List<Long> sequences = this.jdbc.query("SELECT DISTINCT seq FROM audit_trail WHERE " + condition
				+ " ORDER BY seq DESC LIMIT " + Math.max(1, Math.min(limit, 1000)), (rs, n) -> rs.getLong(1), argument);
		if (sequences.isEmpty()) {
			return List.of();
		}
		// one query for the rows of every entry, not one per entry
		Map<Long, List<Map<String, Object>>> rowsByEntry = new java.util.LinkedHashMap<>();
		sequences.forEach(seq -> rowsByEntry.put(seq, new ArrayList<>()));
		this.jdbc
			.queryForList(
					"SELECT seq, at, actor, action, detail, record_id FROM audit_trail WHERE seq IN ("
							+ String.join(", ", java.util.Collections.nCopies(sequences.size(), "?")) + ")",
					sequences.toArray())
			.forEach(row -> rowsByEntry.get(((Number) row.get("seq")).longValue()).add(row));
		List<Item> items = new ArrayList<>();
		rowsByEntry.forEach((seq, rows) -> {
			Map<String, Object> first = rows.get(0);
			List<String> records = rows.stream()
				.map(r -> (String) r.get("record_id"))
				.filter(java.util.Objects::nonNull)
				.toList();
			items.add(new Item(seq, Instant.parse((String) first.get("at")), (String) first.get("actor"),
					(String) first.get("action"), (String) first.get("detail"), records));
		});
		return items;
	}

	/**
	 * Rebuilds {@code audit_trail} from the log in one transaction.
	 * @return the number of audit entries replayed
	 */
	public long rebuild() {
		return this.log.write(appender -> {
			this.jdbc.update("DELETE FROM audit_trail");
			long[] count = { 0 };
			this.log.replay(entry -> {
				if (entry.type().startsWith("audit.")) {
					project(entry);
					count[0]++;
				}
			});
			return count[0];
		});
	}

	private void project(LogEntry entry) {
		Map<String, Object> fields = JSON.readValue(entry.publicPart(), new TypeReference<Map<String, Object>>() {
		});
		String at = entry.recordedAt().toString();
		String sql = "INSERT INTO audit_trail (seq, at, actor, action, detail, record_id) VALUES (?, ?, ?, ?, ?, ?)";
		switch (entry.type()) {
			case READ -> {
				String action = (String) fields.get("action");
				String detail = (String) fields.get("detail");
				for (Object record : (List<?>) fields.get("records")) {
					this.jdbc.update(sql, entry.sequence(), at, entry.actor(), action, detail, record.toString());
				}
			}
			case LOGIN -> this.jdbc.update(sql, entry.sequence(), at, entry.actor(), "login-" + fields.get("outcome"),
					fields.get("step"), null);
			case ACCOUNT ->
				this.jdbc.update(sql, entry.sequence(), at, entry.actor(), "account-" + fields.get("change"),
						fields.get("target") + (fields.containsKey("detail") ? " " + fields.get("detail") : ""), null);
			default -> throw new IllegalArgumentException("not an audit entry: " + entry.type());
		}
	}

}
