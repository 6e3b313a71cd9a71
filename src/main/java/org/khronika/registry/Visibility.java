package org.khronika.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.RecordFacts;
import org.khronika.access.RecordType;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands the access policy the facts of a record, and the policy's reading rule as an SQL
 * condition for lists and counts ({@link ReadRuleSql}), so that they hold exactly the
 * records a single read would show. {@code AccessMatrixIT} holds the two equal for every
 * role.
 */
final class Visibility {

	/**
	 * An SQL condition over a {@code registry_record} alias, with its arguments in order.
	 */
	record Condition(String sql, List<Object> arguments) {
	}

	private final JdbcTemplate jdbc;

	private final AccessPolicy policy;

	Visibility(JdbcTemplate jdbc, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	static RecordType type(RecordKind kind) {
		return RecordType.ofCode(kind.code()).orElseThrow();
	}

	/** Whether {@code actor} may read record {@code id}; false if it does not exist. */
	boolean mayRead(Actor actor, RecordId id) {
		return facts(id).map(facts -> this.policy.mayRead(actor, facts)).orElse(false);
	}

	/**
	 * The record's facts for the policy, or empty if there is no such record. Each query
	 * ends before the next begins: a query made while another's rows are read would hold
	 * two pooled connections, and enough readers at once would wait for each other.
	 */
	Optional<RecordFacts> facts(RecordId id) {
		record Row(String createdBy, boolean restricted) {
		}
		List<Row> rows = this.jdbc.query("SELECT created_by, restricted FROM registry_record WHERE id = ? AND kind = ?",
				(rs, n) -> new Row(rs.getString(1), rs.getBoolean(2)), id.toString(), id.kind().code());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row row = rows.get(0);
		return Optional.of(new RecordFacts(type(id.kind()), row.createdBy(), row.restricted(), named(id.toString()),
				assignees(id), enclosing(id)));
	}

	private Set<String> named(String id) {
		return new HashSet<>(
				this.jdbc.queryForList("SELECT login FROM registry_access WHERE record_id = ?", String.class, id));
	}

	private Set<String> assignees(RecordId id) {
		return switch (id.kind()) {
			case CASE -> named(id.toString());
			case CASE_EVENT -> new HashSet<>(this.jdbc
				.queryForList("SELECT a.login FROM registry_link l JOIN registry_access a ON a.record_id = l.to_id "
						+ "WHERE l.from_id = ? AND l.relation = 'case'", String.class, id.toString()));
			case PERSON -> new HashSet<>(this.jdbc.queryForList(
					"SELECT a.login FROM registry_link l JOIN registry_record c ON c.id = l.from_id AND c.kind = 'case' "
							+ "JOIN registry_access a ON a.record_id = c.id WHERE l.to_id = ? AND l.relation = 'person'",
					String.class, id.toString()));
			default -> Set.of();
		};
	}

	private RecordFacts enclosing(RecordId id) {
		if (id.kind() != RecordKind.CASE_EVENT) {
			return null;
		}
		List<String> cases = this.jdbc.queryForList(
				"SELECT to_id FROM registry_link WHERE from_id = ? AND relation = 'case'", String.class, id.toString());
		return cases.isEmpty() ? null : facts(RecordKind.CASE.id(java.util.UUID.fromString(cases.get(0)))).orElse(null);
	}

	/**
	 * The condition, over alias {@code r}, that admits the records of {@code kind}
	 * {@code actor} may read: the policy's rule for them, rendered as SQL.
	 */
	Condition condition(Actor actor, RecordKind kind) {
		return ReadRuleSql.render(this.policy.readRule(actor, type(kind)), "r", kind);
	}

	/**
	 * The condition, over alias {@code r}, that admits the records of any kind
	 * {@code actor} may read: each kind's rule for the records of that kind. Written as a
	 * {@code CASE} on the kind, which a query planner cannot turn into a scan of each
	 * kind's index: the records are found by their ids first.
	 */
	Condition anyKind(Actor actor) {
		StringBuilder sql = new StringBuilder("(CASE r.kind");
		List<Object> arguments = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			Condition condition = condition(actor, kind);
			sql.append(" WHEN ? THEN (").append(condition.sql()).append(')');
			arguments.add(kind.code());
			arguments.addAll(condition.arguments());
		}
		sql.append(" ELSE 1 = 0 END)");
		return new Condition(sql.toString(), arguments);
	}

}
