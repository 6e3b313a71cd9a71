package org.khronika.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.khronika.crypto.Sealer;
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
 * entry (who, what, when; record ids, never content) to the audit trail's own hash chain,
 * which has its own lock, so that no read waits for the log's writers. Account changes
 * and logins are appended at once, in the transaction of the change. Reads are queued and
 * committed in groups by an {@link AuditWriter} thread: the reader is shown the records
 * while their entry is being committed, and a crash can lose the entries of the last
 * moment's reads (never a change). {@code audit_trail} is the read table, rebuilt from
 * the chain and from the audit entries older releases wrote into the log.
 */
public class AuditTrail implements AutoCloseable {

	/**
	 * Whom an entry's detail names when an action is given to no account (a report
	 * assigned to no one): not a login, as no login has a space.
	 */
	public static final String NO_ONE = "no one";

	/** The most entries one look at the trail shows. */
	public static final int MOST_SHOWN = 1000;

	/** The stream every audit entry belongs to. */
	static final String STREAM = "audit";

	static final String READ = "audit.read";

	static final String LOGIN = "audit.login";

	static final String ACCOUNT = "audit.account";

	static final String PASSWORD = "password";

	static final String AUTHENTICATOR = "authenticator";

	static final String RECOVERY_CODES = "recoveryCodes";

	/** No recovery codes. */
	static final String NO_CODES = Sha256.ofSet(List.of());

	static final String SEARCH = "audit.search";

	/**
	 * The subject whose data key seals the words of every search: a query is itself a
	 * name.
	 */
	static final String SEARCH_SUBJECT = "audit-search";

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

	private static final String INSERT_ROW = "INSERT INTO audit_trail (seq, at, actor, action, detail, record_id) VALUES (?, ?, ?, ?, ?, ?)";

	/**
	 * The records' log, where releases before the audit chain wrote their audit entries.
	 */
	private final EventLog records;

	/** The audit trail's chain. */
	private final EventLog chain;

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	private final AuditWriter writer;

	private final Sealer sealer;

