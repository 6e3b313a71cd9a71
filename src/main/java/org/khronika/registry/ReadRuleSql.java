package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

import org.khronika.access.ReadRule;

/**
 * Renders the access policy's {@link ReadRule} as an SQL condition over the registry's
 * tables, for lists and counts: the one place the rule becomes SQL. What "named on",
 * "assigned through a case" and "enclosing record" mean in tables is the registry's to
 * say, exactly as {@link Visibility#facts} says it for one record in Java.
 */
final class ReadRuleSql {

	private final List<Object> arguments = new ArrayList<>();

	private int aliases;

	private ReadRuleSql() {
	}

	/**
	 * The condition, over the {@code registry_record} alias {@code alias} holding records
	 * of {@code kind}, that admits exactly the records {@code rule} admits.
	 */
	static Visibility.Condition render(ReadRule rule, String alias, RecordKind kind) {
		ReadRuleSql renderer = new ReadRuleSql();
		String sql = renderer.sql(rule, alias, kind);
		return new Visibility.Condition(sql, renderer.arguments);
	}

	private String sql(ReadRule rule, String alias, RecordKind kind) {
		if (rule instanceof ReadRule.Everyone) {
			return "1 = 1";
		}
		if (rule instanceof ReadRule.Nobody) {
			return "1 = 0";
		}
		if (rule instanceof ReadRule.CreatedBy createdBy) {
			this.arguments.add(createdBy.login());
			return alias + ".created_by = ?";
		}
		if (rule instanceof ReadRule.NamedOn namedOn) {
			return named(alias, namedOn.login());
		}
		if (rule instanceof ReadRule.AssignedThroughCase assigned) {
			return assigned(alias, kind, assigned.login());
		}
		if (rule instanceof ReadRule.NotRestricted) {
			return alias + ".restricted = FALSE";
		}
		if (rule instanceof ReadRule.WithinEnclosing within) {
			if (kind != RecordKind.CASE_EVENT) {
				return "1 = 0";
			}
			String link = next("el");
			String whole = next("ec");
			return "EXISTS (SELECT 1 FROM registry_link " + link + " JOIN registry_record " + whole + " ON " + whole
					+ ".id = " + link + ".to_id WHERE " + link + ".from_id = " + alias + ".id AND " + link
					+ ".relation = 'case' AND " + sql(within.rule(), whole, RecordKind.CASE) + ")";
		}
		if (rule instanceof ReadRule.AllOf all) {
			return join(all.rules(), " AND ", alias, kind);
		}
		if (rule instanceof ReadRule.AnyOf any) {
			return join(any.rules(), " OR ", alias, kind);
		}
		throw new IllegalArgumentException("no SQL for the rule " + rule.getClass().getSimpleName());
	}

	private String named(String alias, String login) {
		String access = next("ra");
		this.arguments.add(login);
		return "EXISTS (SELECT 1 FROM registry_access " + access + " WHERE " + access + ".record_id = " + alias
				+ ".id AND " + access + ".login = ?)";
	}

	/**
	 * A case names the user: the case itself, an event of it, or the person it is
	 * against.
	 */
	private String assigned(String alias, RecordKind kind, String login) {
		String link = next("al");
		String access = next("aa");
		switch (kind) {
			case CASE:
				return named(alias, login);
			case CASE_EVENT:
				this.arguments.add(login);
				return "EXISTS (SELECT 1 FROM registry_link " + link + " JOIN registry_access " + access + " ON "
						+ access + ".record_id = " + link + ".to_id WHERE " + link + ".from_id = " + alias + ".id AND "
						+ link + ".relation = 'case' AND " + access + ".login = ?)";
			case PERSON:
				String courtCase = next("ac");
				this.arguments.add(login);
				return "EXISTS (SELECT 1 FROM registry_link " + link + " JOIN registry_record " + courtCase + " ON "
						+ courtCase + ".id = " + link + ".from_id AND " + courtCase
						+ ".kind = 'case' JOIN registry_access " + access + " ON " + access + ".record_id = "
						+ courtCase + ".id WHERE " + link + ".to_id = " + alias + ".id AND " + link
						+ ".relation = 'person' AND " + access + ".login = ?)";
			default:
				return "1 = 0";
		}
	}

	/**
	 * The rules' conditions joined; a condition on the row itself is put before one that
	 * looks in other tables, so that a database that evaluates them in order (SQLite)
	 * decides most rows without a subquery. The order changes no result.
	 */
	private String join(List<ReadRule> rules, String operator, String alias, RecordKind kind) {
		record Part(String sql, List<Object> arguments) {
		}
		List<Part> parts = new ArrayList<>();
		for (ReadRule rule : rules) {
			int before = this.arguments.size();
			String sql = sql(rule, alias, kind);
			List<Object> added = this.arguments.subList(before, this.arguments.size());
			parts.add(new Part(sql, List.copyOf(added)));
			added.clear();
		}
		// each part's arguments move with it
		parts.sort(java.util.Comparator.comparing(part -> part.sql().contains("EXISTS")));
		parts.forEach(part -> this.arguments.addAll(part.arguments()));
		return "(" + String.join(operator, parts.stream().map(Part::sql).toList()) + ")";
	}

	private String next(String prefix) {
		return prefix + (++this.aliases);
	}

}
