package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;

/** Invented inputs for tests: no real person. */
final class Inputs {

	private Inputs() {
	}

	static PersonInput aPerson(String... names) {
		return new PersonInput(List.of(names), 1987, "Москва", "тел. +7 900 000-00-01", "Вымышленная заметка", false,
				false, List.of());
	}

	static SourceInput aSource() {
		return new SourceInput("lawyer", "Адвокат (вымышленный)", "B2", null);
	}

	static CaseInput aCriminalCase(RecordId person, String... articles) {
		return new CaseInput(person.toString(), "criminal", null, null, List.of(articles), "wiretap", null,
				"Мещанский районный суд", "investigation", null, null, null, null, List.of());
	}

	static CaseEventInput aDetention(RecordId caseId) {
		return new CaseEventInput(caseId.toString(), "detention", LocalDate.of(2025, 3, 4), null, null, null,
				"Задержан утром", List.of());
	}

	static IncidentInput aProtest(RecordId... persons) {
		return new IncidentInput(LocalDate.of(2025, 2, 24), "Санкт-Петербург", "Гостиный двор", "protest",
				"Против войны", "стихийная", "not-agreed", 27,
				java.util.Arrays.stream(persons).map(RecordId::toString).toList(), "Вымышленное описание", List.of());
	}

}
