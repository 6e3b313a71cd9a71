package org.khronika.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.khronika.access.RecordFacts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The registry as a projection that keeps its own copy (the search index) reads it: every
 * record with its sealed fields opened and the facts the access policy decides on, and
 * after a log position, which records changed. It applies no access rule: what it returns
 * must be kept in memory, never written out, and shown to a reader only through a rule
 * the policy gave for them. Records are read in batches, each batch in a few queries.
 */
public final class RecordFeed {

	/**
	 * One record for a projection.
	 *
	 * @param view the record, its sealed fields opened (empty if shredded)
	 * @param facts what the access policy needs to decide who may read it
	 * @param referencedBy the kinds of the records that refer to it (a person: the cases
	 * against them, the incidents they took part in)
	 * @param references the ids of the records it refers to
	 */
	public record Item(RecordView view, RecordFacts facts, Set<RecordKind> referencedBy, Set<String> references) {

		public Item {
			referencedBy = Set.copyOf(referencedBy);
			references = Set.copyOf(references);
		}

	}

	private final JdbcTemplate jdbc;

	private final RecordStore store;

	RecordFeed(JdbcTemplate jdbc, RecordStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** The log position the registry's read tables reflect. */
	public long position() {
		List<Long> positions = this.jdbc.queryForList("SELECT last_seq FROM projection_position WHERE projection = ?",
				Long.class, RecordProjection.NAME);
		return positions.isEmpty() ? 0 : positions.get(0);
	}

	/** How many records there are, of every kind. */
	public long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM registry_record", Long.class);
		return (count != null) ? count : 0;
	}

	/** The ids of every record of {@code kind}, in order; nothing opened. */
	public List<String> ids(RecordKind kind) {
		return this.jdbc.queryForList("SELECT id FROM registry_record WHERE kind = ? ORDER BY id", String.class,
				kind.code());
	}

	/**
	 * Every record, in batches of {@code batch} in the order of their ids, handed to
	 * {@code sink} one batch at a time.
	 */
	public void all(int batch, Consumer<List<Item>> sink) {
		String after = "";
		while (true) {
			List<RecordView> views = this.store.views(
					"SELECT r.* FROM registry_record r WHERE r.id > ? ORDER BY r.id LIMIT " + batch, List.of(after),
					kind -> true, false);
			if (views.isEmpty()) {
				return;
			}
			sink.accept(items(views));
			after = views.get(views.size() - 1).id().toString();
		}
	}

	/**
	 * The records whose current state or facts changed after log position {@code after}:
	 * those the log changed since, the records they refer to and those that refer to them
	 * (a case's lawyers decide who may read its person and its events).
	 */
	public Set<String> changedAfter(long after) {
		Set<String> changed = new LinkedHashSet<>(
				this.jdbc.queryForList("SELECT id FROM registry_record WHERE last_seq > ?", String.class, after));
		if (changed.isEmpty()) {
			return changed;
		}
		Set<String> neighbours = new LinkedHashSet<>(changed);
		for (List<String> chunk : chunks(changed)) {
			String in = RecordStore.placeholders(chunk.size());
			List<Object> twice = new ArrayList<>(chunk);
			twice.addAll(chunk);
			this.jdbc.query(
					"SELECT to_id, from_id FROM registry_link WHERE from_id IN (" + in + ") OR to_id IN (" + in + ")",
					(RowCallbackHandler) rs -> {
						neighbours.add(rs.getString(1));
						neighbours.add(rs.getString(2));
					}, twice.toArray());
		}
		return neighbours;
	}

	/** The records with these ids, as {@link #all} gives them. */
	public List<Item> load(Collection<String> ids) {
		List<Item> items = new ArrayList<>();
		for (List<String> chunk : chunks(ids)) {
			List<RecordView> views = this.store.views(
					"SELECT r.* FROM registry_record r WHERE r.id IN (" + RecordStore.placeholders(chunk.size()) + ")",
					List.copyOf(chunk), kind -> true, false);
			items.addAll(items(views));
		}
		return items;
	}

