package org.khronika.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which records of one kind an actor may read, as a value the policy decides once
 * ({@link AccessPolicy#readRule}). {@link #admits} interprets it over one record's facts;
 * the registry renders the same value as SQL for its lists and counts, so the two cannot
 * say different things.
 */
public sealed interface ReadRule {

	/** Whether a record with these facts is readable under this rule. */
	boolean admits(RecordFacts record);

	/** Every record. */
	record Everyone() implements ReadRule {

		@Override
		public boolean admits(RecordFacts record) {
			return true;
		}

	}

	/** No record. */
	record Nobody() implements ReadRule {

		@Override
		public boolean admits(RecordFacts record) {
			return false;
		}

	}

	/** The records {@code login} recorded. */
	record CreatedBy(String login) implements ReadRule {

		public CreatedBy {
			Objects.requireNonNull(login, "login");
		}

		@Override
		public boolean admits(RecordFacts record) {
			return this.login.equals(record.createdBy());
		}

	}

	/** The records that name {@code login} (on a case: the lawyers assigned to it). */
	record NamedOn(String login) implements ReadRule {

		public NamedOn {
			Objects.requireNonNull(login, "login");
		}

		@Override
		public boolean admits(RecordFacts record) {
			return record.named().contains(this.login);
		}

	}

	/**
	 * The records of a case that names {@code login}: the case itself, its events, and
	 * the person it is against.
	 */
	record AssignedThroughCase(String login) implements ReadRule {

		public AssignedThroughCase {
			Objects.requireNonNull(login, "login");
		}

		@Override
		public boolean admits(RecordFacts record) {
			return record.assignees().contains(this.login);
		}

	}

	/** The records not marked restricted. */
	record NotRestricted() implements ReadRule {

		@Override
		public boolean admits(RecordFacts record) {
			return !record.restricted();
		}

	}

	/**
	 * The records whose enclosing record (a case event's case) {@code rule} admits; a
	 * record without one is not admitted.
	 */
	record WithinEnclosing(ReadRule rule) implements ReadRule {

		public WithinEnclosing {
			Objects.requireNonNull(rule, "rule");
		}

		@Override
		public boolean admits(RecordFacts record) {
			return record.enclosing() != null && this.rule.admits(record.enclosing());
		}

	}

	/** The records every one of {@code rules} admits. */
	record AllOf(List<ReadRule> rules) implements ReadRule {

		public AllOf {
			rules = List.copyOf(rules);
		}

		@Override
		public boolean admits(RecordFacts record) {
			return this.rules.stream().allMatch(rule -> rule.admits(record));
		}

	}

	/** The records any one of {@code rules} admits. */
	record AnyOf(List<ReadRule> rules) implements ReadRule {

		public AnyOf {
			rules = List.copyOf(rules);
		}

		@Override
		public boolean admits(RecordFacts record) {
			return this.rules.stream().anyMatch(rule -> rule.admits(record));
		}

	}

	/** Both rules, with {@link Everyone} and {@link Nobody} folded away. */
	static ReadRule allOf(ReadRule first, ReadRule second) {
		if (first instanceof Nobody || second instanceof Nobody) {
			return new Nobody();
		}
		if (first instanceof Everyone) {
			return second;
		}
		if (second instanceof Everyone) {
			return first;
		}
		return new AllOf(flatten(AllOf.class, first, second));
	}

	/** Either rule, with {@link Everyone} and {@link Nobody} folded away. */
	static ReadRule anyOf(ReadRule first, ReadRule second) {
		if (first instanceof Everyone || second instanceof Everyone) {
			return new Everyone();
		}
		if (first instanceof Nobody) {
			return second;
		}
		if (second instanceof Nobody) {
			return first;
		}
		return new AnyOf(flatten(AnyOf.class, first, second));
	}

	private static List<ReadRule> flatten(Class<? extends ReadRule> kind, ReadRule... rules) {
		List<ReadRule> flat = new ArrayList<>();
		for (ReadRule rule : rules) {
			if (kind.isInstance(rule)) {
				flat.addAll((rule instanceof AllOf all) ? all.rules() : ((AnyOf) rule).rules());
			}
			else {
				flat.add(rule);
			}
		}
		return flat;
	}

}
