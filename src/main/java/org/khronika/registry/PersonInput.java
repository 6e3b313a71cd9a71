package org.khronika.registry;

import java.util.List;

/** Input for a person; see {@link PersonDetails}. */
public record PersonInput(List<String> names, Integer birthYear, String region, String contacts, String notes,
		Boolean mayBeNamed, Boolean mayReceiveLetters, List<String> sources) implements RecordInput {

	@Override
	public RecordKind recordKind() {
		return RecordKind.PERSON;
	}

	Validated<PersonDetails> validate(InputCheck check) {
		List<String> given = (this.names != null) ? this.names : List.of();
		List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String name = check.text("names[" + i + "]", given.get(i), InputCheck.NAME_MAX, false);
			if (name != null && !names.contains(name)) {
				names.add(name);
			}
		}
		if (names.isEmpty() && !check.problems().stream().anyMatch(p -> p.field().startsWith("names"))) {
			check.reject("names", "name_required");
		}
		if (names.size() > 20) {
			check.reject("names", "too_many", 20);
		}
		Integer birthYear = check.range("birthYear", this.birthYear, 1900, check.currentYear(), false);
		String region = check.region("region", this.region, false);
		String contacts = check.text("contacts", this.contacts, InputCheck.LONG_TEXT_MAX, false);
		String notes = check.text("notes", this.notes, InputCheck.LONG_TEXT_MAX, false);
		List<SourceId> sources = check.references("sources", this.sources, RecordKind.SOURCE, SourceId::new);
		return check.result(() -> new PersonDetails(names, birthYear, region, contacts, notes,
				Boolean.TRUE.equals(this.mayBeNamed), Boolean.TRUE.equals(this.mayReceiveLetters), sources));
	}

	/** Never the values: an input may hold identifying text. */
	@Override
	public String toString() {
		return "PersonInput[values hidden]";
	}

}
