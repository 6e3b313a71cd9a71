package org.khronika.registry;

import java.time.Clock;

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
	 * Every problem of {@code input}, or its details if it has none. Never throws for bad
	 * input.
	 */
	public Validated<? extends RecordDetails> validate(RecordInput input) {
		InputCheck check = new InputCheck(this.catalog, this.registry, this.clock);
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
