package org.khronika.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The registry's read API for counting: the public, typed facts of incidents and cases as
 * the projection keeps them, with what the access policy's read rule needs to decide who
 * may count which of them. Opens nothing and needs no key; statistics never need
 * plaintext.
 */
public final class Facts {

	/**
	 * The code a fact holds where its field does not apply to the record (a case's
	 * informant when it did not start with a denunciation, its outcome before it is
	 * decided): not the same as not stated.
	 */
	public static final String NOT_APPLICABLE = TypedTable.NOT_APPLICABLE;

	/**
	 * An incident's public fields, with what the access rule needs ({@code named}: the
	 * users named on it). {@code incident} is the incident it belongs to if it is linked
	 * with others: the least id of the incident records linked as one with it (null if it
	 * is linked to none), so that an incident reported twice and linked counts once.
	 */
	public record IncidentFact(UUID id, boolean restricted, String createdBy, Set<String> named, UUID incident,
			LocalDate date, String region, String type, String topic, String organiser, String agreement,
			Integer detained) {
	}

	/**
	 * A case's public fields, with what the access rule needs. {@code person} is the
	 * person the case is against: the least id of the person records linked as one with
	 * the case's person, so that a person recorded twice and linked counts once.
	 */
	public record CaseFact(UUID id, boolean restricted, String createdBy, Set<String> named, UUID person,
			LocalDate opened, String region, String kind, List<String> charges, String trigger, String informant,
			String status, String outcome, Long fineAmount, Integer sentenceMonths) {
	}

	/**
	 * A case event's public fields: what decides whether its case's person is in custody
	 * on a day. An event is seen where its case is.
	 */
	public record CaseEventFact(UUID id, UUID caseId, String type, LocalDate day, String measure, LocalDate until) {
	}

	private final JdbcTemplate jdbc;

	Facts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The log position the facts reflect: after it changes, {@link #incidentsAfter},
	 * {@link #casesAfter} and {@link #caseEventsAfter} with the old position give every
	 * row that changed.
	 */
	public long position() {
		List<Long> positions = this.jdbc.queryForList("SELECT last_seq FROM projection_position WHERE projection = ?",
				Long.class, RecordProjection.NAME);
		return positions.isEmpty() ? 0 : positions.get(0);
	}

	/**
	 * The persons who may not be named now: of every person recorded once or linked as
	 * one (by the least id of the records linked), those with a record that is restricted
	 * or does not say they consent to be named publicly.
	 */
	public Set<UUID> notToBeNamed() {
		Set<UUID> persons = new HashSet<>();
		this.jdbc.query(
				"SELECT COALESCE(c.cluster_id, p.id) FROM fact_person p LEFT JOIN record_cluster c ON c.record_id = p.id "
						+ "WHERE p.restricted = TRUE OR p.may_be_named = FALSE",
				(RowCallbackHandler) rs -> persons.add(UUID.fromString(rs.getString(1))));
		return persons;
	}

	/** Every incident whose facts changed after log position {@code after}. */
	public void incidentsAfter(long after, Consumer<IncidentFact> consumer) {
		Map<UUID, Set<String>> named = named("fact_incident", after);
		this.jdbc.query(
				"SELECT f.id, f.restricted, f.created_by, c.cluster_id, f.day, f.region, "
						+ "f.type, f.topic, f.organiser, f.agreement, f.detained FROM fact_incident f "
						+ "LEFT JOIN record_cluster c ON c.record_id = f.id WHERE f.last_seq > ?",
				(RowCallbackHandler) rs -> {
					UUID id = UUID.fromString(rs.getString(1));
					consumer.accept(
							new IncidentFact(id, rs.getBoolean(2), rs.getString(3), named.getOrDefault(id, Set.of()),
									(rs.getString(4) != null) ? UUID.fromString(rs.getString(4)) : null,
									date(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
									rs.getString(9), rs.getString(10), integer(rs, 11)));
				}, after);
	}

	/** Every case whose facts changed after log position {@code after}. */
	public void casesAfter(long after, Consumer<CaseFact> consumer) {
		Map<UUID, Set<String>> named = named("fact_case", after);
		this.jdbc
			.query("SELECT f.id, f.restricted, f.created_by, COALESCE(c.cluster_id, f.person), f.opened, f.region, "
					+ "f.kind, f.charges, f.trigger_code, f.informant, f.status, f.outcome, f.fine_amount, "
					+ "f.sentence_months FROM fact_case f LEFT JOIN record_cluster c ON c.record_id = f.person "
					+ "WHERE f.last_seq > ?", (RowCallbackHandler) rs -> {
						UUID id = UUID.fromString(rs.getString(1));
						String charges = rs.getString(8);
						consumer
							.accept(new CaseFact(id, rs.getBoolean(2), rs.getString(3),
									named.getOrDefault(id, Set.of()), UUID.fromString(rs.getString(4)),
									date(rs.getString(5)), rs.getString(6), rs.getString(7),
									(charges == null || charges.isEmpty()) ? List.of()
											: Arrays.asList(charges.split(" ")),
									rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
									longValue(rs, 13), integer(rs, 14)));
					}, after);
	}

	/** Every case event whose facts changed after log position {@code after}. */
	public void caseEventsAfter(long after, Consumer<CaseEventFact> consumer) {
		this.jdbc.query("SELECT id, case_id, type, day, measure, until FROM fact_case_event WHERE last_seq > ?",
				(RowCallbackHandler) rs -> consumer
					.accept(new CaseEventFact(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
							rs.getString(3), date(rs.getString(4)), rs.getString(5), date(rs.getString(6)))),
				after);
	}

	/** The users named on the rows of {@code table} changed after {@code after}. */
	private Map<UUID, Set<String>> named(String table, long after) {
		Map<UUID, Set<String>> named = new HashMap<>();
		this.jdbc.query(
				"SELECT a.record_id, a.login FROM registry_access a JOIN " + table
						+ " f ON f.id = a.record_id WHERE f.last_seq > ?",
				(RowCallbackHandler) rs -> named
					.computeIfAbsent(UUID.fromString(rs.getString(1)), id -> new HashSet<>())
					.add(rs.getString(2)),
				after);
		return named;
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
