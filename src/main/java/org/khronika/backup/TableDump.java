package org.khronika.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Every table's rows in a plain binary form that either engine reads back: per table its
 * name and columns, then its rows, each value tagged with its type. Tables come in the
 * order their foreign keys need, so that a restore inserts a referenced row before the
 * row that refers to it. The schema itself is not in it: a restore makes it with the
 * migrations, up to the version the backup names.
 */
final class TableDump {

	private static final int NULL = 0;

	private static final int INTEGER = 1;

	private static final int REAL = 2;

	private static final int TEXT = 3;

	private static final int BYTES = 4;

	private static final int BOOLEAN = 5;

	private static final int BATCH = 1000;

	private TableDump() {
	}

	/** What a dump held: its rows, by table. */
	record Counts(Map<String, Long> rows) {

		long total() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * Writes every table of {@code connection}'s schema but Flyway's own, as it reads in
	 * the connection's current transaction.
	 */
	static Counts write(Connection connection, DataOutputStream out, LongConsumer progress)
			throws SQLException, IOException {
		Map<String, Long> counts = new LinkedHashMap<>();
		long done = 0;
		for (String table : tablesInDependencyOrder(connection)) {
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(BATCH);
				try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
					ResultSetMetaData meta = rows.getMetaData();
					out.writeBoolean(true);
					out.writeUTF(table);
					out.writeInt(meta.getColumnCount());
					for (int c = 1; c <= meta.getColumnCount(); c++) {
						out.writeUTF(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
					}
					long count = 0;
					while (rows.next()) {
						out.writeBoolean(true);
						for (int c = 1; c <= meta.getColumnCount(); c++) {
							writeValue(out, rows.getObject(c), table, meta.getColumnLabel(c));
						}
						count++;
						if (++done % 100_000 == 0) {
							progress.accept(done);
						}
					}
					out.writeBoolean(false);
					counts.put(table, count);
				}
			}
		}
		out.writeBoolean(false);
		return new Counts(counts);
	}

	/**
	 * Reads a dump through without writing it anywhere: whether it is whole and well
	 * formed.
	 * @throws IOException if it is not, saying where
	 */
	static Counts check(DataInputStream in) throws IOException {
		return read(in, null, done -> {
		});
	}

	/**
	 * Inserts a dump's rows into the tables of {@code connection}, in its current
	 * transaction, in place of what they hold; the tables must exist.
	 */
	static Counts restore(DataInputStream in, Connection connection, LongConsumer progress)
			throws IOException, SQLException {
		// rows a migration may have put in (none does yet) give way to the backup's
		List<String> tables = tablesInDependencyOrder(connection);
		try (Statement statement = connection.createStatement()) {
			for (int i = tables.size() - 1; i >= 0; i--) {
				statement.executeUpdate("DELETE FROM " + tables.get(i));
			}
		}
		return read(in, connection, progress);
	}

