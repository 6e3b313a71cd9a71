package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.khronika.access.AuditTrail;
import org.khronika.eventlog.EventLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables beside the log checked against it ({@code verify-log --deep}, and the server
 * at start or on a schedule when asked): in one transaction that is rolled back, every
 * table is read, the read tables (records, links, access, facts, the audit trail) are
 * rebuilt from the log, every table is read again, and each row that differs, is missing
 * or is one too many is named by its table and primary key (ids, sequences, logins, never
 * a sealed value). Accounts, roles and API tokens are checked against the audit entries
 * that made them, the tables of other modules by their own {@link Part}s, all in one
 * reading of the log (the registry's replay hands each entry on to the audit trail's) and
 * one of the audit chain ({@link AuditTrail#replayChecking}). While it runs, writers
 * wait: on SQLite for the database's lock, on PostgreSQL for rows it rebuilds.
 */
public class DeepCheck {

	private static final Set<String> SKIPPED = Set.of("projection_position", "flyway_schema_history");

	private final Registry registry;

	private final AuditTrail audit;

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final java.util.function.Supplier<List<Part>> parts;

	DeepCheck(Registry registry, AuditTrail audit, EventLog log, DataSource dataSource, boolean postgres,
			java.util.function.Supplier<List<Part>> parts) {
		this.registry = registry;
		this.audit = audit;
		this.log = log;
		this.parts = parts;
		this.jdbc = new JdbcTemplate(dataSource);
		// PostgreSQL hands over a table's rows in batches only when asked to
		this.jdbc.setFetchSize(1000);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		if (postgres) {
			// one moment of the database for the rows before and the log replayed
			this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		}
	}

	/**
	 * A part of the check that another module keeps: tables it writes beside the log that
	 * no replay of the registry rebuilds, checked against the log's entries for them, and
	 * credentials it keeps, against the audit entries that made them.
	 */
	public interface Part {

		/**
		 * The kinds of account change on the audit chain (an entry's {@code change}) that
		 * make and revoke the credentials this part keeps; none unless it keeps some.
		 */
		default Set<String> accountChanges() {
			return Set.of();
		}

		/**
		 * Each row that differs, one line; empty when the tables agree with the log.
		 * @param changes the account changes of the kinds {@link #accountChanges} names,
		 * oldest first, from the check's one replay of the audit chain
		 */
		List<String> differences(List<AuditTrail.AccountChange> changes);

	}

	/**
	 * What the check found: the differences (none when the tables agree with the log).
	 */
	public record Result(List<String> differences, long rows, int tables) {

		public boolean agrees() {
			return this.differences.isEmpty();
		}

	}

	public Result run() {
		List<Part> parts = this.parts.get();
		Set<String> accountChanges = new java.util.HashSet<>();
		parts.forEach(part -> accountChanges.addAll(part.accountChanges()));
		return this.transactions.execute(status -> {
			status.setRollbackOnly();
			List<String> names = tables();
			Map<String, List<String>> keys = new HashMap<>();
			Map<String, Map<String, String>> before = new LinkedHashMap<>();
			for (String table : names) {
				keys.put(table, primaryKey(table));
				Map<String, String> digests = new HashMap<>();
				rows(table, keys.get(table), digests::put);
				before.put(table, digests);
			}
			long count = before.values().stream().mapToLong(Map::size).sum();
			AuditTrail.Replay auditReplay = this.audit.replayChecking(accountChanges);
			this.registry.replayInto(auditReplay);
			AuditTrail.Checked audit = auditReplay.finish();
			List<String> differences = new ArrayList<>();
			for (String table : names) {
				Map<String, String> was = before.get(table);
				rows(table, keys.get(table), (key, digest) -> {
					String had = was.remove(key);
					if (had == null) {
						differences.add(table + " row " + key + " is missing: the log makes it");
					}
					else if (!had.equals(digest)) {
						differences.add(table + " row " + key + " is not what the log makes it (it differs)");
					}
				});
				was.keySet()
					.forEach(key -> differences
						.add(table + " row " + key + " is not what the log makes it (the log has no such row)"));
			}
			// in the same transaction: the parts and the accounts are read with the
			// log at one moment
			for (Part part : parts) {
				differences.addAll(part.differences(audit.changes()
					.stream()
					.filter(change -> part.accountChanges().contains(change.change()))
					.toList()));
			}
			differences.addAll(audit.accountDifferences());
			return new Result(differences, count, names.size());
		});
	}

	/**
	 * Runs the check and, if a table differs, stops every write to the log, saying why.
	 * @return the result
	 */
	public Result runAndHaltOnDifference() {
		Result result = run();
		if (!result.agrees()) {
			this.log.halt("the deep check found " + result.differences().size()
					+ " rows that differ from the log, the first: " + result.differences().get(0)
					+ "; run 'verify-log --deep' to see them all");
		}
		return result;
	}

	/** The tables beside the log. */
	private List<String> tables() {
		return this.jdbc.execute((java.sql.Connection connection) -> {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = connection.getMetaData()
				.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					if (!name.startsWith("sqlite_") && !SKIPPED.contains(name)) {
						names.add(name);
					}
				}
			}
			return names;
		});
	}

	/**
	 * Hands each row of {@code table} to {@code row}: the row's key, which names it in a
	 * difference, and a digest of the whole row. The key is the values of the columns
	 * {@code key} (the table's primary key); for a table without one, the first column,
	 * the digest's start and which of the rows alike it is. Read a batch at a time, never
	 * the whole table at once.
	 */
	private void rows(String table, List<String> key, java.util.function.BiConsumer<String, String> row) {
		Map<String, Integer> alike = new HashMap<>();
		this.jdbc.query("SELECT * FROM " + table, (ResultSet rs) -> {
			String digest = digest(rs);
			StringBuilder name = new StringBuilder();
			for (String column : key) {
				name.append((name.length() > 0) ? " / " : "").append(rs.getString(column));
			}
			if (key.isEmpty()) {
				name.append(rs.getString(1))
					.append(" (")
					.append(digest, 0, 12)
					.append(", ")
					.append(alike.merge(digest, 1, Integer::sum))
					.append(')');
			}
			row.accept(name.toString(), digest);
		});
	}

	/**
	 * The columns of the table's primary key, in the key's order; none if it has none.
	 */
	private List<String> primaryKey(String table) {
		return this.jdbc.execute((java.sql.Connection connection) -> {
			java.util.SortedMap<Short, String> columns = new java.util.TreeMap<>();
			try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
				while (rs.next()) {
					columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
				}
			}
			return List.copyOf(columns.values());
		});
	}

	private static String digest(ResultSet rs) throws SQLException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			ResultSetMetaData meta = rs.getMetaData();
			for (int c = 1; c <= meta.getColumnCount(); c++) {
				Object value = rs.getObject(c);
				byte[] bytes = (value instanceof byte[] raw) ? raw
						: String.valueOf(normalise(value)).getBytes(StandardCharsets.UTF_8);
				sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
				sha.update((byte) ':');
				sha.update(bytes);
			}
			return java.util.HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** SQLite keeps a flag as 0 or 1, PostgreSQL as a boolean: either reads the same. */
	private static Object normalise(Object value) {
		return (value instanceof Boolean flag) ? (flag ? 1 : 0) : value;
	}

}
