package org.khronika.registry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.khronika.access.ReadRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a read rule becomes SQL: conditions on the row itself come before those that look
 * in other tables, and every bound argument stays with its own condition.
 */
class ReadRuleSqlTest {

	@Test
	void aConditionOnTheRowComesFirstAndTakesItsArgumentWithIt() {
		ReadRule rule = new ReadRule.AnyOf(List.of(new ReadRule.NamedOn("named-login"),
				new ReadRule.CreatedBy("creator-login"), new ReadRule.NotRestricted()));

		Visibility.Condition condition = ReadRuleSql.render(rule, "r", RecordKind.INCIDENT);

		assertThat(condition.sql()).startsWith("(r.created_by = ? OR r.restricted = FALSE OR EXISTS");
		assertThat(condition.arguments()).containsExactly("creator-login", "named-login");
	}

	@Test
	void nestedRulesKeepTheirArgumentsInTheOrderOfTheirPlaceholders() {
		ReadRule rule = new ReadRule.AllOf(List.of(
				new ReadRule.AnyOf(List.of(new ReadRule.NamedOn("a-named"), new ReadRule.CreatedBy("a-creator"))),
				new ReadRule.CreatedBy("b-creator")));

		Visibility.Condition condition = ReadRuleSql.render(rule, "r", RecordKind.PERSON);

		assertThat(condition.sql()).isEqualTo("(r.created_by = ? AND (r.created_by = ? OR EXISTS (SELECT 1"
				+ " FROM registry_access ra1 WHERE ra1.record_id = r.id AND ra1.login = ?)))");
		assertThat(condition.arguments()).containsExactly("b-creator", "a-creator", "a-named");
	}

}
