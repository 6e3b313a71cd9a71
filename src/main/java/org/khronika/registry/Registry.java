package org.khronika.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The registry's API: commands that append to the log (each with its projection,
 * atomically) and reads that open sealed fields in memory. Every write goes through here;
 * no other module writes registry tables or log entries of registry events.
 */
public class Registry {

	private final EventLog log;

	private final Sealer sealer;

	private final JdbcTemplate jdbc;

	private final RecordProjection projection;

	Registry(EventLog log, Sealer sealer, JdbcTemplate jdbc) {
		this.log = log;
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.projection = new RecordProjection(jdbc);
	}

	/**
	 * Records a new record with validated {@code details}, as {@code actor}.
	 * @return the new record's id at version 1
	 */
	public SaveResult record(String actor, RecordDetails details) {
		return execute(actor, new RegistryCommand.Record(details.kind().newId(), details));
	}

	/**
	 * Replaces the details of record {@code id} if it is still at
	 * {@code expectedVersion}.
	 * @return the new version, or a refusal: {@code record.stale} (someone changed it
	 * meanwhile), {@code record.not_found}, {@code record.shredded}
	 */
	public SaveResult revise(String actor, RecordId id, int expectedVersion, RecordDetails details) {
		if (details.kind() != id.kind()) {
			throw new IllegalArgumentException(
					"details of a " + details.kind().code() + " given for a " + id.kind().code());
		}
		return execute(actor, new RegistryCommand.Revise(id, expectedVersion, details));
	}

	/**
	 * Destroys the person's data key: their names, birth year, contacts and notes become
	 * unreadable in the log and everywhere else, while the chain still verifies.
	 * @return the refusal {@code record.not_found} or {@code record.shredded}, or the new
	 * version
	 */
	public SaveResult shred(String actor, PersonId id) {
		SaveResult result = execute(actor, new RegistryCommand.Shred(id));
		if (result instanceof SaveResult.Saved) {
			this.sealer.scrub();
		}
		return result;
	}

	/**
	 * Records that refer to {@code person} and may describe them in their own sealed
	 * text.
	 */
	public List<RecordView> recordsMentioning(PersonId person) {
		return linking(person, null);
	}

	private SaveResult execute(String actor, RegistryCommand command) {
		return this.log.write(appender -> {
			RecordState state = this.projection.state(command.recordId());
			Decision decision = RegistryDecider.decide(command, state);
			if (decision instanceof Decision.Rejected rejected) {
				return new SaveResult.Refused(rejected.code());
			}
			for (RegistryEvent event : ((Decision.Accepted) decision).events()) {
				LogEntry entry = appender.append(pending(actor, event));
				this.projection.apply(entry, event);
				state = RecordState.evolve(state, event);
				if (event instanceof RegistryEvent.PersonShredded shredded) {
					this.sealer.destroy(shredded.recordId().toString());
				}
			}
			return new SaveResult.Saved(command.recordId(), state.version());
		});
	}

	private PendingEntry pending(String actor, RegistryEvent event) {
		EventTypes.Encoded encoded = EventTypes.encode(event);
		EntryIdentity identity = EntryIdentity.next(event.recordId().toString());
		byte[] sealed = encoded.hasSealedPart()
				? this.sealer.seal(identity.streamId(), encoded.sealedPlaintext(), identity.associatedData()) : null;
		return new PendingEntry(identity, encoded.type().name(), encoded.type().version(), actor, encoded.publicPart(),
				sealed);
	}

	/** The record with this id, if it exists and is of the id's kind. */
	public Optional<RecordView> find(RecordId id) {
		return this.jdbc
			.query("SELECT * FROM registry_record WHERE id = ? AND kind = ?", this.view, id.toString(),
					id.kind().code())
			.stream()
			.findFirst();
	}

