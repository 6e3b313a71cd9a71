package org.khronika.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;

/**
 * Checks inputs from any edge (forms, API, CLI) with the same rules and the same field
 * names.
 */
public class RecordValidator {

	private final Catalog catalog;

	private final Registry registry;

	private final Clock clock;

	RecordValidator(Catalog catalog, Registry registry, Clock clock) {
		this.catalog = catalog;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * Every problem of an input as read by {@link InputReader}: the problems found while
	 * reading it (a value of the wrong type), then the rules' problems on the other
	 * fields, so that a field is never told both "not a date" and "required". Never
	 * throws for bad input.
	 */
	public Validated<? extends RecordDetails> validate(Actor actor, RecordInput input,
			List<FieldProblem> readProblems) {
		Validated<? extends RecordDetails> validated = validate(actor, input);
		if (readProblems.isEmpty()) {
			return validated;
		}
		Set<String> unreadable = readProblems.stream().map(FieldProblem::field).collect(Collectors.toSet());
		List<FieldProblem> problems = new ArrayList<>(readProblems);
		validated.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
		return new Validated<>(null, problems);
	}

	/**
	 * Every problem of {@code input}, or its details if it has none. A reference to a
	 * record {@code actor} may not see is reported as to one that does not exist. Never
	 * throws for bad input.
	 */
	public Validated<? extends RecordDetails> validate(Actor actor, RecordInput input) {
		InputCheck check = new InputCheck(this.catalog, id -> this.registry.exists(actor, id), this.clock);
		if (input instanceof PersonInput person) {
			return person.validate(check);
		}
		if (input instanceof IncidentInput incident) {
			return incident.validate(check);
		}
		if (input instanceof CaseInput courtCase) {
			return courtCase.validate(check);
		}
		if (input instanceof CaseEventInput caseEvent) {
			return caseEvent.validate(check);
		}
		if (input instanceof SourceInput source) {
			return source.validate(check);
		}
		throw new IllegalArgumentException("no validation for " + input.getClass().getSimpleName());
	}

}
