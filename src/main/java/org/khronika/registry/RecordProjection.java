package org.khronika.registry;

import java.util.List;

import org.khronika.eventlog.LogEntry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects registry events into the record tables: {@code registry_record} (each record's
 * public part and sealed part as the log holds them, its version and access facts),
 * {@code registry_link} and {@code registry_access}; through
 * {@link TypedTableProjection}, into each kind's typed table; and through
 * {@link RecordLinks}, the links between person records and between incident records. It
 * copies the log's parts as they are, so it needs no key and can be rebuilt from the log
 * alone. Replay-safe: it remembers the last log position applied and skips older entries.
 */
final class RecordProjection {

	static final String NAME = "registry_record";

	private final JdbcTemplate jdbc;

	private final TypedTableProjection tables;

	private final RecordLinks links;

	RecordProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.tables = new TypedTableProjection(jdbc);
		this.links = new RecordLinks(jdbc);
	}

	RecordLinks links() {
		return this.links;
	}

	/** The record's state for deciding: its version and whether it was shredded. */
	RecordState state(RecordId id) {
		List<RecordState> states = this.jdbc.query(
				"SELECT version, shredded FROM registry_record WHERE id = ? AND kind = ?",
				(rs, n) -> new RecordState(id, rs.getInt(1), rs.getBoolean(2)), id.toString(), id.kind().code());
		return states.isEmpty() ? null : states.get(0);
	}

	void apply(LogEntry entry, RegistryEvent event) {
		if (entry.sequence() <= position()) {
			return;
		}
		String id = event.recordId().toString();
		String at = entry.recordedAt().toString();
		if (event instanceof RegistryEvent.WithDetails withDetails) {
			RecordDetails details = withDetails.details();
			byte[] sealed = entry.isSealed() ? entry.sealedPart() : null;
			String sealedEntry = entry.isSealed() ? entry.identity().entryId().toString() : null;
			int updated = this.jdbc.update(
					"UPDATE registry_record SET version = version + 1, public_part = ?, sealed_part = ?, "
							+ "sealed_entry = ?, updated_at = ?, updated_by = ?, last_seq = ? WHERE id = ?",
					entry.publicPart(), sealed, sealedEntry, at, entry.actor(), entry.sequence(), id);
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO registry_record (id, kind, version, public_part, sealed_part, sealed_entry, shredded, "
								+ "created_at, created_by, updated_at, updated_by, last_seq) VALUES (?, ?, 1, ?, ?, ?, FALSE, ?, ?, ?, ?, ?)",
						id, details.kind().code(), entry.publicPart(), sealed, sealedEntry, at, entry.actor(), at,
						entry.actor(), entry.sequence());
			}
			this.jdbc.update("DELETE FROM registry_link WHERE from_id = ?", id);
			for (Link link : Kinds.of(details).links(details)) {
				this.jdbc.update("INSERT INTO registry_link (from_id, relation, to_id) VALUES (?, ?, ?)", id,
						link.relation(), link.target().toString());
			}
		}
		else if (event instanceof RegistryEvent.AccessSet access) {
			this.jdbc.update(
					"UPDATE registry_record SET version = version + 1, restricted = ?, updated_at = ?, updated_by = ?, "
							+ "last_seq = ? WHERE id = ?",
					access.restricted(), at, entry.actor(), entry.sequence(), id);
			this.jdbc.update("DELETE FROM registry_access WHERE record_id = ?", id);
			for (String login : access.users()) {
				this.jdbc.update("INSERT INTO registry_access (record_id, login) VALUES (?, ?)", id, login);
			}
		}
		else if (event instanceof RegistryEvent.Shredded) {
			this.jdbc.update(
					"UPDATE registry_record SET version = version + 1, shredded = TRUE, sealed_part = NULL, "
							+ "sealed_entry = NULL, updated_at = ?, updated_by = ?, last_seq = ? WHERE id = ?",
					at, entry.actor(), entry.sequence(), id);
		}
		else if (event instanceof RegistryEvent.Linked || event instanceof RegistryEvent.Unlinked
				|| event instanceof RegistryEvent.LinkRejected) {
			this.links.apply(entry, event);
		}
		else {
			throw new IllegalArgumentException("no projection for " + event.getClass().getSimpleName());
		}
		this.tables.apply(entry, event);
		this.jdbc.update("UPDATE projection_position SET last_seq = ? WHERE projection = ?", entry.sequence(), NAME);
	}

	long position() {
		List<Long> positions = this.jdbc.query("SELECT last_seq FROM projection_position WHERE projection = ?",
				(rs, n) -> rs.getLong(1), NAME);
		if (positions.isEmpty()) {
			this.jdbc.update("INSERT INTO projection_position (projection, last_seq) VALUES (?, 0)", NAME);
			return 0;
		}
		return positions.get(0);
	}

	/** Empties the record tables, the typed tables and the position, for a rebuild. */
	void clear() {
		this.tables.clear();
		this.links.clear();
		this.jdbc.update("DELETE FROM projection_position WHERE projection = 'facts-pending'");
		this.jdbc.update("DELETE FROM registry_link");
		this.jdbc.update("DELETE FROM registry_access");
		this.jdbc.update("DELETE FROM registry_record");
		this.jdbc.update("DELETE FROM projection_position WHERE projection = ?", NAME);
	}

}