	/** Whether a record with this id and kind exists. */
	public boolean exists(RecordId id) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM registry_record WHERE id = ? AND kind = ?",
				Integer.class, id.toString(), id.kind().code());
		return count != null && count > 0;
	}

	/** How many records of a kind there are; opens nothing. */
	public long count(RecordKind kind) {
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM registry_record WHERE kind = ?", Long.class,
				kind.code());
		return (total != null) ? total : 0;
	}

	/** One page of the records of a kind, most recently changed first. */
	public Page<RecordView> list(RecordKind kind, int page, int size) {
		int safePage = Math.max(0, page);
		int safeSize = Math.min(Math.max(1, size), 500);
		long total = count(kind);
		List<RecordView> items = this.jdbc
			.query("SELECT * FROM registry_record WHERE kind = ? ORDER BY updated_at DESC, id LIMIT " + safeSize
					+ " OFFSET " + ((long) safePage * safeSize), this.view, kind.code());
		return new Page<>(items, safePage, safeSize, total);
	}

	/** Every record of a kind, for choosing in forms; oldest first. */
	public List<RecordView> all(RecordKind kind) {
		return this.jdbc.query("SELECT * FROM registry_record WHERE kind = ? ORDER BY created_at, id", this.view,
				kind.code());
	}

	/**
	 * Records of {@code kind} (any kind if null) that refer to {@code target}, oldest
	 * first.
	 */
	public List<RecordView> linking(RecordId target, RecordKind kind) {
		String sql = "SELECT r.* FROM registry_record r JOIN registry_link l ON l.from_id = r.id WHERE l.to_id = ?"
				+ ((kind != null) ? " AND r.kind = ?" : "") + " ORDER BY r.created_at, r.id";
		Object[] args = (kind != null) ? new Object[] { target.toString(), kind.code() }
				: new Object[] { target.toString() };
		return this.jdbc.query(sql, this.view, args).stream().distinct().toList();
	}

	/**
	 * Every version of the record, oldest first, with what it said and who changed it
	 * when.
	 */
	public List<HistoryItem> history(RecordId id) {
		List<HistoryItem> items = new ArrayList<>();
		int version = 0;
		for (LogEntry entry : this.log.stream(id.toString())) {
			if (!EventTypes.isRegistryType(entry.type())) {
				continue;
			}
			version++;
			RegistryEvent event = EventTypes.decode(entry, open(id, entry.sealedPart(), entry.identity().entryId()));
			RecordDetails details = (event instanceof RegistryEvent.WithDetails withDetails) ? withDetails.details()
					: null;
			items.add(new HistoryItem(entry.sequence(), entry.type(), version, entry.recordedAt(), entry.actor(),
					details));
		}
		return items;
	}

	/**
	 * Rebuilds the read tables from the log, in one transaction: afterwards they are
	 * exactly what projecting every entry gives. Needs no key.
	 * @return the number of log entries replayed
	 */
	public long rebuild() {
		return rebuild(Integer.MAX_VALUE, replayed -> {
		});
	}

	/**
	 * As {@link #rebuild()}, telling {@code progress} the number of entries replayed so
	 * far after every {@code every} entries.
	 */
	public long rebuild(int every, java.util.function.LongConsumer progress) {
		return this.log.write(appender -> {
			this.projection.clear();
			long[] replayed = { 0 };
			this.log.replay(entry -> {
				if (EventTypes.isRegistryType(entry.type())) {
					this.projection.apply(entry, EventTypes.decode(entry, null));
				}
				if (++replayed[0] % every == 0) {
					progress.accept(replayed[0]);
				}
			});
			return replayed[0];
		});
	}

	private byte[] open(RecordId id, byte[] sealed, UUID entryId) {
		if (sealed == null || sealed.length == 0) {
			return null;
		}
		return this.sealer.open(id.toString(), sealed, new EntryIdentity(entryId, id.toString()).associatedData())
			.orElse(null);
	}

	private final RowMapper<RecordView> view = (rs, n) -> {
		RecordKind kind = RecordKind.ofCode(rs.getString("kind"));
		RecordId id = kind.id(UUID.fromString(rs.getString("id")));
		String sealedEntry = rs.getString("sealed_entry");
		byte[] plaintext = (sealedEntry != null) ? open(id, rs.getBytes("sealed_part"), UUID.fromString(sealedEntry))
				: null;
		RecordDetails details = EventTypes.details(kind, Fields.of(CanonicalJson.read(rs.getString("public_part"))),
				Fields.of((plaintext != null) ? CanonicalJson.read(plaintext) : null));
		return new RecordView(id, rs.getInt("version"), details, rs.getBoolean("shredded"),
				Instant.parse(rs.getString("created_at")), rs.getString("created_by"),
				Instant.parse(rs.getString("updated_at")), rs.getString("updated_by"));
	};

}
