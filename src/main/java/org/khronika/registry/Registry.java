package org.khronika.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Detail;
import org.khronika.access.Permission;
import org.khronika.access.RecordFacts;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The registry's API, and the one place its access rules are enforced: every method that
 * shows or changes records takes the {@link Actor} and asks the {@link AccessPolicy}.
 * Writes append to the log (each with its projection, atomically); reads open sealed
 * fields in memory only for actors who may see them, and are written to the audit trail
 * before they are returned. A record the actor may not read behaves as if it did not
 * exist: not found, not listed, not counted.
 */
public class Registry {

	private final EventLog log;

	private final Sealer sealer;

	private final JdbcTemplate jdbc;

	private final RecordProjection projection;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Visibility visibility;

	Registry(EventLog log, Sealer sealer, JdbcTemplate jdbc, AccessPolicy policy, AuditTrail audit) {
		this.log = log;
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.projection = new RecordProjection(jdbc);
		this.policy = policy;
		this.audit = audit;
		this.visibility = new Visibility(jdbc, policy);
	}

	/**
	 * Records a new record with validated {@code details}, as {@code actor}.
	 * @return the new record's id at version 1, or the refusal {@code access.denied} (the
	 * role may not create this kind) or {@code record.reference_not_found} (it refers to
	 * a record the actor cannot see)
	 */
	public SaveResult record(Actor actor, RecordDetails details) {
		Permission permission = this.policy.mayCreate(actor, Visibility.type(details.kind()));
		if (permission instanceof Permission.Denied denied) {
			return new SaveResult.Refused(denied.code());
		}
		if (!referencesVisible(actor, details)) {
			return new SaveResult.Refused("record.reference_not_found");
		}
		return execute(actor.login(), new RegistryCommand.Record(details.kind().newId(), details));
	}

	/**
	 * Replaces the details of record {@code id} if it is still at
	 * {@code expectedVersion}.
	 * @return the new version, or a refusal: {@code record.stale} (someone changed it
	 * meanwhile), {@code record.not_found} (also when the actor may not see it),
	 * {@code record.shredded}, {@code access.denied}, {@code record.reference_not_found}
	 */
	public SaveResult revise(Actor actor, RecordId id, int expectedVersion, RecordDetails details) {
		if (details.kind() != id.kind()) {
			throw new IllegalArgumentException(
					"details of a " + details.kind().code() + " given for a " + id.kind().code());
		}
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused("record.not_found");
		}
		if (this.policy.mayEdit(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(denied.code());
		}
		if (!referencesVisible(actor, details)) {
			return new SaveResult.Refused("record.reference_not_found");
		}
		return execute(actor.login(), new RegistryCommand.Revise(id, expectedVersion, details));
	}

	/**
	 * Replaces the details of record {@code id} at whatever version it is, unless it says
	 * exactly this already: for imports, where the same row comes again. Compares in
	 * memory and shows the caller nothing of the record, so it is not a read.
	 * @return {@link SaveResult.Unchanged}, the new version, or the refusals of
	 * {@link #revise}
	 */
	public SaveResult reviseIfChanged(Actor actor, RecordId id, RecordDetails details) {
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused("record.not_found");
		}
		if (this.policy.mayEdit(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(denied.code());
		}
		RecordView current = this.jdbc.query("SELECT * FROM registry_record WHERE id = ?", mapper(true), id.toString())
			.get(0);
		if (current.details().equals(details)) {
			return new SaveResult.Unchanged(id, current.version());
		}
		return revise(actor, id, current.version(), details);
	}

	/**
	 * Sets who may see record {@code id}: {@code restricted} limits it to admins and the
	 * {@code users} named; on a case the named users are also its assigned lawyers.
	 * @return the new version, or {@code record.not_found}, {@code record.stale},
	 * {@code access.denied}
	 */
	public SaveResult share(Actor actor, RecordId id, int expectedVersion, boolean restricted,
			Collection<String> users) {
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused("record.not_found");
		}
		if (this.policy.mayShare(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(denied.code());
		}
		return execute(actor.login(),
				new RegistryCommand.Share(id, expectedVersion, restricted, List.copyOf(new LinkedHashSet<>(users))));
	}

