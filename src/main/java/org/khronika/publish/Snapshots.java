package org.khronika.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.crypto.Sealer;
import org.khronika.registry.Facts;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dated publications of the planned figures. A snapshot computes every figure at the
 * current log position, suppressed (keeping hidden what the snapshot before it hid),
 * stores them as one JSON document, and records a {@code publication.snapshot} entry in
 * the log with the document's SHA-256, the day and the log position. Snapshots are
 * written once: there is no way to change one, and one changed in the database no longer
 * matches its entry ({@link #verify}).
 */
public class Snapshots implements org.khronika.registry.DeepCheck.Part {

	/** The log's event type for a snapshot. */
	public static final String EVENT = "publication.snapshot";

	private static final String STREAM = "publication";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	/**
	 * A snapshot as listed: its id, day, log position and the SHA-256 of its document.
	 */
	public record Snapshot(String id, LocalDate takenOn, long position, String sha256) {
	}

	private final Publication publication;

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	private final Clock clock;

	private final OpenData openData;

	private final Prisoners prisoners;

	private final Sealer sealer;

	private final Facts facts;

	Snapshots(Publication publication, EventLog log, JdbcTemplate jdbc, AccessPolicy policy, Clock clock,
			OpenData openData, Prisoners prisoners, Sealer sealer, Facts facts) {
		this.facts = facts;
		this.publication = publication;
		this.log = log;
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
		this.openData = openData;
		this.prisoners = prisoners;
		this.sealer = sealer;
	}

	/**
	 * Takes a snapshot as {@code actor} sees the records.
	 * @throws AccessRefused unless {@code actor} may publish
	 */
	public Snapshot take(Actor actor) {
		AccessRefused.unless(this.policy.may(actor, Capability.PUBLISH));
		Map<String, Set<String>> hiddenBefore = latest().map(this::hiddenIn).orElse(Map.of());
		List<Publication.Table> tables = this.publication.preview(actor, hiddenBefore);
		long position = tables.stream().mapToLong(Publication.Table::position).max().orElse(this.log.size());
		String id = UUID.randomUUID().toString();
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("snapshot", id);
		document.put("takenOn", today.toString());
		document.put("position", position);
		document.put("figures", tables.stream().map(Snapshots::figure).toList());
		// the log's latest signed head, witnessed by the publication too
		this.log.lastCheckpoint()
			.ifPresent(checkpoint -> document.put("logHead",
					org.khronika.eventlog.Head.of(this.log.chain(), checkpoint).line()));
		String text = JSON.writeValueAsString(document);
		String sha256 = sha256(text.getBytes(StandardCharsets.UTF_8));
		byte[] incidents = this.openData.incidents();
		List<Prisoners.Listed> listed = this.prisoners.list(actor, today);
		List<Object[]> sealed = new ArrayList<>();
		for (Prisoners.Listed prisoner : listed) {
			byte[] clear = JSON.writeValueAsBytes(prisoner.entry());
			sealed.add(new Object[] { id, sealed.size(), prisoner.person(),
					this.sealer.seal(prisoner.person(), clear, associated(id, sealed.size())) });
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("snapshot", id);
		entry.put("takenOn", today.toString());
		entry.put("position", position);
		entry.put("sha256", sha256);
		entry.put("incidentsSha256", sha256(incidents));
		entry.put("prisoners", listed.size());
		MessageDigest prisonersDigest = newSha256();
		sealed.forEach(row -> digest(prisonersDigest, (Integer) row[1], (String) row[2], (byte[]) row[3]));
		entry.put("prisonersSha256", HexFormat.of().formatHex(prisonersDigest.digest()));
		this.log.write(appender -> {
			long sequence = appender
				.append(new PendingEntry(EntryIdentity.next(STREAM), EVENT, 1, actor.login(),
						JSON.writeValueAsString(entry), null))
				.sequence();
			this.jdbc.update(
					"INSERT INTO publication_snapshot (id, entry_seq, taken_on, log_position, sha256, document, incidents) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
					id, sequence, today.toString(), position, sha256, text, gzip(incidents));
			this.jdbc.batchUpdate(
					"INSERT INTO publication_prisoner (snapshot_id, position, person_id, entry) VALUES (?, ?, ?, ?)",
					sealed);
			return null;
		});
		return new Snapshot(id, today, position, sha256);
	}

	/**
	 * The published incidents of snapshot {@code id}, as CSV (UTF-8), or empty for a
	 * snapshot that has none.
	 */
	public Optional<byte[]> incidents(String id) {
		return this.jdbc
			.query("SELECT incidents FROM publication_snapshot WHERE id = ?",
					(rs, n) -> Optional.ofNullable(rs.getBytes(1)).map(Snapshots::gunzip), id)
			.stream()
			.findFirst()
			.flatMap(bytes -> bytes);
	}

	/**
	 * The prisoners list of snapshot {@code id}, opened, without anyone who may not be
	 * named now: a person who withdrew consent since (or whose record was restricted) is
	 * left out, so that a site built again from an old snapshot never names them, and an
	 * entry whose person was shredded cannot be opened and is gone.
	 */
	public List<Prisoners.Entry> prisoners(String id) {
		List<Prisoners.Entry> entries = new ArrayList<>();
		Set<UUID> withdrawn = this.facts.notToBeNamed();
		this.jdbc.query(
				"SELECT position, person_id, entry FROM publication_prisoner WHERE snapshot_id = ? ORDER BY position",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					if (!withdrawn.contains(UUID.fromString(rs.getString(2)))) {
						this.sealer.open(rs.getString(2), rs.getBytes(3), associated(id, rs.getInt(1)))
							.ifPresent(clear -> entries.add(JSON.readValue(clear, Prisoners.Entry.class)));
					}
				}, id);
		return entries;
	}

	private static byte[] associated(String snapshot, int position) {
		return ("publication_prisoner:" + snapshot + ":" + position).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] gzip(byte[] bytes) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] bytes) {
		try (java.util.zip.GZIPInputStream zip = new java.util.zip.GZIPInputStream(
				new java.io.ByteArrayInputStream(bytes))) {
			return zip.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Every snapshot, the latest first (by its entry's place in the log). */
	public List<Snapshot> list() {
		return this.jdbc.query(LISTED + " ORDER BY entry_seq DESC", SNAPSHOT);
	}

	/** The latest snapshot, if any. */
	public Optional<Snapshot> latest() {
		return latest(1).stream().findFirst();
	}

	/** The latest {@code most} snapshots, the latest first. */
	public List<Snapshot> latest(int most) {
		return this.jdbc.query(LISTED + " ORDER BY entry_seq DESC LIMIT ?", SNAPSHOT, most);
	}

	/** How many snapshots there are. */
	public int count() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM publication_snapshot", Integer.class);
		return (count == null) ? 0 : count;
	}

	private static final String LISTED = "SELECT id, taken_on, log_position, sha256 FROM publication_snapshot";

	private static final org.springframework.jdbc.core.RowMapper<Snapshot> SNAPSHOT = (rs,
			n) -> new Snapshot(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getString(4));

	/** The document of snapshot {@code id}, as stored. */
	public Optional<String> document(String id) {
		return this.jdbc.queryForList("SELECT document FROM publication_snapshot WHERE id = ?", String.class, id)
			.stream()
			.findFirst();
	}

	/**
	 * Whether snapshot {@code id}'s stored document is the one its log entry names: its
	 * SHA-256, day and log position as the entry recorded them, and its open data and
	 * sealed prisoners list those whose SHA-256 it recorded.
	 */
	public boolean verify(String id) {
		return this.jdbc.query(LISTED + " WHERE id = ?", SNAPSHOT, id)
			.stream()
			.findFirst()
			.map(snapshot -> verify(snapshot, recorded()))
			.orElse(false);
	}

	/**
	 * Every snapshot, the latest first, with whether it matches its log entry
	 * ({@link #verify}): the log read once for them all.
	 */
	public Map<Snapshot, Boolean> verifyAll() {
		return verify(list());
	}

	/**
	 * Each of {@code snapshots}, in their order, with whether it matches its log entry
	 * ({@link #verify}): the log read once for them all. Each check reads the snapshot's
	 * files through (its open data can be a hundred megabytes).
	 */
	public Map<Snapshot, Boolean> verify(List<Snapshot> snapshots) {
		Map<String, Map<String, Object>> recorded = recorded();
		Map<Snapshot, Boolean> verified = new LinkedHashMap<>();
		snapshots.forEach(snapshot -> verified.put(snapshot, verify(snapshot, recorded)));
		return verified;
	}

	private boolean verify(Snapshot snapshot, Map<String, Map<String, Object>> recorded) {
		Map<String, Object> entry = recorded.get(snapshot.id());
		if (entry == null) {
			return false;
		}
		Object incidents = entry.get("incidentsSha256");
		return documentMatches(snapshot, entry) && prisonersMatch(snapshot, entry)
				&& (incidents == null || incidents.equals(incidentsSha256(snapshot.id())));
	}

	/**
	 * Whether the snapshot's sealed prisoners list is the one its entry recorded, row for
	 * row (where the entry says: entries written before it carried
	 * {@code prisonersSha256}, added on 7 December 2026, recorded only how many).
	 */
	private boolean prisonersMatch(Snapshot snapshot, Map<String, Object> entry) {
		Object recorded = entry.get("prisonersSha256");
		return recorded == null || recorded.equals(prisonersSha256(snapshot.id()));
	}

	/**
	 * The SHA-256 of snapshot {@code id}'s prisoners list as stored, read a row at a time
	 * ({@link #digest}).
	 */
	private String prisonersSha256(String id) {
		MessageDigest digest = newSha256();
		this.jdbc.query(
				"SELECT position, person_id, entry FROM publication_prisoner WHERE snapshot_id = ? ORDER BY position",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> digest(digest, rs.getInt(1), rs.getString(2),
						rs.getBytes(3)),
				id);
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Adds one row of a prisoners list to {@code digest}: its position, its person and
	 * its sealed entry, each framed by its length. Taken of the sealed bytes, it needs no
	 * key, and tells an entry changed, swapped with another or given to another person.
	 */
	private static void digest(MessageDigest digest, int position, String person, byte[] sealed) {
		byte[] id = person.getBytes(StandardCharsets.UTF_8);
		digest
			.update(java.nio.ByteBuffer.allocate(12).putInt(position).putInt(id.length).putInt(sealed.length).array());
		digest.update(id);
		digest.update(sealed);
	}

	/**
	 * Whether the snapshot's document, day and log position are those its entry recorded.
	 */
	private boolean documentMatches(Snapshot snapshot, Map<String, Object> entry) {
		Optional<String> document = document(snapshot.id());
		return document.isPresent()
				&& sha256(document.get().getBytes(StandardCharsets.UTF_8)).equals(entry.get("sha256"))
				&& snapshot.takenOn().toString().equals(entry.get("takenOn"))
				&& entry.get("position") instanceof Number position && position.longValue() == snapshot.position();
	}

	/**
	 * The snapshots in their tables against their log entries, for the deep check: one
	 * whose document, day or log position is not what its entry recorded, one the log
	 * records that the table lacks, one the table holds with no entry, and a prisoners
	 * list of another length than its entry's or with other rows. The open data is left
	 * to {@link #verifyAll} ({@code publish snapshots}), which reads it through: it can
	 * be a hundred megabytes a snapshot.
	 */
	@Override
	public List<String> differences(List<org.khronika.access.AuditTrail.AccountChange> none) {
		return differences();
	}

	/** As {@link #differences(List)}: the snapshots keep no credentials. */
	public List<String> differences() {
		Map<String, Map<String, Object>> recorded = recorded();
		Map<String, Integer> prisoners = new java.util.HashMap<>();
		this.jdbc.query("SELECT snapshot_id, COUNT(*) FROM publication_prisoner GROUP BY snapshot_id",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> prisoners.put(rs.getString(1), rs.getInt(2)));
		List<String> differences = new ArrayList<>();
		java.util.Set<String> stored = new java.util.HashSet<>();
		for (Snapshot snapshot : list()) {
			stored.add(snapshot.id());
			Map<String, Object> entry = recorded.get(snapshot.id());
			if (entry == null) {
				differences.add("publication_snapshot row " + snapshot.id()
						+ " is not what the log makes it (the log has no such snapshot)");
				continue;
			}
			if (!documentMatches(snapshot, entry)) {
				differences
					.add("publication_snapshot row " + snapshot.id() + " is not what the log makes it (it differs)");
			}
			if (entry.get("prisoners") instanceof Number listed
					&& listed.intValue() != prisoners.getOrDefault(snapshot.id(), 0)) {
				differences.add("publication_prisoner rows of snapshot " + snapshot.id() + ": "
						+ prisoners.getOrDefault(snapshot.id(), 0) + " in the table, " + listed + " in the log");
			}
			else if (!prisonersMatch(snapshot, entry)) {
				differences.add("publication_prisoner rows of snapshot " + snapshot.id()
						+ " are not what the log makes them (they differ)");
			}
		}
		recorded.keySet()
			.stream()
			.filter(id -> !stored.contains(id))
			.sorted()
			.forEach(id -> differences.add("publication_snapshot row " + id + " is missing: the log makes it"));
		return differences;
	}

	/**
	 * The SHA-256 of snapshot {@code id}'s incidents CSV, read through once (it can be a
	 * hundred megabytes: never held whole for this), or null if it has none.
	 */
	private String incidentsSha256(String id) {
		List<String> digests = this.jdbc.query("SELECT incidents FROM publication_snapshot WHERE id = ?", (rs, n) -> {
			java.io.InputStream stored = rs.getBinaryStream(1);
			if (stored == null) {
				return null;
			}
			try (java.io.InputStream csv = new java.util.zip.GZIPInputStream(stored)) {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				byte[] buffer = new byte[1 << 16];
				for (int read = csv.read(buffer); read >= 0; read = csv.read(buffer)) {
					digest.update(buffer, 0, read);
				}
				return HexFormat.of().formatHex(digest.digest());
			}
			catch (java.io.IOException | NoSuchAlgorithmException ex) {
				throw new IllegalStateException("the incidents of snapshot " + id + " cannot be read", ex);
			}
		}, id);
		return digests.isEmpty() ? null : digests.get(0);
	}

	/** The public parts of the snapshots' log entries, by snapshot id. */
	private Map<String, Map<String, Object>> recorded() {
		Map<String, Map<String, Object>> recorded = new java.util.HashMap<>();
		for (LogEntry entry : this.log.stream(STREAM)) {
			if (EVENT.equals(entry.type())) {
				Map<String, Object> part = JSON.readValue(entry.publicPart(), new TypeReference<Map<String, Object>>() {
				});
				recorded.put(String.valueOf(part.get("snapshot")), part);
			}
		}
		return recorded;
	}

	/**
	 * A figure's count that moved between two snapshots: the figure, the element (by the
	 * codes of {@link Publication#hidden}'s keys: {@code cell:ROW:COLUMN},
	 * {@code row:ROW}, {@code column:COLUMN}, {@code total}), and its count before and
	 * after.
	 */
	public record Change(String figure, String element, long before, long after) {

		/** How much it moved: positive where records were found late or added. */
		public long by() {
			return this.after - this.before;
		}

	}

	/**
	 * What moved between snapshot {@code before} and snapshot {@code after}: every count
	 * shown in both that differs. A count hidden or shown as "&lt; k" in either is left
	 * out: its change would give it away.
	 */
	public List<Change> changes(String before, String after) {
		Map<String, Map<String, String>> was = counts(before);
		Map<String, Map<String, String>> is = counts(after);
		List<Change> changes = new java.util.ArrayList<>();
		is.forEach((figure, elements) -> elements.forEach((element, now) -> {
			String then = was.getOrDefault(figure, Map.of()).get(element);
			if (then != null && Publication.isCount(then) && Publication.isCount(now) && !then.equals(now)) {
				changes.add(new Change(figure, element, Long.parseLong(then), Long.parseLong(now)));
			}
		}));
		return changes;
	}

	/** Snapshot {@code id}'s elements as shown, by figure and key. */
	Map<String, Map<String, String>> counts(String id) {
		Map<String, Object> document = JSON.readValue(
				document(id).orElseThrow(() -> new IllegalArgumentException("no snapshot " + id)),
				new TypeReference<Map<String, Object>>() {
				});
		Map<String, Map<String, String>> counts = new LinkedHashMap<>();
		for (Object entry : (List<?>) document.get("figures")) {
			Map<?, ?> figure = (Map<?, ?>) entry;
			List<String> shown = new java.util.ArrayList<>();
			((List<?>) figure.get("cells")).forEach(line -> shown.addAll(strings(line)));
			shown.addAll(strings(figure.get("rowTotals")));
			shown.addAll(strings(figure.get("columnTotals")));
			shown.add(String.valueOf(figure.get("total")));
			counts.put(String.valueOf(figure.get("code")), Publication.elements(strings(figure.get("by")).size(),
					strings(figure.get("rows")), strings(figure.get("columns")), shown));
		}
		return counts;
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	/** What snapshot {@code snapshot} hid, by figure. */
	private Map<String, Set<String>> hiddenIn(Snapshot snapshot) {
		Map<String, Object> document = JSON.readValue(document(snapshot.id()).orElseThrow(),
				new TypeReference<Map<String, Object>>() {
				});
		Map<String, Set<String>> hidden = new LinkedHashMap<>();
		for (Object figure : (List<?>) document.get("figures")) {
			Map<?, ?> fields = (Map<?, ?>) figure;
			hidden.put(String.valueOf(fields.get("code")),
					Set.copyOf(((List<?>) fields.get("hidden")).stream().map(String::valueOf).toList()));
		}
		return hidden;
	}

	private static Map<String, Object> figure(Publication.Table table) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("code", table.figure().code());
		figure.put("measure", table.figure().measure());
		figure.put("by", table.figure().by());
		figure.put("from", (table.figure().from() != null) ? table.figure().from().toString() : null);
		figure.put("to", (table.figure().to() != null) ? table.figure().to().toString() : null);
		figure.put("k", table.k().orElse(null));
		figure.put("rows", table.rows());
		figure.put("columns", table.columns());
		figure.put("cells", table.cells());
		figure.put("rowTotals", table.rowTotals());
		figure.put("columnTotals", table.columnTotals());
		figure.put("total", table.total());
		figure.put("hidden", List.copyOf(Publication.hidden(table)));
		return figure;
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(newSha256().digest(bytes));
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java", ex);
		}
	}

}
