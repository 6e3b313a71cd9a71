package org.khronika.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.khronika.crypto.BackupCipher;
import org.khronika.crypto.Keyring;
import org.khronika.crypto.KeyringFile;
import org.khronika.eventlog.Chain;
import org.khronika.eventlog.Head;
import org.khronika.eventlog.HeadWitness;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup file: the line {@value #MAGIC}, a header in JSON (when and from which engine
 * and schema version, the head of each chain, the keyring's files, the backup's key
 * wrapped under the master key), then every table ({@link TableDump}) encrypted with that
 * key, the header bound to it. The rows are read in one transaction that sees one moment
 * of the database, while Khronika goes on writing: a snapshot on PostgreSQL (repeatable
 * read), a read transaction on SQLite in WAL mode, which holds no lock that writers wait
 * for.
 */
public final class Backups {

	static final String MAGIC = "khronika-backup/1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int HEADER_LIMIT = 1 << 20;

	private Backups() {
	}

	/**
	 * What a backup says of itself, in plain: nothing in it names anyone.
	 *
	 * @param heads each chain's newest entry in the backup, as "SEQUENCE HASH" ("0" for
	 * an empty chain)
	 * @param files the keyring's files, in Base64 (the keyring itself is encrypted)
	 * @param key the backup's key, wrapped under the master key, in Base64
	 */
	public record Header(String format, String created, String engine, String schema, Map<String, String> heads,
			Map<String, String> files, String key) {

		/** The newest entry of the records' log when the backup was taken. */
		public String logHead() {
			return this.heads.get(Chain.RECORDS.entries());
		}

	}

	/**
	 * The database a backup is restored into: PostgreSQL as {@code KHRONIKA_DB_URL} names
	 * it, or SQLite in the data directory.
	 */
	public record Database(String url, String user, String password) {

		static final String SQLITE_FILE = "khronika.db";

		public static Database sqlite(Path dataDir) {
			// a backup waits for a writer's commit rather than failing on a busy database
			return new Database("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE)
					+ "?journal_mode=WAL&secure_delete=true&busy_timeout=10000", null, null);
		}

		Connection connect() throws SQLException {
			return java.sql.DriverManager.getConnection(this.url, this.user, this.password);
		}

		/** Removes a SQLite database a failed restore began. */
		void remove() {
			if (this.url.startsWith("jdbc:sqlite:")) {
				String path = this.url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", "");
				for (String suffix : new String[] { "", "-wal", "-shm" }) {
					try {
						Files.deleteIfExists(Path.of(path + suffix));
					}
					catch (IOException ex) {
						// the message of the failed restore names the directory
					}
				}
			}
		}

		/** The database's address without its settings; it never holds a password. */
		@Override
		public String toString() {
			return this.url.replaceAll("\\?.*", "");
		}

	}

	/** What a backup or a restore did. */
	public record Summary(Header header, long rows, int tables) {
	}

	/**
	 * Writes a backup of the database in {@code dataSource} and the keyring in
	 * {@code dataDir} to {@code out}, through a file beside it that is renamed only when
	 * whole.
	 */
	public static Summary write(Path out, Path dataDir, Keyring keyring, DataSource dataSource, LongConsumer progress)
			throws IOException, SQLException {
		return write(out, dataDir, keyring, dataSource::getConnection, progress);
	}

	/**
	 * {@link #write(Path, Path, Keyring, DataSource, LongConsumer)} from {@code database}
	 * directly: the command line reads without starting the application.
	 */
	public static Summary write(Path out, Path dataDir, Keyring keyring, Database database, LongConsumer progress)
			throws IOException, SQLException {
		return write(out, dataDir, keyring, database::connect, progress);
	}

	/** Opens the connection a backup reads through. */
	private interface Connector {

		Connection open() throws SQLException;

	}

