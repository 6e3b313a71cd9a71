package org.khronika.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the one policy every page, API endpoint and CLI command is checked
 * against (through the registry's and the account services, never by annotations on
 * controllers). Deny by default: what these tables do not grant is refused.
 *
 * <p>
 * Reading a record: an admin reads every record. Anyone else reads a record if they are
 * named on it, or if it is not restricted and their role's {@link Reach} for its kind
 * admits it; a record that is part of another (a case event of its case) is readable only
 * where that one is. {@link #readRule} states this as a value: {@link ReadRule#admits}
 * applies it to one record, and the registry renders the same value as SQL for lists and
 * counts; a test holds the two equal.
 */
public final class AccessPolicy {

	private static final Map<Role, Map<RecordType, Reach>> READ = new EnumMap<>(Role.class);

	private static final Map<Role, Set<RecordType>> CREATE = new EnumMap<>(Role.class);

	private static final Map<Role, Reach> EDIT = new EnumMap<>(Role.class);

	private static final Map<Role, Detail> DETAIL = new EnumMap<>(Role.class);

	private static final Map<Role, Set<Capability>> CAPABILITIES = new EnumMap<>(Role.class);

	/** Roles that read every record, restricted or not. */
	private static final Set<Role> READ_EVERYTHING = EnumSet.of(Role.ADMIN);

	/** Kinds of record that are part of another, and readable only where it is. */
	private static final Map<RecordType, RecordType> PART_OF = Map.of(RecordType.CASE_EVENT, RecordType.CASE);

	static {
		READ.put(Role.ADMIN, every(Reach.EVERY));
		READ.put(Role.EDITOR, every(Reach.EVERY));
		Map<RecordType, Reach> lawyer = every(Reach.NONE);
		lawyer.put(RecordType.CASE, Reach.ASSIGNED);
		lawyer.put(RecordType.CASE_EVENT, Reach.ASSIGNED);
		lawyer.put(RecordType.PERSON, Reach.ASSIGNED);
		READ.put(Role.LAWYER, lawyer);
		READ.put(Role.OPERATOR, every(Reach.OWN));
		READ.put(Role.ANALYST, every(Reach.EVERY));

		CREATE.put(Role.ADMIN, EnumSet.allOf(RecordType.class));
		CREATE.put(Role.EDITOR, EnumSet.allOf(RecordType.class));
		CREATE.put(Role.LAWYER, EnumSet.of(RecordType.CASE_EVENT));
		CREATE.put(Role.OPERATOR, EnumSet.of(RecordType.INCIDENT));
		CREATE.put(Role.ANALYST, EnumSet.noneOf(RecordType.class));

		EDIT.put(Role.ADMIN, Reach.EVERY);
		EDIT.put(Role.EDITOR, Reach.EVERY);
		EDIT.put(Role.LAWYER, Reach.OWN);
		EDIT.put(Role.OPERATOR, Reach.OWN);
		EDIT.put(Role.ANALYST, Reach.NONE);

		DETAIL.put(Role.ADMIN, Detail.FULL);
		DETAIL.put(Role.EDITOR, Detail.FULL);
		DETAIL.put(Role.LAWYER, Detail.FULL);
		DETAIL.put(Role.OPERATOR, Detail.FULL);
		DETAIL.put(Role.ANALYST, Detail.PUBLIC);

		CAPABILITIES.put(Role.ADMIN, EnumSet.allOf(Capability.class));
		CAPABILITIES.put(Role.EDITOR, EnumSet.of(Capability.SHARE_RECORDS, Capability.READ_STATISTICS,
				Capability.TRIAGE_REPORTS, Capability.PUBLISH, Capability.MANAGE_OWN_ACCOUNT));
		CAPABILITIES.put(Role.LAWYER, EnumSet.of(Capability.MANAGE_OWN_ACCOUNT));
		CAPABILITIES.put(Role.OPERATOR, EnumSet.of(Capability.TRIAGE_REPORTS, Capability.MANAGE_OWN_ACCOUNT));
		CAPABILITIES.put(Role.ANALYST, EnumSet.of(Capability.READ_STATISTICS, Capability.MANAGE_OWN_ACCOUNT));
	}

	private static Map<RecordType, Reach> every(Reach reach) {
		Map<RecordType, Reach> map = new EnumMap<>(RecordType.class);
		for (RecordType type : RecordType.values()) {
			map.put(type, reach);
		}
		return map;
	}

	/** How far {@code role} reaches into records of {@code type}. */
	Reach readReach(Role role, RecordType type) {
		return READ.get(role).get(type);
	}

	/**
	 * Which records of {@code type} {@code actor} may read, as a value: for lists and
	 * counts (rendered as SQL by the registry) and for single records ({@link #mayRead}).
	 */
	public ReadRule readRule(Actor actor, RecordType type) {
		if (READ_EVERYTHING.contains(actor.role())) {
			return new ReadRule.Everyone();
		}
		ReadRule reach = switch (readReach(actor.role(), type)) {
			case EVERY -> new ReadRule.Everyone();
			case OWN -> new ReadRule.CreatedBy(actor.login());
			case ASSIGNED -> new ReadRule.AssignedThroughCase(actor.login());
			case NONE -> new ReadRule.Nobody();
		};
		ReadRule own = ReadRule.anyOf(new ReadRule.NamedOn(actor.login()),
				ReadRule.allOf(new ReadRule.NotRestricted(), reach));
		RecordType whole = PART_OF.get(type);
		return (whole == null) ? own : ReadRule.allOf(own, new ReadRule.WithinEnclosing(readRule(actor, whole)));
	}

	/** Whether {@code actor} may see the record at all (then at {@link #detail}). */
	public boolean mayRead(Actor actor, RecordFacts record) {
		return readRule(actor, record.type()).admits(record);
	}

	/** How much of the records it may read {@code role} sees. */
	public Detail detail(Role role) {
		return DETAIL.get(role);
	}

	/** Every role that sees identifying data must log in with a second factor. */
	public boolean requiresSecondFactor(Role role) {
		return detail(role) == Detail.FULL;
	}

	public Permission mayCreate(Actor actor, RecordType type) {
		return Permission.grantedIf(CREATE.get(actor.role()).contains(type), "access.denied");
	}

	/** Whether {@code actor} may change the details of a record they may read. */
	public Permission mayEdit(Actor actor, RecordFacts record) {
		if (!mayRead(actor, record)) {
			return Permission.denied("record.not_found");
		}
		boolean creatable = CREATE.get(actor.role()).contains(record.type());
		return Permission.grantedIf(creatable && admits(EDIT.get(actor.role()), actor, record), "access.denied");
	}

	/** Whether {@code actor} may restrict a record they may read and name its users. */
	public Permission mayShare(Actor actor, RecordFacts record) {
		if (!mayRead(actor, record)) {
			return Permission.denied("record.not_found");
		}
		return may(actor, Capability.SHARE_RECORDS);
	}

	/** Whether {@code actor} may destroy a person's data key. */
	public Permission mayShred(Actor actor, RecordFacts person) {
		if (!mayRead(actor, person)) {
			return Permission.denied("record.not_found");
		}
		return may(actor, Capability.SHRED_PERSONS);
	}

	public Permission may(Actor actor, Capability capability) {
		return Permission.grantedIf(may(actor.role(), capability), "access.denied");
	}

	/** Whether accounts of {@code role} have {@code capability}. */
	public boolean may(Role role, Capability capability) {
		return CAPABILITIES.get(role).contains(capability);
	}

	/**
	 * Whether an account of role {@code account} may hold an API token acting as
	 * {@code token}: its own role, or the analyst's when it sees everything the analyst
	 * sees.
	 */
	public boolean mayDelegate(Role account, Role token) {
		return account == token
				|| (token == Role.ANALYST && READ.get(account).values().stream().allMatch(r -> r == Reach.EVERY));
	}

	private static boolean admits(Reach reach, Actor actor, RecordFacts record) {
		return switch (reach) {
			case EVERY -> true;
			case OWN -> actor.login().equals(record.createdBy());
			case ASSIGNED -> record.assignees().contains(actor.login());
			case NONE -> false;
		};
	}

	/**
	 * The policy as the README's role table (Markdown), generated from the tables above
	 * so that the two cannot differ; a test compares them.
	 */
	public String markdownTable() {
		List<String> rows = new ArrayList<>();
		StringBuilder header = new StringBuilder("| |");
		StringBuilder rule = new StringBuilder("|---|");
		for (Role role : Role.values()) {
			header.append(" ").append(role.code()).append(" |");
			rule.append("---|");
		}
		rows.add(header.toString());
		rows.add(rule.toString());
		for (RecordType type : RecordType.values()) {
			StringBuilder row = new StringBuilder("| read " + type.code() + " |");
			for (Role role : Role.values()) {
				row.append(" ").append(reachWords(readReach(role, type))).append(" |");
			}
			rows.add(row.toString());
		}
		StringBuilder detail = new StringBuilder("| fields seen |");
		StringBuilder create = new StringBuilder("| create |");
		StringBuilder edit = new StringBuilder("| edit |");
		StringBuilder factor = new StringBuilder("| second factor |");
		for (Role role : Role.values()) {
			detail.append(" ").append(detail(role) == Detail.FULL ? "all" : "public only").append(" |");
			Set<RecordType> creatable = CREATE.get(role);
			create.append(" ")
				.append(creatable.isEmpty() ? "—"
						: (creatable.size() == RecordType.values().length) ? "all kinds"
								: String.join(", ", creatable.stream().map(RecordType::code).toList()))
				.append(" |");
			edit.append(" ").append(creatable.isEmpty() ? "—" : reachWords(EDIT.get(role))).append(" |");
			factor.append(" ").append(requiresSecondFactor(role) ? "required" : "optional").append(" |");
		}
		rows.add(detail.toString());
		rows.add(create.toString());
		rows.add(edit.toString());
		for (Capability capability : Capability.values()) {
			StringBuilder row = new StringBuilder("| " + capability.name().toLowerCase().replace('_', ' ') + " |");
			for (Role role : Role.values()) {
				row.append(" ").append(CAPABILITIES.get(role).contains(capability) ? "yes" : "—").append(" |");
			}
			rows.add(row.toString());
		}
		rows.add(factor.toString());
		return String.join("\n", rows);
	}

	private static String reachWords(Reach reach) {
		return switch (reach) {
			case EVERY -> "all";
			case OWN -> "own";
			case ASSIGNED -> "assigned";
			case NONE -> "—";
		};
	}

}
