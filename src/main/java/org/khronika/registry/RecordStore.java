package org.khronika.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EntryIdentity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads records from {@code registry_record}: as views, opening the sealed parts of the
 * kinds asked for in one batch (one query for their keys); and, for the rules, as public
 * fields only ({@link RecordLookup}). Applies no access rule itself: callers hand it the
 * condition.
 */
final class RecordStore implements RecordLookup {

	private static final Log logger = LogFactory.getLog(RecordStore.class);

	/** One row as stored, before its sealed part is opened. */
	private record Row(RecordId id, int version, String publicPart, byte[] sealedPart, String sealedEntry,
			boolean shredded, boolean restricted, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy) {
	}

	private final JdbcTemplate jdbc;

	private final Sealer sealer;

	/**
	 * The records whose sealed fields were found not to open: each is logged once, not on
	 * every page that lists it.
	 */
	private final Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();

	RecordStore(JdbcTemplate jdbc, Sealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/**
	 * The records {@code select} (a query over {@code registry_record r} that returns
	 * {@code r.*}) finds, in its order; the sealed parts of the kinds {@code open} admits
	 * are opened, the others left empty.
	 * @param redacted whether the reader sees public fields only (then nothing is opened)
	 */
	List<RecordView> views(String select, List<Object> arguments, Predicate<RecordKind> open, boolean redacted) {
		List<Row> rows = this.jdbc.query(select, RecordStore::row, arguments.toArray());
		List<Sealer.Sealed> sealed = new ArrayList<>();
		List<Row> opening = new ArrayList<>();
		for (Row row : rows) {
			if (!redacted && row.sealedEntry() != null && open.test(row.id().kind())) {
				sealed.add(new Sealer.Sealed(row.id().toString(), row.sealedPart(),
						new EntryIdentity(UUID.fromString(row.sealedEntry()), row.id().toString()).associatedData()));
				opening.add(row);
			}
		}
		List<Sealer.Opened> plaintexts = sealed.isEmpty() ? List.of() : this.sealer.openAll(sealed);
		Map<Row, Sealer.Opened> opened = new java.util.IdentityHashMap<>();
		for (int i = 0; i < opening.size(); i++) {
			opened.put(opening.get(i), plaintexts.get(i));
			if (plaintexts.get(i).unreadable() && this.reported.add(opening.get(i).id().toString())) {
				logger.error("the sealed fields of record " + opening.get(i).id() + " do not open ("
						+ plaintexts.get(i).failure()
						+ "); they are shown to no one. verify-log --deep names a changed row, "
						+ "which rebuild restores; if it names none, the record's key was changed");
			}
		}
		List<RecordView> views = new ArrayList<>();
		for (Row row : rows) {
			Sealer.Opened one = opened.get(row);
			boolean unreadable = one != null && one.unreadable();
			RecordDetails details = EventTypes.details(row.id().kind(), CanonicalJson.read(row.publicPart()),
					(one != null) ? one.plaintext() : null);
			views.add(new RecordView(row.id(), row.version(), details, row.shredded(),
					(redacted && row.sealedEntry() != null) || unreadable, unreadable, row.restricted(),
					row.createdAt(), row.createdBy(), row.updatedAt(), row.updatedBy()));
		}
		return views;
	}

	/** The records with these ids that {@code condition} admits, in any order. */
	List<RecordView> byIds(Collection<String> ids, Visibility.Condition condition, Predicate<RecordKind> open,
			boolean redacted) {
		List<RecordView> views = new ArrayList<>();
		List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += 500) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
			List<Object> arguments = new ArrayList<>(chunk);
			arguments.addAll(condition.arguments());
			views.addAll(views("SELECT r.* FROM registry_record r WHERE r.id IN (" + placeholders(chunk.size())
					+ ") AND " + condition.sql(), arguments, open, redacted));
		}
		return views;
	}

	@Override
	public Optional<RecordDetails> find(RecordId id) {
		return this.jdbc
			.query("SELECT public_part FROM registry_record WHERE id = ? AND kind = ?",
					(rs, n) -> EventTypes.details(id.kind(), CanonicalJson.read(rs.getString(1)), null), id.toString(),
					id.kind().code())
			.stream()
			.findFirst();
	}

	@Override
	public List<Found> referring(RecordId target, RecordKind kind) {
		return this.jdbc.query(
				"SELECT r.id, r.public_part FROM registry_record r JOIN registry_link l ON l.from_id = r.id "
						+ "WHERE l.to_id = ? AND r.kind = ? ORDER BY r.created_at, r.id",
				(rs, n) -> new Found(kind.id(UUID.fromString(rs.getString(1))),
						EventTypes.details(kind, CanonicalJson.read(rs.getString(2)), null)),
				target.toString(), kind.code());
	}

	/**
	 * The records that refer to each of {@code targets}, whoever may see them: by target,
	 * the ids of the records referring to it.
	 */
	Map<String, Set<String>> mentioning(Collection<String> targets) {
		Map<String, Set<String>> from = new HashMap<>();
		this.jdbc.query(
				"SELECT to_id, from_id FROM registry_link WHERE to_id IN (" + placeholders(targets.size()) + ")",
				(RowCallbackHandler) rs -> from.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
					.add(rs.getString(2)),
				targets.toArray());
		return from;
	}

	/** Who is named on the record (on a case: its assigned lawyers). */
	java.util.Set<String> named(RecordId id) {
		return new java.util.TreeSet<>(this.jdbc.queryForList("SELECT login FROM registry_access WHERE record_id = ?",
				String.class, id.toString()));
	}

	/** The records {@code id} refers to, every one, whoever may see them. */
	List<RecordId> linksOf(RecordId id) {
		return this.jdbc.query("SELECT relation, to_id FROM registry_link WHERE from_id = ?",
				(rs, n) -> RecordKind.ofCode(rs.getString(1)).id(UUID.fromString(rs.getString(2))), id.toString());
	}

	static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		RecordKind kind = RecordKind.ofCode(rs.getString("kind"));
		return new Row(kind.id(UUID.fromString(rs.getString("id"))), rs.getInt("version"), rs.getString("public_part"),
				rs.getBytes("sealed_part"), rs.getString("sealed_entry"), rs.getBoolean("shredded"),
				rs.getBoolean("restricted"), Instant.parse(rs.getString("created_at")), rs.getString("created_by"),
				Instant.parse(rs.getString("updated_at")), rs.getString("updated_by"));
	}

}