	private static Summary write(Path out, Path dataDir, Keyring keyring, Connector connector, LongConsumer progress)
			throws IOException, SQLException {
		if (Files.exists(out)) {
			throw new BackupException(out + " exists already: a backup never replaces a file; give a new name");
		}
		Path directory = out.toAbsolutePath().getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new BackupException("no directory " + directory + " to write " + out.getFileName()
					+ " in: make it first, or give another file");
		}
		if (!Files.isWritable(directory)) {
			throw new BackupException("the directory " + directory + " may not be written: give another file");
		}
		Path partial = out.resolveSibling(out.getFileName() + ".partial");
		BackupCipher cipher = BackupCipher.create(keyring);
		Map<String, String> files = new LinkedHashMap<>();
		KeyringFile.files(dataDir)
			.forEach((name, content) -> files.put(name, Base64.getEncoder().encodeToString(content)));
		try (Connection connection = connector.open()) {
			boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
			Snapshot snapshot = Snapshot.begin(connection, sqlite);
			try {
				Map<String, String> heads = new LinkedHashMap<>();
				for (Chain chain : new Chain[] { Chain.RECORDS, Chain.AUDIT }) {
					heads.put(chain.entries(), newestEntry(connection, chain));
				}
				Header header = new Header(MAGIC, Instant.now().toString(), sqlite ? "sqlite" : "postgresql",
						schemaVersion(connection), heads, files,
						Base64.getEncoder().encodeToString(cipher.wrappedKey()));
				byte[] headerBytes = JSON.writeValueAsBytes(header);
				TableDump.Counts counts;
				Files.deleteIfExists(partial);
				Files.createFile(partial,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
					file.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
					DataOutputStream plain = new DataOutputStream(file);
					plain.writeInt(headerBytes.length);
					plain.write(headerBytes);
					plain.flush();
					try (DataOutputStream body = new DataOutputStream(
							new BufferedOutputStream(cipher.encrypting(file, associatedData(headerBytes)), 1 << 16))) {
						counts = TableDump.write(connection, body, progress);
					}
				}
				move(partial, out);
				return new Summary(header, counts.total(), counts.rows().size());
			}
			finally {
				snapshot.end();
				Files.deleteIfExists(partial);
			}
		}
	}

	/**
	 * The header of the backup in {@code file}.
	 * @throws BackupException if it is not a Khronika backup or its header is damaged
	 */
	public static Header header(Path file) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			return readHeader(in).header();
		}
		catch (IOException ex) {
			throw new BackupException("the backup " + file + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Restores the backup in {@code file} into {@code dataDir}, which must hold no
	 * keyring, and the database at {@code databaseUrl}, which must be empty. The backup
	 * is read through once, decrypted and checked, before anything is written; the
	 * restored log must end at the head the backup names, which is then witnessed in the
	 * new directory.
	 * @param unlock opens the keyring the backup carries, once written to the directory
	 * @throws BackupException saying what is wrong with the backup, the directory or the
	 * database
	 */
	public static Summary restore(Path file, Path dataDir, Optional<Database> external,
			java.util.function.Function<Path, Keyring> unlock, LongConsumer progress) {
		Header header = header(file);
		Database database = external.orElse(Database.sqlite(dataDir));
		if (external.isEmpty() && Files.exists(dataDir.resolve(Database.SQLITE_FILE))) {
			throw new BackupException(dataDir + " holds a database already: a backup is restored only into a new one");
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		try {
			header.files().forEach((name, content) -> files.put(name, Base64.getDecoder().decode(content)));
		}
		catch (IllegalArgumentException ex) {
			throw new BackupException("the backup " + file + " is damaged: its keyring cannot be read");
		}
		KeyringFile.restoreFiles(dataDir, files);
		boolean restored = false;
		try {
			BackupCipher cipher = BackupCipher.open(unlock.apply(dataDir), Base64.getDecoder().decode(header.key()));
			TableDump.Counts checked;
			try (Body body = Body.open(file, cipher)) {
				checked = TableDump.check(body.in());
				body.requireEnd();
			}
			catch (IOException ex) {
				throw new BackupException(
						"the backup " + file + " is damaged (" + ex.getMessage() + "); nothing was restored");
			}
			migrate(database, header.schema());
			try (Connection connection = database.connect(); Body body = Body.open(file, cipher)) {
				connection.setAutoCommit(false);
				TableDump.restore(body.in(), connection, progress);
				for (Chain chain : new Chain[] { Chain.RECORDS, Chain.AUDIT }) {
					String head = newestEntry(connection, chain);
					if (!head.equals(header.heads().get(chain.entries()))) {
						throw new BackupException("the restored " + chain.name() + " ends at " + head
								+ ", not at the head the backup names, " + header.heads().get(chain.entries()));
					}
				}
				connection.commit();
				witness(connection, dataDir);
			}
			restored = true;
			return new Summary(header, checked.total(), checked.rows().size());
		}
		catch (IOException | SQLException ex) {
			throw new BackupException("the backup could not be restored into " + database + ": " + ex.getMessage()
					+ (external.isPresent() ? "; drop that database and make it again before another try" : ""));
		}
		finally {
			if (!restored) {
				removeKeyring(dataDir, files);
				if (external.isEmpty()) {
					database.remove();
				}
			}
		}
	}

	/** Makes the schema the backup was taken from, and no later one. */
	private static void migrate(Database database, String version) throws SQLException {
		try (Connection connection = database.connect()) {
			if (!TableDump.tablesInDependencyOrder(connection).isEmpty()) {
				throw new BackupException(
						"the database " + database + " is not empty: a backup is restored only into a new one");
			}
		}
		try {
			Flyway.configure()
				.dataSource(database.url(), database.user(), database.password())
				.locations("classpath:db/migration")
				.target(version)
				.load()
				.migrate();
		}
		catch (FlywayException ex) {
			throw new BackupException("the schema of version " + version + " could not be made in " + database + ": "
					+ ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	/** The newest signed checkpoint of each chain, witnessed in the new directory. */
	private static void witness(Connection connection, Path dataDir) throws SQLException {
		HeadWitness witness = new HeadWitness(dataDir);
		for (Chain chain : new Chain[] { Chain.RECORDS, Chain.AUDIT }) {
			try (Statement statement = connection.createStatement();
					ResultSet last = statement.executeQuery("SELECT seq, entry_hash, signature FROM "
							+ chain.checkpoints() + " ORDER BY seq DESC LIMIT 1")) {
				if (last.next()) {
					witness.witness(new Head(chain, last.getLong(1), last.getString(2),
							Base64.getDecoder().decode(last.getString(3)), false));
				}
			}
		}
	}

	private static void removeKeyring(Path dataDir, Map<String, byte[]> files) {
		for (String name : files.keySet()) {
			try {
				Files.deleteIfExists(dataDir.resolve(name));
			}
			catch (IOException ex) {
				// left for the operator: the message names the directory
			}
		}
	}

	private static String newestEntry(Connection connection, Chain chain) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet newest = statement
					.executeQuery("SELECT seq, entry_hash FROM " + chain.entries() + " ORDER BY seq DESC LIMIT 1")) {
			return newest.next() ? newest.getLong(1) + " " + newest.getString(2) : "0";
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet versions = statement.executeQuery(
						"SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
			int newest = 0;
			while (versions.next()) {
				newest = Math.max(newest, Integer.parseInt(versions.getString(1)));
			}
			return Integer.toString(newest);
		}
	}

	private static byte[] associatedData(byte[] header) {
		byte[] magic = (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] bound = Arrays.copyOf(magic, magic.length + header.length);
		System.arraycopy(header, 0, bound, magic.length, header.length);
		return bound;
	}

	private record ReadHeader(Header header, byte[] bytes) {
	}

	private static ReadHeader readHeader(DataInputStream in) throws IOException {
		byte[] magic = in.readNBytes(MAGIC.length() + 1);
		if (!new String(magic, StandardCharsets.US_ASCII).equals(MAGIC + "\n")) {
			throw new IOException("it is not a Khronika backup (it does not begin with '" + MAGIC + "')");
		}
		int length = in.readInt();
		if (length < 2 || length > HEADER_LIMIT) {
			throw new IOException("its header is damaged");
		}
		byte[] bytes = in.readNBytes(length);
		try {
			Header header = JSON.readValue(bytes, Header.class);
			if (!MAGIC.equals(header.format()) || header.heads() == null || header.files() == null
					|| header.key() == null || header.schema() == null || !header.schema().matches("\\d+")) {
				throw new IOException("its header is damaged");
			}
			return new ReadHeader(header, bytes);
		}
		catch (JacksonException ex) {
			throw new IOException("its header is damaged", ex);
		}
	}

	/** The decrypted tables of a backup file, read after its header. */
	private record Body(InputStream file, DataInputStream in) implements AutoCloseable {

		static Body open(Path path, BackupCipher cipher) throws IOException {
			InputStream file = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
			DataInputStream plain = new DataInputStream(file);
			ReadHeader header = readHeader(plain);
			return new Body(file, new DataInputStream(
					new BufferedInputStream(cipher.decrypting(file, associatedData(header.bytes())), 1 << 16)));
		}

		/** Reads on to the end, where the cipher checks the last segment is the last. */
		void requireEnd() throws IOException {
			if (this.in.read() != -1) {
				throw new IOException("it holds more than its tables");
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
			this.file.close();
		}

	}

	/** A read transaction that sees one moment of the database. */
	private record Snapshot(Connection connection, boolean sqlite, boolean autoCommit) {

		static Snapshot begin(Connection connection, boolean sqlite) throws SQLException {
			boolean autoCommit = connection.getAutoCommit();
			if (sqlite) {
				// a deferred transaction takes no write lock: in WAL mode it reads one
				// moment while writers go on
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("BEGIN DEFERRED");
				}
			}
			else {
				connection.setAutoCommit(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				connection.setReadOnly(true);
			}
			return new Snapshot(connection, sqlite, autoCommit);
		}

		void end() throws SQLException {
			if (this.sqlite) {
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("COMMIT");
				}
			}
			else {
				this.connection.rollback();
				this.connection.setReadOnly(false);
				this.connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
			this.connection.setAutoCommit(this.autoCommit);
		}

	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to);
		}
	}

}
