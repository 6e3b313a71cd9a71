package org.khronika.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.RecordFacts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The registry's read API for counting: the public, typed facts of incidents and cases as
 * the projection keeps them, and who may count which of them. Opens nothing and needs no
 * key; statistics never need plaintext.
 */
public final class Facts {

	/** An incident's public fields, with what the access rule needs. */
	public record IncidentFact(UUID id, boolean restricted, String createdBy, LocalDate date, String region,
			String type, String topic, String organiser, String agreement, Integer detained) {
	}

	/**
	 * A case's public fields, with what the access rule needs, and when its person was in
	 * custody according to its events ({@code custodyUntil} null: no end known).
	 */
	public record CaseFact(UUID id, boolean restricted, String createdBy, UUID person, LocalDate opened, String region,
			String kind, List<String> charges, String trigger, String informant, String status, String outcome,
			Long fineAmount, LocalDate custodySince, LocalDate custodyUntil) {

		/** Whether the person was in custody on {@code day} by this case. */
		public boolean inCustodyOn(LocalDate day) {
			return this.custodySince != null && !this.custodySince.isAfter(day)
					&& (this.custodyUntil == null || !this.custodyUntil.isBefore(day));
		}

	}

	/**
	 * Which facts one actor may count: exactly the records of the kind a read would show
	 * them, decided by the access policy itself.
	 */
	public static final class Audience {

		/** The policy's answer for [restricted][recorded by the actor][actor named]. */
		private final boolean[] admitted;

		private final String login;

		private final Set<UUID> named;

		private Audience(boolean[] admitted, String login, Set<UUID> named) {
			this.admitted = admitted;
			this.login = login;
			this.named = named;
		}

		/** Whether the actor may see the record with these facts. */
		public boolean admits(boolean restricted, String createdBy, UUID id) {
			int index = (restricted ? 4 : 0) + (this.login.equals(createdBy) ? 2 : 0);
			if (this.admitted[index] == this.admitted[index + 1]) {
				return this.admitted[index];
			}
			return this.admitted[index + (this.named.contains(id) ? 1 : 0)];
		}

		/** Whether the actor may see every record of the kind. */
		public boolean admitsAll() {
			for (boolean answer : this.admitted) {
				if (!answer) {
					return false;
				}
			}
			return true;
		}

	}

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	Facts(JdbcTemplate jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/**
	 * The log position the facts reflect: after it changes, {@link #incidentsAfter} and
	 * {@link #casesAfter} with the old position give every row that changed.
	 */
	public long position() {
		List<Long> positions = this.jdbc.queryForList("SELECT last_seq FROM projection_position WHERE projection = ?",
				Long.class, RecordProjection.NAME);
		return positions.isEmpty() ? 0 : positions.get(0);
	}

	/** Every incident whose facts changed after log position {@code after}. */
	public void incidentsAfter(long after, Consumer<IncidentFact> consumer) {
		this.jdbc.query("SELECT id, restricted, created_by, day, region, type, topic, organiser, agreement, detained "
				+ "FROM fact_incident WHERE last_seq > ?", (RowCallbackHandler) rs -> {
					consumer.accept(new IncidentFact(UUID.fromString(rs.getString(1)), rs.getBoolean(2),
							rs.getString(3), date(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
							rs.getString(8), rs.getString(9), integer(rs, 10)));
				}, after);
	}

	/** Every case whose facts changed after log position {@code after}. */
	public void casesAfter(long after, Consumer<CaseFact> consumer) {
		this.jdbc.query("SELECT id, restricted, created_by, person, opened, region, kind, charges, trigger_code, "
				+ "informant, status, outcome, fine_amount, custody_since, custody_until FROM fact_case "
				+ "WHERE last_seq > ?", (RowCallbackHandler) rs -> {
					String charges = rs.getString(8);
					consumer.accept(new CaseFact(UUID.fromString(rs.getString(1)), rs.getBoolean(2), rs.getString(3),
							UUID.fromString(rs.getString(4)), date(rs.getString(5)), rs.getString(6), rs.getString(7),
							charges.isEmpty() ? List.of() : Arrays.asList(charges.split(" ")), rs.getString(9),
							rs.getString(10), rs.getString(11), rs.getString(12), longValue(rs, 13),
							date(rs.getString(14)), date(rs.getString(15))));
				}, after);
	}

	/**
	 * Who {@code actor} is for counting records of {@code kind} (incidents or cases): the
	 * policy is asked once for each combination of the facts that vary between records.
	 */
	public Audience audience(Actor actor, RecordKind kind) {
		if (kind != RecordKind.INCIDENT && kind != RecordKind.CASE) {
			throw new IllegalArgumentException("facts are kept for incidents and cases, not " + kind.plural());
		}
		boolean[] admitted = new boolean[8];
		for (int index = 0; index < 8; index++) {
			boolean restricted = (index & 4) != 0;
			String creator = ((index & 2) != 0) ? actor.login() : "";
			Set<String> named = ((index & 1) != 0) ? Set.of(actor.login()) : Set.of();
			Set<String> assignees = (kind == RecordKind.CASE) ? named : Set.of();
			admitted[index] = this.policy.mayRead(actor,
					new RecordFacts(Visibility.type(kind), creator, restricted, named, assignees, null));
		}
		Set<UUID> named = new HashSet<>();
		this.jdbc.queryForList("SELECT record_id FROM registry_access WHERE login = ?", String.class, actor.login())
			.forEach(id -> named.add(UUID.fromString(id)));
		return new Audience(admitted, actor.login(), named);
	}

	/**
	 * A nullable integer column (the SQLite driver refuses getObject(i, Integer.class) on
	 * NULL).
	 */
	static Integer integer(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static Long longValue(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static LocalDate date(String day) {
		return (day != null) ? LocalDate.parse(day) : null;
	}

}