	AuditTrail(EventLog records, EventLog chain, JdbcTemplate jdbc, AccessPolicy policy, Sealer sealer) {
		this.sealer = sealer;
		this.records = records;
		this.chain = chain;
		this.jdbc = jdbc;
		this.policy = policy;
		this.writer = new AuditWriter(group -> this.chain.write(appender -> {
			List<Object[]> rows = new ArrayList<>();
			group.forEach(entry -> rows.addAll(rows(appender.append(entry))));
			this.jdbc.batchUpdate(INSERT_ROW, rows);
			return null;
		}));
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
	 * history, choose, export…), through the group-committing writer: returns without
	 * waiting for the database, unless the writer's queue is full. Nothing is written
	 * when no record was shown.
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
		this.writer.enqueue(pending(READ, actor.login(), fields));
	}

	/**
	 * Records that {@code actor} searched for {@code query} in {@code scope} (all, or a
	 * kind), found {@code found} records and was shown {@code recordIds}. Written even
	 * when nothing was found. The query's words are sealed; the trail shows who searched,
	 * when and how much was found, and the records shown.
	 */
	public void search(Actor actor, String query, String scope, long found, List<String> recordIds) {
		Map<String, Object> fields = new TreeMap<>();
		fields.put("action", "search");
		fields.put("detail", scope + ": " + found);
		fields.put("records", List.copyOf(recordIds));
		fields.put("role", actor.role().code());
		EntryIdentity identity = EntryIdentity.next(STREAM);
		byte[] sealed = this.sealer.seal(SEARCH_SUBJECT, query.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				identity.associatedData());
		this.writer
			.enqueue(new PendingEntry(identity, SEARCH, 1, actor.login(), JSON.writeValueAsString(fields), sealed));
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
		account(by, change, target, detail, Map.of());
	}

	/**
	 * Runs {@code work}, a change to a credential another module keeps (an intake token),
	 * and records it as an account change, in one transaction: the change and its entry
	 * stand or fall together.
	 */
	public void account(String by, String change, String target, String detail, Runnable work) {
		change(() -> {
			work.run();
			account(by, change, target, detail);
		});
	}

	/**
	 * Runs {@code work}, which makes a credential another module keeps (an intake token)
	 * whose SHA-256 is {@code sha256}, and records it as an account change whose detail
	 * is the digest's first 12 characters and which carries it whole, in one transaction:
	 * so that the module can tell a credential Khronika made from one written into its
	 * table ({@link #replayChecking}).
	 */
	public void credential(String by, String change, String target, String sha256, Runnable work) {
		change(() -> {
			work.run();
			account(by, change, target, sha256.substring(0, 12), Map.of("hash", sha256));
		});
	}

	/**
	 * One account change as its entry on the audit chain recorded it.
	 *
	 * @param detail its detail, or null
	 * @param sha256 the whole SHA-256 of the credential it made ({@link #credential}), or
	 * null if it made none or was recorded before entries carried it
	 */
	public record AccountChange(String change, String target, String detail, String sha256) {
	}

	/**
	 * What one replay of the audit entries found, for the deep check
	 * ({@link #replayChecking}).
	 *
	 * @param accountDifferences the accounts and API tokens against their entries, as
	 * {@link #accountDifferences} says them
	 * @param changes the account changes of the kinds asked for, oldest first
	 */
	public record Checked(List<String> accountDifferences, List<AccountChange> changes) {
	}

	/**
	 * Records an account change that sets credentials, with the SHA-256 of each as the
	 * tables now hold it: {@value #PASSWORD} (the salted Argon2id hash),
	 * {@value #AUTHENTICATOR} (the sealed secret), {@value #RECOVERY_CODES} (their
	 * hashes, {@link Sha256#ofSet}). {@link #accountDifferences} tells credentials
	 * Khronika set from ones written into the tables by them. Nothing can be guessed from
	 * a digest of a salted hash, a sealed secret or the hashes of random codes.
	 */
	void account(String by, String change, String target, String detail, Map<String, String> credentials) {
		Map<String, Object> fields = new TreeMap<>(credentials);
		fields.put("change", change);
		fields.put("target", target);
		if (detail != null) {
			fields.put("detail", detail);
		}
		append(ACCOUNT, by, fields);
	}

	/**
	 * Records a new API token: its public id and role as the trail shows them, and its
	 * whole SHA-256 and expiry, so that {@link #accountDifferences} can tell a token
	 * Khronika made from one written into the table.
	 */
	void token(String by, String login, String hash, String role, String expires) {
		Map<String, Object> fields = new TreeMap<>();
		fields.put("change", "token-created");
		fields.put("target", login);
		fields.put("detail", hash.substring(0, 12) + " " + role);
		fields.put("hash", hash);
		fields.put("expires", expires);
		append(ACCOUNT, by, fields);
	}

	/**
	 * The accounts and API tokens as their audit entries made them, against the
	 * {@code account} and {@code api_token} tables: every row no entry explains, and
	 * every role, state, owner or expiry that differs, one line each, naming the login or
	 * the token's public id; empty when they agree. An inserted admin token or a role
	 * changed in the table is found here; so is a password, an authenticator or a
	 * recovery code that no entry set (where the entries say what they set: those from
	 * before they did are taken on trust), an authenticator removed, and an account that
	 * enrolled a new one though the log never removed the one before (which is how a
	 * password written into the table would be followed by an authenticator of one's
	 * own).
	 */
	public List<String> accountDifferences() {
		flush();
		// the entries and the tables read at one moment: an account changed while they
		// are read (its entry and its row commit together) is never taken for one changed
		// behind the log's back
		org.springframework.transaction.support.TransactionTemplate moment = new org.springframework.transaction.support.TransactionTemplate(
				new org.springframework.jdbc.datasource.DataSourceTransactionManager(this.jdbc.getDataSource()));
		moment.setReadOnly(true);
		if (Boolean.TRUE.equals(this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.equals("PostgreSQL")))) {
			moment.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
		}
		return moment.execute(status -> {
			AccountCheck accounts = new AccountCheck(Set.of());
			this.records.replay(accounts);
			this.chain.replay(accounts);
			return accounts.differences(this.jdbc);
		});
	}

	/**
	 * Runs an account change and the audit entries it appends in one transaction, holding
	 * the audit chain's lock from the start (so that the change and the group writer
	 * never wait for each other's locks).
	 */
	<T> T change(Supplier<T> work) {
		return this.chain.write(appender -> work.get());
	}

	void change(Runnable work) {
		change(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Waits until every read audited before this call is committed; the audit pages and
	 * commands call it, so that they show every read made before them.
	 */
	public void flush() {
		this.writer.flush();
	}

	/**
	 * Commits what is queued and signs a checkpoint at the head of the audit chain, if it
	 * has entries the last checkpoint does not cover; for the server's shutdown.
	 */
	public void checkpoint() {
		flush();
		this.chain.checkpoint();
	}

	/** Commits what is queued and stops the writer's thread. */
	@Override
	public void close() {
		this.writer.close();
	}

	private void append(String type, String actor, Map<String, Object> fields) {
		PendingEntry entry = pending(type, actor, fields);
		this.chain.write(appender -> {
			project(appender.append(entry));
			return null;
		});
	}

	private static PendingEntry pending(String type, String actor, Map<String, Object> fields) {
		return new PendingEntry(EntryIdentity.next(STREAM), type, 1, actor, JSON.writeValueAsString(fields), null);
	}

	/**
	 * The latest entries by {@code login}, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> byUser(Actor reader, String login, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		flush();
		return items("actor = ?", login, limit);
	}

	/**
	 * The latest entries that touched record {@code recordId}, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> byRecord(Actor reader, String recordId, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		flush();
		return items("seq IN (SELECT seq FROM audit_trail WHERE record_id = ?)", recordId, limit);
	}

	/**
	 * The latest entries, newest first.
	 * @throws AccessRefused unless {@code reader} may read the audit trail
	 */
	public List<Item> latest(Actor reader, int limit) {
		AccessRefused.unless(this.policy.may(reader, Capability.READ_AUDIT));
		flush();
		return items("1 = ?", 1, limit);
	}

	private List<Item> items(String condition, Object argument, int limit) {
		List<Long> sequences = this.jdbc.query("SELECT DISTINCT seq FROM audit_trail WHERE " + condition
				+ " ORDER BY seq DESC LIMIT " + Math.max(1, Math.min(limit, MOST_SHOWN)), (rs, n) -> rs.getLong(1),
				argument);
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
	 * Rebuilds {@code audit_trail} in one transaction, from the audit entries older
	 * releases wrote into the log and then from the audit chain.
	 * @return the number of audit entries replayed
	 */
	public long rebuild() {
		flush();
		return this.chain.write(appender -> replayInto());
	}

	/**
	 * Rebuilds {@code audit_trail} in the caller's transaction, from the audit entries of
	 * the records' log and then of the chain.
	 * @return the number of audit entries replayed
	 */
	private long replayInto() {
		this.jdbc.update("DELETE FROM audit_trail");
		long[] count = { 0 };
		java.util.function.Consumer<LogEntry> replay = projecting(entry -> {
			if (isAudit(entry)) {
				count[0]++;
			}
		});
		this.records.replay(replay);
		this.chain.replay(replay);
		return count[0];
	}

	/**
	 * For the deep check, in the caller's transaction, which it rolls back: a replay of
	 * the audit entries that the caller feeds the records' log to as it reads it for its
	 * own ({@link Replay#accept}), and that then reads the audit chain
	 * ({@link Replay#finish}), without flushing the reads waiting to be written (they
	 * would be rolled back with it). It rebuilds {@code audit_trail} as {@link #rebuild}
	 * does, checks the accounts and API tokens against the entries that made them (as
	 * {@link #accountDifferences} does, at the moment of the caller's transaction), and
	 * hands back the account changes of the kinds in {@code changes}, for the modules
	 * that check credentials of their own against the entries that made them.
	 */
	public Replay replayChecking(Set<String> changes) {
		this.jdbc.update("DELETE FROM audit_trail");
		return new Replay(new AccountCheck(changes));
	}

	/** A replay of the audit entries for the deep check ({@link #replayChecking}). */
	public final class Replay implements java.util.function.Consumer<LogEntry> {

		private final AccountCheck accounts;

		private final java.util.function.Consumer<LogEntry> replay;

		private Replay(AccountCheck accounts) {
			this.accounts = accounts;
			this.replay = projecting(accounts);
		}

		/** Follows one entry of the records' log, in the log's order. */
		@Override
		public void accept(LogEntry entry) {
			this.replay.accept(entry);
		}

		/**
		 * Reads the audit chain, once every entry of the records' log was followed, and
		 * holds the accounts against their tables.
		 */
		public Checked finish() {
			AuditTrail.this.chain.replay(this.replay);
			return new Checked(this.accounts.differences(AuditTrail.this.jdbc), this.accounts.changes());
		}

	}

	/**
	 * Projects each audit entry it is given into {@code audit_trail}, and hands every
	 * entry to {@code also} as well.
	 */
	private java.util.function.Consumer<LogEntry> projecting(java.util.function.Consumer<LogEntry> also) {
		return entry -> {
			if (isAudit(entry)) {
				project(entry);
			}
			also.accept(entry);
		};
	}

	private static boolean isAudit(LogEntry entry) {
		return entry.type().startsWith("audit.");
	}

	private void project(LogEntry entry) {
		this.jdbc.batchUpdate(INSERT_ROW, rows(entry));
	}

	/**
	 * The rows of the {@code audit_trail} table for {@code entry}: one per record a read
	 * showed, one for a login or an account change.
	 */
	private static List<Object[]> rows(LogEntry entry) {
		Map<String, Object> fields = JSON.readValue(entry.publicPart(), new TypeReference<Map<String, Object>>() {
		});
		String at = entry.recordedAt().toString();
		return switch (entry.type()) {
			case READ, SEARCH -> {
				String action = (String) fields.get("action");
				String detail = (String) fields.get("detail");
				List<Object[]> rows = new ArrayList<>();
				for (Object record : (List<?>) fields.get("records")) {
					rows.add(new Object[] { entry.sequence(), at, entry.actor(), action, detail, record.toString() });
				}
				if (rows.isEmpty()) {
					// a search that found nothing is still on the trail
					rows.add(new Object[] { entry.sequence(), at, entry.actor(), action, detail, null });
				}
				yield rows;
			}
			case LOGIN -> List.<Object[]>of(new Object[] { entry.sequence(), at, entry.actor(),
					"login-" + fields.get("outcome"), fields.get("step"), null });
			case ACCOUNT -> List.<Object[]>of(new Object[] { entry.sequence(), at, entry.actor(),
					"account-" + fields.get("change"),
					fields.get("target") + (fields.containsKey("detail") ? " " + fields.get("detail") : ""), null });
			default -> throw new IllegalArgumentException("not an audit entry: " + entry.type());
		};
	}

}