	/**
	 * Destroys the person's data key: their names, birth year, contacts and notes become
	 * unreadable in the log and everywhere else, while the chain still verifies.
	 * @return the refusal {@code record.not_found}, {@code record.shredded} or
	 * {@code access.denied}, or the new version
	 */
	public SaveResult shred(Actor actor, PersonId id) {
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused("record.not_found");
		}
		if (this.policy.mayShred(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(denied.code());
		}
		SaveResult result = execute(actor.login(), new RegistryCommand.Shred(id));
		if (result instanceof SaveResult.Saved) {
			this.sealer.scrub();
		}
		return result;
	}

	/**
	 * Records that refer to {@code person} and may describe them in their own sealed
	 * text, as far as {@code actor} may see them (audited).
	 */
	public List<RecordView> recordsMentioning(Actor actor, PersonId person) {
		List<RecordView> records = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			records.addAll(linking(actor, person, kind));
		}
		this.audit.read(actor, "list", "mentioning", ids(records));
		return records;
	}

	private boolean referencesVisible(Actor actor, RecordDetails details) {
		return details.links().stream().allMatch(link -> this.visibility.mayRead(actor, link.target()));
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

	/** How much of the records it may read {@code actor} sees. */
	public Detail detail(Actor actor) {
		return this.policy.detail(actor.role());
	}

	/** Whether {@code actor} may record records of {@code kind}. */
	public boolean mayCreate(Actor actor, RecordKind kind) {
		return this.policy.mayCreate(actor, Visibility.type(kind)).isGranted();
	}

	/** Whether {@code actor} may edit record {@code id}. */
	public boolean mayEdit(Actor actor, RecordId id) {
		return this.visibility.facts(id).map(f -> this.policy.mayEdit(actor, f).isGranted()).orElse(false);
	}

	/** Whether {@code actor} may restrict record {@code id} and name its users. */
	public boolean mayShare(Actor actor, RecordId id) {
		return this.visibility.facts(id).map(f -> this.policy.mayShare(actor, f).isGranted()).orElse(false);
	}

	/**
	 * The record with this id as {@code actor} may see it, or empty if it does not exist
	 * or they may not see it (audited).
	 */
	public Optional<RecordView> read(Actor actor, RecordId id) {
		Optional<RecordView> record = visible(actor, id);
		record.ifPresent(r -> this.audit.read(actor, "read", null, List.of(r.id().toString())));
		return record;
	}

	/**
	 * The record with what its page shows around it, or empty if it does not exist or
	 * {@code actor} may not see it. One audit entry names every record it shows.
	 */
	public Optional<Dossier> dossier(Actor actor, RecordId id) {
		Optional<RecordView> found = visible(actor, id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RecordView record = found.get();
		Map<RecordKind, List<RecordView>> related = new EnumMap<>(RecordKind.class);
		List<RecordView> shown = new ArrayList<>(List.of(record));
		for (RecordKind kind : RecordKind.values()) {
			List<RecordView> linking = linking(actor, record.id(), kind);
			if (!linking.isEmpty()) {
				related.put(kind, linking);
				shown.addAll(linking);
			}
		}
		Map<RecordId, RecordView> referenced = referenced(actor, shown);
		List<String> ids = new ArrayList<>(ids(shown));
		ids.addAll(ids(referenced.values()));
		this.audit.read(actor, "read", null, ids.stream().distinct().toList());
		Boolean restricted = this.jdbc.queryForObject("SELECT restricted FROM registry_record WHERE id = ?",
				Boolean.class, id.toString());
		Set<String> named = new java.util.TreeSet<>(this.jdbc
			.queryForList("SELECT login FROM registry_access WHERE record_id = ?", String.class, id.toString()));
		return Optional.of(new Dossier(record, related, referenced, Boolean.TRUE.equals(restricted), named));
	}

	/** How many records of a kind {@code actor} may see; opens nothing. */
	public long count(Actor actor, RecordKind kind) {
		Visibility.Condition condition = this.visibility.condition(actor, kind);
		List<Object> arguments = new ArrayList<>(List.of(kind.code()));
		arguments.addAll(condition.arguments());
		Long total = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM registry_record r WHERE r.kind = ? AND " + condition.sql(), Long.class,
				arguments.toArray());
		return (total != null) ? total : 0;
	}

	/** Whether record {@code id} exists and {@code actor} may see it. */
	public boolean exists(Actor actor, RecordId id) {
		return this.visibility.mayRead(actor, id);
	}

	/**
	 * One page of the records of a kind that {@code actor} may see, most recently changed
	 * first, with the records they refer to (audited).
	 */
	public Listing list(Actor actor, RecordKind kind, int page, int size) {
		int safePage = Math.max(0, page);
		int safeSize = Math.min(Math.max(1, size), 500);
		Visibility.Condition condition = this.visibility.condition(actor, kind);
		List<Object> arguments = new ArrayList<>(List.of(kind.code()));
		arguments.addAll(condition.arguments());
		List<RecordView> items = this.jdbc
			.query("SELECT r.* FROM registry_record r WHERE r.kind = ? AND " + condition.sql()
					+ " ORDER BY r.updated_at DESC, r.id LIMIT " + safeSize + " OFFSET " + ((long) safePage * safeSize),
					mapper(actor), arguments.toArray());
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		List<String> ids = new ArrayList<>(ids(items));
		ids.addAll(ids(referenced.values()));
		this.audit.read(actor, "list", kind.code(), ids.stream().distinct().toList());
		return new Listing(new Page<>(items, safePage, safeSize, count(actor, kind)), referenced);
	}

	/**
	 * One page of the records {@code ids} (of one kind) that {@code actor} may see, in
	 * the order given, with the records they refer to: the records behind a figure
	 * (audited). Those they may not see are left out of the page; the total counts the
	 * ids given.
	 */
	public Listing selection(Actor actor, RecordKind kind, List<RecordId> ids, int page, int size) {
		int safeSize = Math.min(Math.max(1, size), 500);
		int safePage = Math.max(0, page);
		int from = (int) Math.min(ids.size(), (long) safePage * safeSize);
		List<String> wanted = ids.subList(from, Math.min(ids.size(), from + safeSize))
			.stream()
			.filter(id -> id.kind() == kind)
			.map(RecordId::toString)
			.toList();
		Map<String, RecordView> found = new HashMap<>();
		byIds(actor, kind, new LinkedHashSet<>(wanted)).forEach(view -> found.put(view.id().toString(), view));
		List<RecordView> items = wanted.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		List<String> shown = new ArrayList<>(ids(items));
		shown.addAll(ids(referenced.values()));
		this.audit.read(actor, "list", kind.code(), shown.stream().distinct().toList());
		return new Listing(new Page<>(items, safePage, safeSize, ids.size()), referenced);
	}

	/**
	 * Every record of a kind {@code actor} may see and link to, for choosing in forms;
	 * oldest first, shredded persons left out (audited).
	 */
	public Listing choices(Actor actor, RecordKind kind) {
		Visibility.Condition condition = this.visibility.condition(actor, kind);
		List<Object> arguments = new ArrayList<>(List.of(kind.code()));
		arguments.addAll(condition.arguments());
		List<RecordView> items = this.jdbc
			.query("SELECT r.* FROM registry_record r WHERE r.kind = ? AND r.shredded = FALSE AND " + condition.sql()
					+ " ORDER BY r.created_at, r.id", mapper(actor), arguments.toArray());
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		List<String> ids = new ArrayList<>(ids(items));
		ids.addAll(ids(referenced.values()));
		this.audit.read(actor, "choose", kind.code(), ids.stream().distinct().toList());
		return new Listing(new Page<>(items, 0, Math.max(1, items.size()), items.size()), referenced);
	}

	/** Records of {@code kind} that refer to {@code target} and {@code actor} may see. */
	private List<RecordView> linking(Actor actor, RecordId target, RecordKind kind) {
		Visibility.Condition condition = this.visibility.condition(actor, kind);
		List<Object> arguments = new ArrayList<>(List.of(target.toString(), kind.code()));
		arguments.addAll(condition.arguments());
		return this.jdbc.query(
				"SELECT DISTINCT r.* FROM registry_record r JOIN registry_link l ON l.from_id = r.id "
						+ "WHERE l.to_id = ? AND r.kind = ? AND " + condition.sql() + " ORDER BY r.created_at, r.id",
				mapper(actor), arguments.toArray());
	}

	/**
	 * The records {@code records} refer to, and those refer to in turn (a case event's
	 * case's person, for its title), as far as {@code actor} may see them.
	 */
	private Map<RecordId, RecordView> referenced(Actor actor, Collection<RecordView> records) {
		Map<RecordId, RecordView> found = new HashMap<>();
		Collection<RecordView> layer = records;
		for (int depth = 0; depth < 2 && !layer.isEmpty(); depth++) {
			Map<RecordKind, Set<String>> targets = new EnumMap<>(RecordKind.class);
			for (RecordView record : layer) {
				for (Link link : record.details().links()) {
					if (!found.containsKey(link.target())) {
						targets.computeIfAbsent(link.target().kind(), k -> new LinkedHashSet<>())
							.add(link.target().toString());
					}
				}
			}
			List<RecordView> next = new ArrayList<>();
			targets.forEach((kind, ids) -> next.addAll(byIds(actor, kind, ids)));
			next.forEach(r -> found.put(r.id(), r));
			layer = next;
		}
		return found;
	}

	private List<RecordView> byIds(Actor actor, RecordKind kind, Set<String> ids) {
		List<RecordView> views = new ArrayList<>();
		List<String> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += 200) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
			Visibility.Condition condition = this.visibility.condition(actor, kind);
			List<Object> arguments = new ArrayList<>(chunk);
			arguments.add(kind.code());
			arguments.addAll(condition.arguments());
			views.addAll(this.jdbc.query("SELECT r.* FROM registry_record r WHERE r.id IN ("
					+ String.join(", ", chunk.stream().map(i -> "?").toList()) + ") AND r.kind = ? AND "
					+ condition.sql(), mapper(actor), arguments.toArray()));
		}
		return views;
	}

	private Optional<RecordView> visible(Actor actor, RecordId id) {
		if (!this.visibility.mayRead(actor, id)) {
			return Optional.empty();
		}
		return this.jdbc
			.query("SELECT * FROM registry_record WHERE id = ? AND kind = ?", mapper(actor), id.toString(),
					id.kind().code())
			.stream()
			.findFirst();
	}

	/**
	 * Every version of the record, oldest first, with what it said and who changed it
	 * when, as far as {@code actor} may see it; empty if they may not see the record
	 * (audited).
	 */
	public Optional<List<HistoryItem>> history(Actor actor, RecordId id) {
		if (!this.visibility.mayRead(actor, id)) {
			return Optional.empty();
		}
		boolean open = detail(actor) == Detail.FULL;
		List<HistoryItem> items = new ArrayList<>();
		int version = 0;
		for (LogEntry entry : this.log.stream(id.toString())) {
			if (!EventTypes.isRegistryType(entry.type())) {
				continue;
			}
			version++;
			byte[] plaintext = open ? open(id, entry.sealedPart(), entry.identity().entryId()) : null;
			RegistryEvent event = EventTypes.decode(entry, plaintext);
			RecordDetails details = (event instanceof RegistryEvent.WithDetails withDetails) ? withDetails.details()
					: null;
			items.add(new HistoryItem(entry.sequence(), entry.type(), version, entry.recordedAt(), entry.actor(),
					details));
		}
		this.audit.read(actor, "history", null, List.of(id.toString()));
		return Optional.of(items);
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

	private static List<String> ids(Collection<RecordView> records) {
		return records.stream().map(r -> r.id().toString()).toList();
	}

	private RowMapper<RecordView> mapper(Actor actor) {
		return mapper(detail(actor) == Detail.FULL);
	}

	private RowMapper<RecordView> mapper(boolean openSealed) {
		return (rs, n) -> {
			RecordKind kind = RecordKind.ofCode(rs.getString("kind"));
			RecordId id = kind.id(UUID.fromString(rs.getString("id")));
			String sealedEntry = rs.getString("sealed_entry");
			byte[] plaintext = (openSealed && sealedEntry != null)
					? open(id, rs.getBytes("sealed_part"), UUID.fromString(sealedEntry)) : null;
			RecordDetails details = EventTypes.details(kind, Fields.of(CanonicalJson.read(rs.getString("public_part"))),
					Fields.of((plaintext != null) ? CanonicalJson.read(plaintext) : null));
			return new RecordView(id, rs.getInt("version"), details, rs.getBoolean("shredded"),
					!openSealed && sealedEntry != null, Instant.parse(rs.getString("created_at")),
					rs.getString("created_by"), Instant.parse(rs.getString("updated_at")), rs.getString("updated_by"));
		};
	}

}
