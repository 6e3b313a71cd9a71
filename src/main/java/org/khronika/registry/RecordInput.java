package org.khronika.registry;

/**
 * Raw input for one record, as a form or the JSON API gives it: any field may be missing
 * or wrong. {@link RecordValidator} turns it into details or field problems. Its field
 * names are those of the JSON API and of the forms.
 */
public sealed interface RecordInput permits PersonInput, IncidentInput, CaseInput, CaseEventInput, SourceInput {

	RecordKind recordKind();

	/**
	 * The input that shows {@code details} (to fill an edit form, or to answer the API).
	 */
	static RecordInput of(RecordDetails details) {
		if (details instanceof PersonDetails d) {
			return new PersonInput(d.names(), d.birthYear(), d.region(), d.contacts(), d.notes(), d.mayBeNamed(),
					d.mayReceiveLetters(), strings(d.sources()));
		}
		if (details instanceof IncidentDetails d) {
			return new IncidentInput(d.date(), d.region(), d.locality(), d.type(), d.topic(), d.organiser(),
					d.agreement(), d.detained(), strings(d.persons()), d.description(), strings(d.sources()));
		}
		if (details instanceof CaseDetails d) {
			return new CaseInput(d.person().toString(), d.caseKind(), d.opened(), d.region(), d.charges(), d.trigger(),
					d.informant(), d.court(), d.status(), d.outcome(), d.fineAmount(), d.sentenceMonths(), d.notes(),
					strings(d.sources()));
		}
		if (details instanceof CaseEventDetails d) {
			return new CaseEventInput(d.caseId().toString(), d.type(), d.date(), d.court(), d.measure(), d.until(),
					d.note(), strings(d.sources()));
		}
		if (details instanceof SourceDetails d) {
			return new SourceInput(d.sourceKind(), d.reference(), d.reliability(), d.note());
		}
		throw new IllegalArgumentException("no input for " + details.getClass().getSimpleName());
	}

	private static java.util.List<String> strings(java.util.List<? extends RecordId> ids) {
		return ids.stream().map(RecordId::toString).toList();
	}

	/**
	 * The input fields of {@code kind} that are sealed when stored: names, birth year,
	 * contacts, descriptions, notes and source references. A reader who sees public
	 * fields only never gets them.
	 */
	static java.util.Set<String> sealedNames(RecordKind kind) {
		return switch (kind) {
			case PERSON -> java.util.Set.of("names", "birthYear", "contacts", "notes");
			case INCIDENT -> java.util.Set.of("description");
			case CASE -> java.util.Set.of("notes");
			case CASE_EVENT -> java.util.Set.of("note");
			case SOURCE -> java.util.Set.of("reference", "note");
		};
	}

}
