package org.khronika.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Detail;
import org.khronika.access.Permission;
import org.khronika.access.RecordFacts;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.Fingerprints;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's API, and the one place its access rules are enforced: every method that
 * shows or changes records takes the {@link Actor} and asks the {@link AccessPolicy}.
 * Every entry path (forms, the API, imports, the command line) records and revises
 * through the same methods, which check drafts, keep the links an editor cannot see, and
 * let each kind's rules decide before anything is appended to the log (with its
 * projections, atomically). Reads open sealed fields in memory only for actors who may
 * see them, a page's worth at once, and are queued for the audit trail before they are
 * returned. A record the actor may not read behaves as if it did not exist: not found,
 * not listed, not counted.
 */
public class Registry {

	private static final Log logger = LogFactory.getLog(Registry.class);

	/** How many pages beyond the one asked for a list counts its records. */
	static final int COUNT_AHEAD = 20;

	private final EventLog log;

	private final Sealer sealer;

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Catalog catalog;

	private final Clock clock;

	private final RecordProjection projection;

	private final Visibility visibility;

	private final RecordStore store;

	private final RecordValidator validator;

	private final Fingerprints fingerprints;

	Registry(EventLog log, Sealer sealer, Fingerprints fingerprints, JdbcTemplate jdbc, AccessPolicy policy,
			AuditTrail audit, Catalog catalog, Clock clock) {
		this.log = log;
		this.sealer = sealer;
		this.fingerprints = fingerprints;
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.catalog = catalog;
		this.clock = clock;
		this.projection = new RecordProjection(jdbc);
		this.visibility = new Visibility(jdbc, policy);
		this.store = new RecordStore(jdbc, sealer);
		this.validator = new RecordValidator(catalog, this);
	}

	/** The checks every draft goes through, for paths that check without writing. */
	public RecordValidator validator() {
		return this.validator;
	}

	// writing

	/**
	 * Records a new record from {@code draft}, as {@code actor}.
	 * @return the new record at version 1, or the refusal {@link Refusal#DENIED} (the
	 * role may not create this kind) or {@link Refusal#INVALID} with every problem
	 */
	public SaveResult record(Actor actor, RecordDraft draft) {
		return together(actor, List.of(new Change.New(draft)));
	}

	/**
	 * Records a new record with {@code details}, as {@code actor}: for paths that build
	 * details themselves. The kind's rules decide as for a draft.
	 * @return as {@link #record(Actor, RecordDraft)}; a reference to a record the actor
	 * may not see is {@link Refusal#INVALID}, as if it did not exist
	 */
	public SaveResult record(Actor actor, RecordDetails details) {
		Prepared prepared = newRecord(actor, details);
		return (prepared.refused() != null) ? prepared.refused() : execute(actor.login(), prepared.command());
	}

	/** One of several changes made together: a new record, or a new version of one. */
	public sealed interface Change {

		/** A new record, as {@link Registry#record(Actor, RecordDraft)} makes it. */
		record New(RecordDraft draft) implements Change {
		}

		/**
		 * A new version of a record, as
		 * {@link Registry#revise(Actor, RecordId, int, RecordDraft)} makes it.
		 */
		record Revision(RecordId id, int expectedVersion, RecordDraft draft) implements Change {
		}

	}

	/**
	 * Makes {@code changes} all or none: for one action that states several facts (a
	 * hearing and the extension it decided; a verdict and the case's outcome). Each is
	 * checked as it would be alone; the first refusal refuses them all, and nothing is
	 * written.
	 * @return the first change's record as saved, or the first refusal with its problems
	 */
	public SaveResult together(Actor actor, List<Change> changes) {
		List<RegistryCommand> commands = new ArrayList<>();
		for (Change change : changes) {
			Prepared prepared = (change instanceof Change.New created) ? newRecord(actor, created.draft())
					: revision(actor, (Change.Revision) change);
			if (prepared.refused() != null) {
				return prepared.refused();
			}
			commands.add(prepared.command());
		}
		return execute(actor.login(), commands);
	}

	/** A command checked and ready to decide, or why it is refused before that. */
	private record Prepared(RegistryCommand command, SaveResult.Refused refused) {

		static Prepared refused(Refusal refusal, List<FieldProblem> problems) {
			return new Prepared(null, new SaveResult.Refused(refusal, problems));
		}

	}

	private Prepared newRecord(Actor actor, RecordDraft draft) {
		if (!mayCreate(actor, draft.kind())) {
			return Prepared.refused(Refusal.DENIED, List.of());
		}
		Validated<RecordDetails> validated = this.validator.validate(actor, draft);
		if (!validated.isValid()) {
			return Prepared.refused(Refusal.INVALID, validated.problems());
		}
		return newRecord(actor, validated.details());
	}

	private Prepared newRecord(Actor actor, RecordDetails details) {
		if (!mayCreate(actor, details.kind())) {
			return Prepared.refused(Refusal.DENIED, List.of());
		}
		List<FieldProblem> unseen = unseen(actor, details, Set.of());
		if (!unseen.isEmpty()) {
			return Prepared.refused(Refusal.INVALID, unseen);
		}
		return new Prepared(new RegistryCommand.Record(details.kind().newId(), details), null);
	}

	/**
	 * Replaces record {@code id} with {@code draft} if it is still at
	 * {@code expectedVersion}. Links to records the actor may not see are kept: a list of
	 * references keeps them beside those given; a single one (a case's person) stays, and
	 * giving another in its place is a problem of that field.
	 * @return the new version, or a refusal: {@link Refusal#STALE} (someone changed it
	 * meanwhile), {@link Refusal#NOT_FOUND} (also when the actor may not see it),
	 * {@link Refusal#SHREDDED}, {@link Refusal#DENIED}, {@link Refusal#INVALID}
	 */
	public SaveResult revise(Actor actor, RecordId id, int expectedVersion, RecordDraft draft) {
		return together(actor, List.of(new Change.Revision(id, expectedVersion, draft)));
	}