	private List<Item> items(List<RecordView> views) {
		List<String> ids = views.stream().map(v -> v.id().toString()).toList();
		Map<String, Set<String>> named = named(ids);
		Map<String, String> caseOf = new HashMap<>();
		Map<String, Set<String>> casesAgainst = new HashMap<>();
		Map<String, Set<RecordKind>> referencedBy = new HashMap<>();
		String in = RecordStore.placeholders(ids.size());
		this.jdbc
			.query("SELECT l.to_id, l.from_id, r.kind FROM registry_link l JOIN registry_record r ON r.id = l.from_id "
					+ "WHERE l.to_id IN (" + in + ")", (RowCallbackHandler) rs -> {
						RecordKind kind = RecordKind.ofCode(rs.getString(3));
						referencedBy.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(kind);
						if (kind == RecordKind.CASE) {
							casesAgainst.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
						}
					}, ids.toArray());
		Map<String, Set<String>> targets = new HashMap<>();
		this.jdbc.query("SELECT from_id, to_id, relation FROM registry_link WHERE from_id IN (" + in + ")",
				(RowCallbackHandler) rs -> {
					targets.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
					if ("case".equals(rs.getString(3))) {
						caseOf.put(rs.getString(1), rs.getString(2));
					}
				}, ids.toArray());
		Set<String> cases = new HashSet<>(caseOf.values());
		casesAgainst.values().forEach(cases::addAll);
		Map<String, Set<String>> caseNamed = named(cases);
		Map<String, RecordFacts> enclosing = enclosing(caseOf.values(), caseNamed);
		List<Item> items = new ArrayList<>();
		for (RecordView view : views) {
			String id = view.id().toString();
			Set<String> assignees = switch (view.kind()) {
				case CASE -> named.getOrDefault(id, Set.of());
				case CASE_EVENT -> caseNamed.getOrDefault(caseOf.get(id), Set.of());
				case PERSON -> {
					Set<String> all = new HashSet<>();
					casesAgainst.getOrDefault(id, Set.of())
						.forEach(c -> all.addAll(caseNamed.getOrDefault(c, Set.of())));
					yield all;
				}
				default -> Set.of();
			};
			RecordFacts outer = (view.kind() == RecordKind.CASE_EVENT) ? enclosing.get(caseOf.get(id)) : null;
			RecordFacts facts = new RecordFacts(Visibility.type(view.kind()), view.createdBy(), view.restricted(),
					named.getOrDefault(id, Set.of()), assignees, outer);
			items.add(
					new Item(view, facts, referencedBy.getOrDefault(id, Set.of()), targets.getOrDefault(id, Set.of())));
		}
		return items;
	}

	/** The facts of the cases that enclose case events. */
	private Map<String, RecordFacts> enclosing(Collection<String> cases, Map<String, Set<String>> named) {
		Map<String, RecordFacts> found = new HashMap<>();
		for (List<String> chunk : chunks(new HashSet<>(cases))) {
			this.jdbc.query("SELECT id, created_by, restricted FROM registry_record WHERE id IN ("
					+ RecordStore.placeholders(chunk.size()) + ")", (RowCallbackHandler) rs -> {
						String id = rs.getString(1);
						Set<String> caseNamed = named.getOrDefault(id, Set.of());
						found.put(id, new RecordFacts(Visibility.type(RecordKind.CASE), rs.getString(2),
								rs.getBoolean(3), caseNamed, caseNamed, null));
					}, chunk.toArray());
		}
		return found;
	}

	private Map<String, Set<String>> named(Collection<String> ids) {
		Map<String, Set<String>> named = new HashMap<>();
		for (List<String> chunk : chunks(ids)) {
			this.jdbc.query(
					"SELECT record_id, login FROM registry_access WHERE record_id IN ("
							+ RecordStore.placeholders(chunk.size()) + ")",
					(RowCallbackHandler) rs -> named.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
						.add(rs.getString(2)),
					chunk.toArray());
		}
		return named;
	}

	private static List<List<String>> chunks(Collection<String> ids) {
		List<String> all = List.copyOf(ids);
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += 500) {
			chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
		}
		return chunks;
	}

}
