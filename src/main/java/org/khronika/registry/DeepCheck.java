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
 * rebuilt from the log, every table is read again, and each row that differs is named by
 * its table and first column (an id or a sequence, never a sealed value). Accounts, roles
 * and API tokens are checked against the audit entries that made them
 * ({@link AuditTrail#accountDifferences}). While it runs, writers wait: on SQLite for the
 * database's lock, on PostgreSQL for rows it rebuilds.
 */
public class DeepCheck {

	private static final Set<String> SKIPPED = Set.of("projection_position", "flyway_schema_history");

	private final Registry registry;

	private final AuditTrail audit;

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	DeepCheck(Registry registry, AuditTrail audit, EventLog log, DataSource dataSource, boolean postgres) {
		this.registry = registry;
		this.audit = audit;
		this.log = log;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		if (postgres) {
			// one moment of the database for the rows before and the log replayed
			this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		}
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
		Result tables = this.transactions.execute(status -> {
			status.setRollbackOnly();
			Map<String, Map<String, String>> before = rows();
			this.registry.replayInto();
			this.audit.replayInto();
			Map<String, Map<String, String>> after = rows();
			List<String> differences = new ArrayList<>();
			long count = 0;
			for (String table : before.keySet()) {
				Map<String, String> was = before.get(table);
				Map<String, String> should = after.getOrDefault(table, Map.of());
				count += was.size();
				was.forEach((digest, key) -> {
					if (!should.containsKey(digest)) {
						differences.add(table + " row " + key + " is not what the log makes it"
								+ (should.containsValue(key) ? " (it differs)" : " (the log has no such row)"));
					}
				});
				should.forEach((digest, key) -> {
					if (!was.containsKey(digest) && !was.containsValue(key)) {
						differences.add(table + " row " + key + " is missing: the log makes it");
					}
				});
			}
			return new Result(differences, count, before.size());
		});
		List<String> differences = new ArrayList<>(tables.differences());
		differences.addAll(this.audit.accountDifferences());
		return new Result(differences, tables.rows(), tables.tables());
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

	/** Each table's rows, as a digest of the whole row and the row's first column. */
	private Map<String, Map<String, String>> rows() {
		List<String> tables = this.jdbc.execute((java.sql.Connection connection) -> {
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
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		for (String table : tables) {
			Map<String, String> digests = new HashMap<>();
			this.jdbc.query("SELECT * FROM " + table, (ResultSet rs) -> {
				digests.put(digest(rs), String.valueOf(rs.getObject(1)));
			});
			rows.put(table, digests);
		}
		return rows;
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