	private Prepared revision(Actor actor, Change.Revision change) {
		RecordId id = change.id();
		RecordDraft draft = change.draft();
		if (draft.kind() != id.kind()) {
			throw new IllegalArgumentException(
					"a draft of a " + draft.kind().code() + " given for a " + id.kind().code());
		}
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return Prepared.refused(Refusal.NOT_FOUND, List.of());
		}
		if (this.policy.mayEdit(actor, facts.get()) instanceof Permission.Denied denied) {
			return Prepared.refused(refusal(denied), List.of());
		}
		Set<RecordId> hidden = hiddenLinks(actor, id);
		List<FieldProblem> problems = new ArrayList<>();
		RecordDraft kept = keep(draft, hidden, this.store.find(id).orElseThrow(), problems);
		if (!problems.isEmpty()) {
			return Prepared.refused(Refusal.INVALID, problems);
		}
		Validated<RecordDetails> validated = this.validator.validate(actor, kept, hidden);
		if (!validated.isValid()) {
			return Prepared.refused(Refusal.INVALID, validated.problems());
		}
		return new Prepared(new RegistryCommand.Revise(id, change.expectedVersion(), validated.details()), null);
	}

	/**
	 * As {@link #revise(Actor, RecordId, int, RecordDraft)}, for details built elsewhere.
	 */
	public SaveResult revise(Actor actor, RecordId id, int expectedVersion, RecordDetails details) {
		return revise(actor, id, expectedVersion, RecordDraft.of(details));
	}

	/**
	 * Replaces record {@code id} with {@code draft} at whatever version it is: for
	 * imports, where a corrected row revises what it once recorded.
	 * @return as {@link #revise(Actor, RecordId, int, RecordDraft)}, never stale
	 */
	public SaveResult revise(Actor actor, RecordId id, RecordDraft draft) {
		RecordState state = this.projection.state(id);
		return revise(actor, id, (state != null) ? state.version() : 0, draft);
	}

	/**
	 * Every problem {@code draft} would be refused for, as a new record or (if
	 * {@code revising} is not null) as a new version of that record, by the same checks
	 * and rules as {@link #record(Actor, RecordDraft)}, without writing anything: for an
	 * import's first pass.
	 */
	public List<FieldProblem> check(Actor actor, RecordDraft draft, RecordId revising) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<RecordId> hidden = (revising != null) ? hiddenLinks(actor, revising) : Set.of();
		RecordDraft kept = (revising != null) ? keep(draft, hidden, this.store.find(revising).orElseThrow(), problems)
				: draft;
		if (!problems.isEmpty()) {
			return problems;
		}
		Validated<RecordDetails> validated = this.validator.validate(actor, kept, hidden);
		if (!validated.isValid()) {
			return validated.problems();
		}
		RecordDetails details = validated.details();
		Kind<RecordDetails> kind = Kinds.of(details);
		RuleContext context = new RuleContext(LocalDate.now(this.clock), this.catalog, this.store);
		problems.addAll(kind.catalogProblems(details, this.catalog));
		problems.addAll(kind.rules(details, (revising != null) ? revising : details.kind().newId(), context));
		return problems;
	}

	/**
	 * A keyed fingerprint of everything {@code details} say, sealed fields included:
	 * equal for equal details, and telling nothing without the keyring. For an import's
	 * second pass, which compares rows with what they last recorded without opening a
	 * record.
	 */
	public String fingerprint(RecordDetails details) {
		Kind<RecordDetails> kind = Kinds.of(details);
		java.util.Map<String, Object> everything = new java.util.TreeMap<>();
		everything.put("kind", details.kind().code());
		everything.put("public", new java.util.TreeMap<>(kind.stored(details, false)));
		everything.put("sealed", new java.util.TreeMap<>(kind.stored(details, true)));
		return this.fingerprints.of("imports", CanonicalJson.bytes(everything));
	}

	/**
	 * Whether record {@code id} says exactly {@code details} now. Opens the record to
	 * compare and shows nothing of it, so it is not a read; for rows imported before
	 * fingerprints were kept.
	 */
	public boolean says(RecordId id, RecordDetails details) {
		List<Object> arguments = List.of(id.toString(), id.kind().code());
		return this.store
			.views("SELECT r.* FROM registry_record r WHERE r.id = ? AND r.kind = ?", arguments, kind -> true, false)
			.stream()
			.anyMatch(view -> view.details().equals(details));
	}

	/**
	 * Sets who may see record {@code id}: {@code restricted} limits it to admins and the
	 * {@code users} named; on a case the named users are also its assigned lawyers.
	 * @return the new version, or {@link Refusal#NOT_FOUND}, {@link Refusal#STALE},
	 * {@link Refusal#DENIED}
	 */
	public SaveResult share(Actor actor, RecordId id, int expectedVersion, boolean restricted,
			Collection<String> users) {
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused(Refusal.NOT_FOUND);
		}
		if (this.policy.mayShare(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(refusal(denied));
		}
		return execute(actor.login(),
				new RegistryCommand.Share(id, expectedVersion, restricted, List.copyOf(new LinkedHashSet<>(users))));
	}

	/**
	 * Destroys the person's data key: their names, birth year, contacts and notes become
	 * unreadable in the log and everywhere else, while the chain still verifies. A person
	 * recorded several times and linked as one is one person: every record linked with
	 * {@code id} is shredded too (a record hidden from the actor or shredded already is
	 * left as it is). The log's head is then signed, as a checkpoint.
	 * @return the new version of {@code id}, or {@link Refusal#NOT_FOUND},
	 * {@link Refusal#SHREDDED} or {@link Refusal#DENIED}
	 */
	public SaveResult shred(Actor actor, PersonId id) {
		Optional<RecordFacts> facts = this.visibility.facts(id);
		if (facts.isEmpty()) {
			return new SaveResult.Refused(Refusal.NOT_FOUND);
		}
		if (this.policy.mayShred(actor, facts.get()) instanceof Permission.Denied denied) {
			return new SaveResult.Refused(refusal(denied));
		}
		SaveResult result = execute(actor.login(), new RegistryCommand.Shred(id));
		if (result instanceof SaveResult.Saved) {
			for (String other : this.projection.links().cluster(id.toString())) {
				PersonId linked = new PersonId(UUID.fromString(other));
				Optional<RecordFacts> otherFacts = this.visibility.facts(linked);
				RecordState state = this.projection.state(linked);
				if (!linked.equals(id) && otherFacts.isPresent() && state != null && !state.shredded()
						&& this.policy.mayShred(actor, otherFacts.get()).isGranted()) {
					execute(actor.login(), new RegistryCommand.Shred(linked));
				}
			}
			this.sealer.scrub();
			// witnessed at once, wherever the shredding was asked for: a copy of the
			// database from before it no longer passes for the current one
			this.log.checkpoint();
		}
		return result;
	}

	/**
	 * Links two person records as one person, or two incident records as one incident, as
	 * {@code actor} confirmed: a {@code person.linked} ({@code incident.linked}) entry;
	 * nothing of either record changes, and {@link #unlink} takes it back.
	 * @return the first record at its version, or {@link Refusal#NOT_FOUND} (either is
	 * missing or hidden from the actor), {@link Refusal#DENIED} (the actor may not edit
	 * both), {@link Refusal#SHREDDED}, {@link Refusal#EXISTS} (linked already) or
	 * {@link Refusal#INVALID} (a record with itself, or with a record of another kind)
	 */
	public SaveResult link(Actor actor, RecordId record, RecordId other) {
		return linkCommand(actor, record, other, () -> new RegistryCommand.Link(record, other));
	}

	/**
	 * Takes a link between two records back: a {@code person.unlinked}
	 * ({@code incident.unlinked}) entry.
	 * @return as {@link #link}; {@link Refusal#NOT_FOUND} if they are not linked
	 */
	public SaveResult unlink(Actor actor, RecordId record, RecordId other) {
		return linkCommand(actor, record, other, () -> new RegistryCommand.Unlink(record, other));
	}

	/**
	 * Records that two records are not one person (incident): a
	 * {@code person.link-rejected} ({@code incident.link-rejected}) entry; linkage does
	 * not propose them again.
	 * @return as {@link #link}; {@link Refusal#EXISTS} if they are linked (unlink them
	 * first)
	 */
	public SaveResult rejectLink(Actor actor, RecordId record, RecordId other) {
		return linkCommand(actor, record, other, () -> new RegistryCommand.RejectLink(record, other));
	}

	private SaveResult linkCommand(Actor actor, RecordId record, RecordId other,
			java.util.function.Supplier<RegistryCommand> command) {
		if (record.kind() != other.kind() || !record.kind().linkable()) {
			return new SaveResult.Refused(Refusal.INVALID, List.of(FieldProblem.of("with", "link_kind")));
		}
		for (RecordId id : List.of(record, other)) {
			Optional<RecordFacts> facts = this.visibility.facts(id);
			if (facts.isEmpty() || !this.policy.mayRead(actor, facts.get())) {
				return new SaveResult.Refused(Refusal.NOT_FOUND);
			}
			if (this.policy.mayEdit(actor, facts.get()) instanceof Permission.Denied denied) {
				return new SaveResult.Refused(refusal(denied));
			}
		}
		return this.log.write(appender -> {
			RecordState state = this.projection.state(record);
			RecordState otherState = this.projection.state(other);
			boolean linked = this.projection.links().linked(RecordLinks.Pair.of(record, other));
			Decision decision = RegistryDecider.decideLink(command.get(), state, otherState, linked);
			if (decision instanceof Decision.Rejected rejected) {
				return new SaveResult.Refused(rejected.refusal(), rejected.problems());
			}
			for (RegistryEvent event : ((Decision.Accepted) decision).events()) {
				this.projection.apply(appender.append(pending(actor.login(), event)), event);
			}
			return new SaveResult.Saved(record, state.version());
		});
	}

	/**
	 * The records linked as one with {@code record} (one person, one incident) that
	 * {@code actor} may see, {@code record} itself included if they may see it, in the
	 * order they were recorded (audited).
	 */
	public List<RecordView> linkedRecords(Actor actor, RecordId record) {
		Set<String> cluster = this.projection.links().cluster(record.toString());
		if (cluster.size() < 2) {
			return visible(actor, record).map(List::of).orElse(List.of());
		}
		List<RecordView> views = new ArrayList<>(
				this.store.byIds(cluster, this.visibility.condition(actor, record.kind()), k -> true, redacted(actor)));
		views.sort(java.util.Comparator.comparing(RecordView::createdAt).thenComparing(v -> v.id().toString()));
		audit(actor, "read", "same-" + record.kind().code(), views, List.of());
		return views;
	}

	/** Whether two records are linked as one person (incident) now. */
	public boolean linked(RecordId record, RecordId other) {
		return this.projection.links().linked(RecordLinks.Pair.of(record, other));
	}

	/** Whether someone said two records are not one person (incident). */
	public boolean linkRejected(RecordId record, RecordId other) {
		return this.projection.links().rejected(RecordLinks.Pair.of(record, other));
	}

	/**
	 * Every record of {@code kind} linked to another, with the least id of its person
	 * (incident), its cluster: public facts, no names, for linkage and counts.
	 */
	public Map<String, String> clusters(RecordKind kind) {
		Map<String, String> clusters = new HashMap<>();
		this.jdbc.query(
				"SELECT c.record_id, c.cluster_id FROM record_cluster c JOIN registry_record r ON r.id = c.record_id "
						+ "WHERE r.kind = ?",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> clusters.put(rs.getString(1), rs.getString(2)),
				kind.code());
		return clusters;
	}

	/**
	 * The person (incident) each of {@code records} is one record of: its cluster's id,
	 * or its own id if it is linked to no other. Ids only.
	 */
	public Map<RecordId, String> clustersOf(Collection<? extends RecordId> records) {
		Map<RecordId, String> clusters = new HashMap<>();
		Map<String, RecordId> byId = new HashMap<>();
		records.forEach(record -> {
			clusters.put(record, record.toString());
			byId.put(record.toString(), record);
		});
		if (!byId.isEmpty()) {
			this.jdbc.query(
					"SELECT record_id, cluster_id FROM record_cluster WHERE record_id IN ("
							+ RecordStore.placeholders(byId.size()) + ")",
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> clusters.put(byId.get(rs.getString(1)),
							rs.getString(2)),
					byId.keySet().toArray());
		}
		return clusters;
	}

	/**
	 * Every pair of records of {@code kind} said not to be one person (incident), each as
	 * its two ids.
	 */
	public List<List<String>> rejectedLinks(RecordKind kind) {
		return this.jdbc.query(
				"SELECT j.left_id, j.right_id FROM record_link_rejected j JOIN registry_record r ON r.id = j.left_id "
						+ "WHERE r.kind = ?",
				(rs, n) -> List.of(rs.getString(1), rs.getString(2)), kind.code());
	}

	/**
	 * Replaces linkage's proposals for records of {@code kind} with {@code proposals}, in
	 * one transaction.
	 * @throws org.khronika.access.AccessRefused unless {@code actor} may create records
	 * of that kind
	 */
	public void replaceLinkProposals(Actor actor, RecordKind kind, Collection<LinkProposal> proposals) {
		org.khronika.access.AccessRefused.unless(this.policy.mayCreate(actor, Visibility.type(kind)));
		if (proposals.stream().anyMatch(p -> p.left().kind() != kind)) {
			throw new IllegalArgumentException("a proposal for another kind than " + kind.code());
		}
		String at = this.clock.instant().toString();
		this.log.write(appender -> {
			this.jdbc.update("DELETE FROM link_proposal WHERE kind = ?", kind.code());
			List<Object[]> rows = new ArrayList<>();
			proposals.forEach(p -> rows
				.add(new Object[] { p.left().toString(), p.right().toString(), p.probability(), at, kind.code() }));
			this.jdbc.batchUpdate(
					"INSERT INTO link_proposal (left_id, right_id, probability, proposed_at, kind) VALUES (?, ?, ?, ?, ?)",
					rows);
			return null;
		});
	}

	/**
	 * The proposals for records of {@code kind} still open (neither confirmed nor
	 * rejected) whose two records {@code actor} may both see, most probable first, at
	 * most {@code limit}; ids and scores only, nothing opened.
	 */
	public List<LinkProposal> openLinkProposals(Actor actor, RecordKind kind, int limit) {
		Visibility.Condition left = ReadRuleSql.render(this.policy.readRule(actor, Visibility.type(kind)), "l", kind);
		Visibility.Condition right = ReadRuleSql.render(this.policy.readRule(actor, Visibility.type(kind)), "r", kind);
		List<Object> arguments = new ArrayList<>();
		arguments.add(kind.code());
		arguments.addAll(left.arguments());
		arguments.addAll(right.arguments());
		return this.jdbc.query(
				"SELECT p.left_id, p.right_id, p.probability FROM link_proposal p "
						+ "JOIN registry_record l ON l.id = p.left_id JOIN registry_record r ON r.id = p.right_id "
						+ "WHERE p.kind = ? AND l.shredded = FALSE AND r.shredded = FALSE AND " + left.sql() + " AND "
						+ right.sql() + " AND " + OPEN + " ORDER BY p.probability DESC, p.left_id, p.right_id LIMIT "
						+ Math.max(1, limit),
				(rs, n) -> new LinkProposal(kind.id(UUID.fromString(rs.getString(1))),
						kind.id(UUID.fromString(rs.getString(2))), rs.getDouble(3)),
				arguments.toArray());
	}

	/**
	 * How many proposals for records of {@code kind} are still open: the figures may
	 * change when they are decided. A count, no ids.
	 */
	public long openLinkProposalCount(RecordKind kind) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM link_proposal p WHERE p.kind = ? AND " + OPEN,
				Long.class, kind.code());
		return (count != null) ? count : 0;
	}

	/** A proposal neither confirmed nor rejected. */
	private static final String OPEN = "NOT EXISTS (SELECT 1 FROM record_link k "
			+ "WHERE k.left_id = p.left_id AND k.right_id = p.right_id) AND NOT EXISTS (SELECT 1 FROM "
			+ "record_link_rejected j WHERE j.left_id = p.left_id AND j.right_id = p.right_id)";

	private static Refusal refusal(Permission.Denied denied) {
		return "record.not_found".equals(denied.code()) ? Refusal.NOT_FOUND : Refusal.DENIED;
	}

	/**
	 * The references of {@code details} to records the actor may not see (as if they did
	 * not exist), except {@code kept}.
	 */
	private List<FieldProblem> unseen(Actor actor, RecordDetails details, Set<RecordId> kept) {
		Kind<RecordDetails> kind = Kinds.of(details);
		FieldValues values = kind.values(details);
		List<FieldProblem> problems = new ArrayList<>();
		for (Field field : kind.fields()) {
			if (!field.isReference()) {
				continue;
			}
			List<?> ids = values.all(field.name());
			for (int i = 0; i < ids.size(); i++) {
				RecordId target = (RecordId) ids.get(i);
				if (!kept.contains(target) && !this.visibility.mayRead(actor, target)) {
					problems.add(FieldProblem.of(field.type().isList() ? field.name() + "[" + i + "]" : field.name(),
							"no_such_record", field.target().code(), target.toString()));
				}
			}
		}
		return problems;
	}

	/** The records {@code id} refers to that {@code actor} may not see. */
	private Set<RecordId> hiddenLinks(Actor actor, RecordId id) {
		Set<RecordId> links = new LinkedHashSet<>(this.store.linksOf(id));
		if (links.isEmpty()) {
			return Set.of();
		}
		Set<RecordId> visible = new java.util.HashSet<>();
		this.store
			.byIds(links.stream().map(RecordId::toString).toList(), this.visibility.anyKind(actor), kind -> false, true)
			.forEach(view -> visible.add(view.id()));
		links.removeAll(visible);
		return links;
	}

	/**
	 * {@code draft} with the hidden links of the record's {@code current} details kept in
	 * its reference fields.
	 */
	private static RecordDraft keep(RecordDraft draft, Set<RecordId> hidden, RecordDetails current,
			List<FieldProblem> problems) {
		if (hidden.isEmpty()) {
			return draft;
		}
		FieldValues values = Kinds.of(current).values(current);
		RecordDraft kept = draft;
		for (Field field : draft.kind().fields()) {
			List<String> keep = values.all(field.name())
				.stream()
				.filter(hidden::contains)
				.map(Object::toString)
				.toList();
			if (!field.isReference() || keep.isEmpty()) {
				continue;
			}
			List<String> given = draft.get(field.name()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
			if (field.type().isList()) {
				List<String> merged = new ArrayList<>(given);
				keep.stream().filter(id -> !merged.contains(id)).forEach(merged::add);
				kept = kept.with(field.name(), merged);
			}
			else if (given.isEmpty() || given.equals(keep)) {
				kept = kept.with(field.name(), keep);
			}
			else {
				problems.add(FieldProblem.of(field.name(), "link_hidden"));
			}
		}
		return kept;
	}

	private SaveResult execute(String actor, RegistryCommand command) {
		return execute(actor, List.of(command));
	}

	/**
	 * Decides and appends {@code commands} in one transaction: all are written, or (the
	 * first refused) none.
	 * @return the first command's record as saved, or the refusal
	 */
	private SaveResult execute(String actor, List<RegistryCommand> commands) {
		try {
			return this.log.write(appender -> {
				SaveResult first = null;
				for (RegistryCommand command : commands) {
					RecordState state = this.projection.state(command.recordId());
					RuleContext context = new RuleContext(LocalDate.now(this.clock), this.catalog, this.store);
					Decision decision = RegistryDecider.decide(command, state, context);
					if (decision instanceof Decision.Rejected rejected) {
						throw new Rejection(new SaveResult.Refused(rejected.refusal(), rejected.problems()));
					}
					for (RegistryEvent event : ((Decision.Accepted) decision).events()) {
						LogEntry entry = appender.append(pending(actor, event));
						this.projection.apply(entry, event);
						state = RecordState.evolve(state, event);
						if (event instanceof RegistryEvent.Shredded shredded) {
							this.sealer.destroy(shredded.recordId().toString());
						}
					}
					first = (first != null) ? first : new SaveResult.Saved(command.recordId(), state.version());
				}
				return first;
			});
		}
		catch (Rejection rejection) {
			return rejection.refused;
		}
	}

	/** A command refused inside the log's transaction, which rolls everything back. */
	private static final class Rejection extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient SaveResult.Refused refused;

		Rejection(SaveResult.Refused refused) {
			super(null, null, false, false);
			this.refused = refused;
		}

	}

	private PendingEntry pending(String actor, RegistryEvent event) {
		EventTypes.Encoded encoded = EventTypes.encode(event);
		EntryIdentity identity = EntryIdentity.next(event.recordId().toString());
		byte[] sealed = encoded.hasSealedPart()
				? this.sealer.seal(identity.streamId(), encoded.sealedPlaintext(), identity.associatedData()) : null;
		return new PendingEntry(identity, encoded.type().name(), encoded.type().version(), actor, encoded.publicPart(),
				sealed);
	}

	// what the actor may do

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

	/** Whether {@code actor} may shred person {@code id}. */
	public boolean mayShred(Actor actor, PersonId id) {
		return this.visibility.facts(id).map(f -> this.policy.mayShred(actor, f).isGranted()).orElse(false);
	}

	/** Whether record {@code id} exists and {@code actor} may see it. */
	public boolean exists(Actor actor, RecordId id) {
		return this.visibility.mayRead(actor, id);
	}

	// reading

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
	 * The records {@code ids} of {@code kind} as {@code actor} may see them, each whole
	 * as {@link #read} gives it, by id; those that do not exist or they may not see are
	 * left out. One read and one audit entry for them all: a page that shows many records
	 * read each by itself (the proposals side by side, the decisions' persons).
	 */
	public Map<RecordId, RecordView> read(Actor actor, RecordKind kind, Collection<? extends RecordId> ids) {
		Map<RecordId, RecordView> read = new LinkedHashMap<>();
		this.store
			.byIds(ids.stream().filter(id -> id.kind() == kind).map(RecordId::toString).toList(),
					this.visibility.condition(actor, kind), k -> true, redacted(actor))
			.forEach(view -> read.put(view.id(), view));
		if (!read.isEmpty()) {
			audit(actor, "read", kind.code(), read.values(), List.of());
		}
		return read;
	}

	/**
	 * The records {@code actor} changed last, newest first, at most {@code limit}, of
	 * those they may still see, with the records their titles name (a case's person);
	 * sealed fields as in lists (audited).
	 */
	public Listing changedBy(Actor actor, int limit) {
		return changed(actor, lastChanged(actor, null, limit));
	}

	/**
	 * The records of each of {@code kinds} {@code actor} changed last, newest first
	 * within a kind, at most {@code limit} of each, of those they may still see, with the
	 * records their titles name; sealed fields as in lists. What a form's link fields
	 * offer before anything is searched for (the source just recorded, the person just
	 * added). One audit entry for them all.
	 */
	public Listing changedBy(Actor actor, Collection<RecordKind> kinds, int limit) {
		List<RecordView> changed = new ArrayList<>();
		kinds.forEach(kind -> changed.addAll(lastChanged(actor, kind, limit)));
		return changed(actor, changed);
	}

	private Listing changed(Actor actor, List<RecordView> changed) {
		Map<RecordId, RecordView> referenced = referenced(actor, changed);
		audit(actor, "list", "changed-by", changed, referenced.values());
		return new Listing(new Page<>(changed, 0, Math.max(1, changed.size()), changed.size()), referenced);
	}

	private List<RecordView> lastChanged(Actor actor, RecordKind kind, int limit) {
		Visibility.Condition condition = (kind != null) ? this.visibility.condition(actor, kind)
				: this.visibility.anyKind(actor);
		List<Object> arguments = new ArrayList<>(List.of(actor.login()));
		if (kind != null) {
			arguments.add(kind.code());
		}
		arguments.addAll(condition.arguments());
		return this.store.views(
				"SELECT r.* FROM registry_record r WHERE r.updated_by = ? AND "
						+ ((kind != null) ? "r.kind = ? AND " : "") + condition.sql()
						+ " ORDER BY r.last_seq DESC LIMIT " + Math.max(1, limit),
				arguments, k -> Kinds.of(k).sealedInList(), redacted(actor));
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
		Visibility.Condition condition = this.visibility.anyKind(actor);
		List<Object> arguments = new ArrayList<>(List.of(id.toString()));
		arguments.addAll(condition.arguments());
		List<RecordView> linking = this.store.views(
				"SELECT r.* FROM registry_record r WHERE r.id IN (SELECT l.from_id FROM registry_link l WHERE l.to_id = ?) AND "
						+ condition.sql() + " ORDER BY r.created_at, r.id",
				arguments, kind -> Kinds.of(kind).sealedInList(), redacted(actor));
		Map<RecordKind, List<RecordView>> related = new EnumMap<>(RecordKind.class);
		linking.forEach(view -> related.computeIfAbsent(view.kind(), k -> new ArrayList<>()).add(view));
		List<RecordView> shown = new ArrayList<>(List.of(record));
		shown.addAll(linking);
		Map<RecordId, RecordView> referenced = referenced(actor, shown);
		Set<RecordId> hidden = new LinkedHashSet<>(this.store.linksOf(id));
		hidden.removeIf(referenced::containsKey);
		audit(actor, "read", null, shown, referenced.values());
		return Optional.of(new Dossier(record, related, referenced, hidden, this.store.named(id)));
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

	/**
	 * One page of the records of a kind that {@code actor} may see, as {@code query} asks
	 * (filters, dates, order), with the records they refer to (audited). Only the sealed
	 * parts a list page shows are opened, unless {@code everyField}. The records are
	 * counted up to {@value #COUNT_AHEAD} pages beyond this one: past that, the page's
	 * total says "at least".
	 * @throws InvalidQuery if a filter does not apply to the kind or names an unknown
	 * value
	 */
	public Listing list(Actor actor, ListQuery query, boolean everyField) {
		return list(actor, query, everyField, "list", (long) query.page() * query.size(), query.size(), false);
	}

	/**
	 * A whole list as {@link #list(Actor, ListQuery, boolean)} gives its pages (the
	 * query's page and size aside), for a file the reader takes away: every record if
	 * there are at most {@code most}, else none (the file is refused, not cut short, and
	 * the total says why), read at once, so that records written meanwhile neither repeat
	 * nor drop out between pages; one audit entry, as an export.
	 */
	public Listing export(Actor actor, ListQuery query, int most) {
		return list(actor, query, false, "export", 0, most, true);
	}

	/**
	 * {@code size} records from {@code offset} on; if {@code whole}, none when there are
	 * more than {@code size} (a file is refused, not cut short).
	 */
	private Listing list(Actor actor, ListQuery query, boolean everyField, String auditAction, long offset, int size,
			boolean whole) {
		Kind<?> kind = Kinds.of(query.kind());
		TypedTable table = kind.table();
		Visibility.Condition condition = this.visibility.condition(actor, query.kind());
		List<Object> arguments = new ArrayList<>(List.of(query.kind().code()));
		arguments.addAll(condition.arguments());
		StringBuilder filters = new StringBuilder();
		for (Map.Entry<ListQuery.Filter, String> filter : query.filters().entrySet()) {
			TypedTable.Column column = table.column(filter.getKey())
				.orElseThrow(() -> new InvalidQuery(filter.getKey().parameter(), "filter_not_for_kind"));
			String code = filterCode(kind, column, filter.getKey(), filter.getValue());
			if (filter.getKey() == ListQuery.Filter.ARTICLE) {
				filters.append(" AND (' ' || f.").append(column.name()).append(" || ' ') LIKE ?");
				arguments.add("% " + code + " %");
			}
			else {
				filters.append(" AND f.").append(column.name()).append(" = ?");
				arguments.add(code);
			}
		}
		String date = (table.date() != null) ? "f." + table.date() : "r.created_at";
		if (query.from() != null) {
			filters.append(" AND ").append(date).append(" >= ?");
			arguments.add(query.from().toString());
		}
		if (query.to() != null) {
			filters.append(" AND ").append(date).append(" < ?");
			arguments.add(query.to().plusDays(1).toString());
		}
		String order = switch (query.sort()) {
			case DATE -> date;
			case CREATED -> "r.created_at";
			case UPDATED -> "r.updated_at";
		};
		// the typed table is joined only when asked about: a plain list walks the index
		// of its order alone
		boolean typed = !query.filters().isEmpty() || (table.date() != null
				&& (query.from() != null || query.to() != null || query.sort() == ListQuery.Sort.DATE));
		String where = " FROM registry_record r" + (typed ? " JOIN " + table.table() + " f ON f.id = r.id" : "")
				+ " WHERE r.kind = ? AND " + condition.sql() + filters;
		String direction = query.ascending() ? " ASC" : " DESC";
		// undated records last; the times of recording and change are never missing, and
		// ordering by them alone lets the database walk its index
		String undatedLast = order.startsWith("r.") ? "" : "(" + order + " IS NULL), ";
		long cap = offset + (long) COUNT_AHEAD * size + 1;
		Long counted = this.jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1" + where + " LIMIT " + cap + ") c",
				Long.class, arguments.toArray());
		long total = (counted != null) ? counted : 0;
		if (whole && total > size) {
			// too many for one file: none read, none shown
			return new Listing(new Page<>(List.of(), 0, size, total), Map.of());
		}
		List<RecordView> items = this.store.views(
				"SELECT r.*" + where + " ORDER BY " + undatedLast + order + direction + ", r.id" + direction + " LIMIT "
						+ size + " OFFSET " + offset,
				arguments, k -> everyField || Kinds.of(k).sealedInList(), redacted(actor));
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		audit(actor, auditAction, query.kind().code(), items, referenced.values());
		int number = (int) (offset / size);
		Page<RecordView> page = (total < cap) ? new Page<>(items, number, size, total)
				: new Page<>(items, number, size, cap - 1, false);
		return new Listing(page, referenced);
	}

	/** The code a filter's value names: a code, or a name in Russian or English. */
	private String filterCode(Kind<?> kind, TypedTable.Column column, ListQuery.Filter filter, String value) {
		Field field = kind.field(column.field()).orElseThrow();
		Optional<String> code = switch (field.type()) {
			case REGION -> this.catalog.findRegion(value).map(r -> r.code());
			case ARTICLES -> this.catalog.findArticle(value).map(a -> a.code());
			case TERM -> this.catalog.valueCode(field.vocabulary(), value);
			default -> Optional.of(value);
		};
		return code.orElseThrow(() -> new InvalidQuery(filter.parameter(), "unknown_value", value));
	}

	/**
	 * One page of the records {@code ids} (of one kind) that {@code actor} may see, in
	 * the order given, with the records they refer to: the records behind a figure
	 * (audited). Those they may not see are left out of the page; the total counts the
	 * ids given.
	 */
	public Listing selection(Actor actor, RecordKind kind, List<RecordId> ids, int page, int size) {
		int safeSize = Math.min(Math.max(1, size), ListQuery.MAX_SIZE);
		int safePage = Math.max(0, page);
		int from = (int) Math.min(ids.size(), (long) safePage * safeSize);
		List<String> wanted = ids.subList(from, Math.min(ids.size(), from + safeSize))
			.stream()
			.filter(id -> id.kind() == kind)
			.map(RecordId::toString)
			.toList();
		Map<String, RecordView> found = new HashMap<>();
		this.store
			.byIds(wanted, this.visibility.condition(actor, kind), k -> Kinds.of(k).sealedInList(), redacted(actor))
			.forEach(view -> found.put(view.id().toString(), view));
		List<RecordView> items = wanted.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		audit(actor, "list", kind.code(), items, referenced.values());
		return new Listing(new Page<>(items, safePage, safeSize, ids.size()), referenced);
	}

	/**
	 * The records {@code ids} that {@code actor} may see, in the order given, with the
	 * records they refer to: page {@code page} of what a search for {@code query} found,
	 * {@code total} in all. One audit entry says who searched, in {@code scope}, how much
	 * was found and which records were shown; the query's words are sealed in it.
	 */
	public Listing found(Actor actor, List<RecordId> ids, String query, String scope, long total, int page, int size) {
		Map<String, RecordView> found = new HashMap<>();
		this.store
			.byIds(ids.stream().map(RecordId::toString).toList(), this.visibility.anyKind(actor),
					k -> Kinds.of(k).sealedInList(), redacted(actor))
			.forEach(view -> found.put(view.id().toString(), view));
		List<RecordView> items = ids.stream()
			.map(id -> found.get(id.toString()))
			.filter(java.util.Objects::nonNull)
			.toList();
		Map<RecordId, RecordView> referenced = referenced(actor, items);
		Set<String> shown = new LinkedHashSet<>();
		items.forEach(r -> shown.add(r.id().toString()));
		referenced.values().forEach(r -> shown.add(r.id().toString()));
		this.audit.search(actor, query, scope, total, List.copyOf(shown));
		return new Listing(new Page<>(items, page, size, total), referenced);
	}

	/**
	 * Records that refer to {@code person} and may describe them in their own sealed
	 * text, as far as {@code actor} may see them (audited).
	 */
	public List<RecordView> recordsMentioning(Actor actor, PersonId person) {
		return recordsMentioning(actor, List.of(person)).getOrDefault(person, List.of());
	}

	/**
	 * The records that refer to each of {@code persons}, as far as {@code actor} may see
	 * them, oldest first; public fields only. One read and one audit entry for them all:
	 * what a picker shows beside each person it offers (the case against them).
	 */
	public Map<PersonId, List<RecordView>> recordsMentioning(Actor actor, Collection<PersonId> persons) {
		if (persons.isEmpty()) {
			return Map.of();
		}
		Map<String, PersonId> wanted = new LinkedHashMap<>();
		persons.forEach(person -> wanted.put(person.toString(), person));
		Map<String, Set<String>> mentioning = this.store.mentioning(wanted.keySet());
		Visibility.Condition condition = this.visibility.anyKind(actor);
		List<Object> arguments = new ArrayList<>(wanted.keySet());
		arguments.addAll(condition.arguments());
		List<RecordView> records = this.store.views(
				"SELECT r.* FROM registry_record r WHERE r.id IN (SELECT l.from_id FROM registry_link l WHERE l.to_id IN ("
						+ RecordStore.placeholders(wanted.size()) + ")) AND " + condition.sql()
						+ " ORDER BY r.created_at, r.id",
				arguments, kind -> false, true);
		Map<PersonId, List<RecordView>> byPerson = new LinkedHashMap<>();
		wanted.forEach((id, person) -> {
			Set<String> from = mentioning.getOrDefault(id, Set.of());
			List<RecordView> about = records.stream().filter(r -> from.contains(r.id().toString())).toList();
			if (!about.isEmpty()) {
				byPerson.put(person, about);
			}
		});
		audit(actor, "list", "mentioning", records, List.of());
		return byPerson;
	}

	/**
	 * The records {@code records} refer to, and those refer to in turn (a case event's
	 * case's person, for its title), as far as {@code actor} may see them; only what
	 * titles show is opened.
	 */
	private Map<RecordId, RecordView> referenced(Actor actor, Collection<RecordView> records) {
		Map<RecordId, RecordView> found = new LinkedHashMap<>();
		Collection<RecordView> layer = records;
		for (int depth = 0; depth < 2 && !layer.isEmpty(); depth++) {
			Set<String> targets = new LinkedHashSet<>();
			for (RecordView record : layer) {
				for (Link link : Kinds.of(record.details()).links(record.details())) {
					if (!found.containsKey(link.target())) {
						targets.add(link.target().toString());
					}
				}
			}
			List<RecordView> next = targets.isEmpty() ? List.of() : this.store.byIds(targets,
					this.visibility.anyKind(actor), k -> Kinds.of(k).sealedInTitle(), redacted(actor));
			next.forEach(r -> found.put(r.id(), r));
			layer = next;
		}
		return found;
	}

	private Optional<RecordView> visible(Actor actor, RecordId id) {
		Visibility.Condition condition = this.visibility.condition(actor, id.kind());
		List<Object> arguments = new ArrayList<>(List.of(id.toString(), id.kind().code()));
		arguments.addAll(condition.arguments());
		return this.store
			.views("SELECT r.* FROM registry_record r WHERE r.id = ? AND r.kind = ? AND " + condition.sql(), arguments,
					kind -> true, redacted(actor))
			.stream()
			.findFirst();
	}

	private boolean redacted(Actor actor) {
		return detail(actor) != Detail.FULL;
	}

	private void audit(Actor actor, String action, String detail, Collection<RecordView> shown,
			Collection<RecordView> alsoShown) {
		Set<String> ids = new LinkedHashSet<>();
		shown.forEach(r -> ids.add(r.id().toString()));
		alsoShown.forEach(r -> ids.add(r.id().toString()));
		this.audit.read(actor, action, detail, List.copyOf(ids));
	}

	/**
	 * Every version of the record, oldest first, with what it said and who changed it
	 * when, as far as {@code actor} may see it, and the records its versions refer to;
	 * empty if they may not see the record (audited).
	 */
	public Optional<History> history(Actor actor, RecordId id) {
		Optional<RecordView> found = visible(actor, id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		boolean open = !redacted(actor);
		List<HistoryItem> items = new ArrayList<>();
		List<LogEntry> entries = this.log.stream(id.toString())
			.stream()
			.filter(entry -> EventTypes.isRegistryType(entry.type()))
			.toList();
		List<Sealer.Sealed> sealed = new ArrayList<>();
		for (LogEntry entry : entries) {
			if (open && entry.isSealed()) {
				sealed.add(new Sealer.Sealed(id.toString(), entry.sealedPart(), entry.identity().associatedData()));
			}
		}
		List<Sealer.Opened> opened = sealed.isEmpty() ? List.of() : this.sealer.openAll(sealed);
		int next = 0;
		int version = 0;
		Set<String> links = new LinkedHashSet<>();
		for (LogEntry entry : entries) {
			version++;
			Sealer.Opened one = (open && entry.isSealed()) ? opened.get(next++) : null;
			if (one != null && one.unreadable()) {
				logger.error("the sealed part of log entry " + entry.sequence() + " does not open (" + one.failure()
						+ "); it is shown to no one. verify-log names a changed entry; if the log is whole, "
						+ "the record's key was changed");
			}
			RegistryEvent event = EventTypes.decode(entry, (one != null) ? one.plaintext() : null);
			RecordDetails details = (event instanceof RegistryEvent.WithDetails withDetails) ? withDetails.details()
					: null;
			if (details != null) {
				Kinds.of(details).links(details).forEach(link -> links.add(link.target().toString()));
			}
			items.add(new HistoryItem(entry.sequence(), entry.type(), version, entry.recordedAt(), entry.actor(),
					details, one != null && one.unreadable()));
		}
		Map<RecordId, RecordView> referenced = new LinkedHashMap<>();
		if (!links.isEmpty()) {
			List<RecordView> targets = this.store.byIds(links, this.visibility.anyKind(actor),
					k -> Kinds.of(k).sealedInTitle(), redacted(actor));
			targets.forEach(r -> referenced.put(r.id(), r));
			referenced.putAll(referenced(actor, targets));
		}
		Set<RecordId> hidden = new LinkedHashSet<>();
		for (String link : links) {
			RecordId target = idOf(link);
			if (target != null && !referenced.containsKey(target)) {
				hidden.add(target);
			}
		}
		audit(actor, "history", null, List.of(found.get()), referenced.values());
		return Optional.of(new History(found.get(), items, referenced, hidden));
	}

	private RecordId idOf(String id) {
		List<String> kinds = this.jdbc.queryForList("SELECT kind FROM registry_record WHERE id = ?", String.class, id);
		return kinds.isEmpty() ? null : RecordKind.ofCode(kinds.get(0)).id(UUID.fromString(id));
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
		return this.log.write(appender -> replayInto(every, progress));
	}

	/**
	 * Replays the log into the read tables in the caller's transaction, without taking
	 * the log's write lock or marking Khronika as writing, handing every entry to
	 * {@code also} as well (so that the log is read once for all who follow it): for
	 * {@link DeepCheck}, which rolls it back.
	 */
	void replayInto(java.util.function.Consumer<LogEntry> also) {
		replayInto(Integer.MAX_VALUE, replayed -> {
		}, also);
	}

	private long replayInto(int every, java.util.function.LongConsumer progress) {
		return replayInto(every, progress, entry -> {
		});
	}

	private long replayInto(int every, java.util.function.LongConsumer progress,
			java.util.function.Consumer<LogEntry> also) {
		this.projection.clear();
		long[] replayed = { 0 };
		this.log.replay(entry -> {
			if (EventTypes.isRegistryType(entry.type())) {
				this.projection.apply(entry, EventTypes.decode(entry, null));
			}
			also.accept(entry);
			if (++replayed[0] % every == 0) {
				progress.accept(replayed[0]);
			}
		});
		return replayed[0];
	}

}
