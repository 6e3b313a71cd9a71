package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;

/**
 * Checks drafts from any path (forms, the API, imports, the command line) with the same
 * rules and the same field names: reads each field's text, checks its codes against the
 * catalog and its references against what the actor may see, then builds the details,
 * whose invariants say the rest. The rules that relate a record to other records and to
 * time are checked when the registry decides ({@link Registry#record}). Never throws for
 * bad input.
 */
public class RecordValidator {

	private final Catalog catalog;

	private final Registry registry;

	RecordValidator(Catalog catalog, Registry registry) {
		this.catalog = catalog;
		this.registry = registry;
	}

	/** Every problem of {@code draft}, or its details if it has none. */
	public Validated<RecordDetails> validate(Actor actor, RecordDraft draft) {
		return validate(actor, draft, Set.of());
	}

	/**
	 * As {@link #validate(Actor, RecordDraft)}, after the problems found while reading
	 * the draft (a JSON value of the wrong type): a field is never told both "not a
	 * number" and "required".
	 */
	public Validated<RecordDetails> validate(Actor actor, RecordDraft draft, List<FieldProblem> readProblems) {
		Validated<RecordDetails> validated = validate(actor, draft);
		if (readProblems.isEmpty()) {
			return validated;
		}
		Set<String> unreadable = readProblems.stream().map(FieldProblem::field).collect(Collectors.toSet());
		List<FieldProblem> problems = new ArrayList<>(readProblems);
		validated.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
		return new Validated<>(null, problems);
	}

	/**
	 * As {@link #validate(Actor, RecordDraft)}; references to the records in {@code kept}
	 * pass though the actor may not see them: they are the links an edit keeps.
	 */
	Validated<RecordDetails> validate(Actor actor, RecordDraft draft, Set<RecordId> kept) {
		FieldParser parser = new FieldParser(this.catalog, id -> kept.contains(id) || this.registry.exists(actor, id));
		FieldValues values = parser.parse(draft);
		List<FieldProblem> problems = new ArrayList<>(parser.problems());
		try {
			RecordDetails details = Kinds.of(draft.kind()).build(values);
			if (problems.isEmpty()) {
				return new Validated<>(details, List.of());
			}
		}
		catch (InvalidDetails ex) {
			Set<String> told = problems.stream().map(p -> base(p.field())).collect(Collectors.toSet());
			ex.problems().stream().filter(p -> !told.contains(base(p.field()))).forEach(problems::add);
		}
		return new Validated<>(null, problems);
	}

	/** {@code names} for {@code names[1]}. */
	private static String base(String field) {
		int bracket = field.indexOf('[');
		return (bracket > 0) ? field.substring(0, bracket) : field;
	}

}