	private static Counts read(DataInputStream in, Connection connection, LongConsumer progress) throws IOException {
		Map<String, Long> counts = new LinkedHashMap<>();
		long done = 0;
		try {
			while (in.readBoolean()) {
				String table = in.readUTF();
				if (!table.matches("[a-z_][a-z0-9_]*")) {
					throw new IOException("a table name in the backup is not one Khronika makes: " + table);
				}
				int columns = in.readInt();
				if (columns < 1 || columns > 200) {
					throw new IOException("table " + table + " in the backup has " + columns + " columns");
				}
				List<String> names = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					String name = in.readUTF();
					if (!name.matches("[a-z_][a-z0-9_]*")) {
						throw new IOException("a column name of " + table + " in the backup is not one Khronika makes");
					}
					names.add(name);
				}
				Inserter inserter = (connection != null) ? new Inserter(connection, table, names) : null;
				long count = 0;
				Object[] row = new Object[columns];
				while (in.readBoolean()) {
					for (int c = 0; c < columns; c++) {
						row[c] = readValue(in);
					}
					if (inserter != null) {
						inserter.add(row);
					}
					count++;
					if (++done % 100_000 == 0) {
						progress.accept(done);
					}
				}
				if (inserter != null) {
					inserter.finish();
				}
				counts.put(table, count);
			}
		}
		catch (EOFException ex) {
			throw new IOException("the backup ends in the middle of its tables", ex);
		}
		catch (SQLException ex) {
			throw new RestoreFailure("a row could not be restored: " + ex.getMessage(), ex);
		}
		return new Counts(counts);
	}

	/** A failure of the database a backup is restored into, rather than of the backup. */
	static final class RestoreFailure extends IOException {

		RestoreFailure(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Batched inserts into one table, each value bound as the column's type needs. */
	private static final class Inserter implements AutoCloseable {

		private final PreparedStatement insert;

		private final int[] types;

		private int pending;

		Inserter(Connection connection, String table, List<String> names) throws SQLException {
			Map<String, Integer> columnTypes = new HashMap<>();
			DatabaseMetaData meta = connection.getMetaData();
			try (ResultSet columns = meta.getColumns(null, connection.getSchema(), table, null)) {
				while (columns.next()) {
					columnTypes.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
							columns.getInt("DATA_TYPE"));
				}
			}
			if (columnTypes.isEmpty()) {
				throw new SQLException("the restored schema has no table " + table);
			}
			this.types = new int[names.size()];
			for (int c = 0; c < names.size(); c++) {
				Integer type = columnTypes.get(names.get(c));
				if (type == null) {
					throw new SQLException("the restored schema's table " + table + " has no column " + names.get(c));
				}
				this.types[c] = type;
			}
			this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", names)
					+ ") VALUES (" + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")");
		}

		void add(Object[] row) throws SQLException {
			for (int c = 0; c < row.length; c++) {
				bind(c + 1, row[c], this.types[c]);
			}
			this.insert.addBatch();
			if (++this.pending == BATCH) {
				this.insert.executeBatch();
				this.pending = 0;
			}
		}

		/**
		 * Binds a value, turning SQLite's 0 and 1 into PostgreSQL's booleans and back.
		 */
		private void bind(int index, Object value, int type) throws SQLException {
			boolean booleanColumn = type == Types.BOOLEAN || type == Types.BIT;
			if (value == null) {
				this.insert.setNull(index, type);
			}
			else if (booleanColumn && value instanceof Long number) {
				this.insert.setBoolean(index, number != 0);
			}
			else if (!booleanColumn && value instanceof Boolean flag) {
				this.insert.setLong(index, flag ? 1 : 0);
			}
			else {
				this.insert.setObject(index, value);
			}
		}

		void finish() throws SQLException {
			if (this.pending > 0) {
				this.insert.executeBatch();
			}
			close();
		}

		@Override
		public void close() throws SQLException {
			this.insert.close();
		}

	}

	private static void writeValue(DataOutputStream out, Object value, String table, String column) throws IOException {
		if (value == null) {
			out.writeByte(NULL);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			out.writeByte(INTEGER);
			out.writeLong(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			out.writeByte(REAL);
			out.writeDouble(((Number) value).doubleValue());
		}
		else if (value instanceof String text) {
			out.writeByte(TEXT);
			writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
		}
		else if (value instanceof byte[] bytes) {
			out.writeByte(BYTES);
			writeBytes(out, bytes);
		}
		else if (value instanceof Boolean flag) {
			out.writeByte(BOOLEAN);
			out.writeBoolean(flag);
		}
		else {
			throw new IOException("column " + table + "." + column + " holds a " + value.getClass().getSimpleName()
					+ ", which a backup does not know");
		}
	}

	private static Object readValue(DataInputStream in) throws IOException {
		int tag = in.readUnsignedByte();
		return switch (tag) {
			case NULL -> null;
			case INTEGER -> in.readLong();
			case REAL -> in.readDouble();
			case TEXT -> new String(readBytes(in), StandardCharsets.UTF_8);
			case BYTES -> readBytes(in);
			case BOOLEAN -> in.readBoolean();
			default -> throw new IOException("the backup holds a value of unknown type " + tag);
		};
	}

	private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static byte[] readBytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > 256 * 1024 * 1024) {
			throw new IOException("the backup holds a value of " + length + " bytes");
		}
		return in.readNBytes(length);
	}

	/**
	 * The schema's tables but Flyway's and the engine's own, each after the tables its
	 * foreign keys refer to.
	 */
	static List<String> tablesInDependencyOrder(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		Map<String, Set<String>> references = new LinkedHashMap<>();
		try (ResultSet tables = meta.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!table.startsWith("sqlite_") && !table.equals("flyway_schema_history")) {
					references.put(table, new LinkedHashSet<>());
				}
			}
		}
		for (Map.Entry<String, Set<String>> table : references.entrySet()) {
			try (ResultSet keys = meta.getImportedKeys(null, connection.getSchema(), table.getKey())) {
				while (keys.next()) {
					String referenced = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!referenced.equals(table.getKey())) {
						table.getValue().add(referenced);
					}
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < references.size()) {
			int before = ordered.size();
			for (Map.Entry<String, Set<String>> table : references.entrySet()) {
				if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
					ordered.add(table.getKey());
				}
			}
			if (ordered.size() == before) {
				throw new SQLException("the tables' foreign keys form a cycle");
			}
		}
		return ordered;
	}

}
