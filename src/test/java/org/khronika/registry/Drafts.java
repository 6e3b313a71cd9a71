package org.khronika.registry;

import java.util.Arrays;
import java.util.List;

import org.khronika.catalog.Catalog;

/**
 * Invented records for tests, as drafts: a builder each, filled in with
 * {@link RecordDraft#with(String, String...)}. No real person.
 */
public final class Drafts {

	private static final Catalog CATALOG = Catalog.load();

	private Drafts() {
	}

	/**
	 * The details {@code draft} builds, as every entry path builds them but without a
	 * database: every reference counts as visible. A value that cannot be read fails the
	 * test; an invariant the details break throws {@link InvalidDetails}, as the
	 * constructor does.
	 */
	@SuppressWarnings("unchecked")
	public static <D extends RecordDetails> D built(RecordDraft draft) {
		FieldParser parser = new FieldParser(CATALOG, id -> true);
		FieldValues values = parser.parse(draft);
		Kind<?> kind = Kinds.of(draft.kind());
		// a missing value is left to the constructor, whose refusal the test may expect
		List<FieldProblem> unreadable = parser.problems()
			.stream()
			.filter(p -> kind.field(p.field()).map(f -> !f.requiredCode().equals(p.code())).orElse(true))
			.toList();
		if (!unreadable.isEmpty()) {
			throw new AssertionError("test draft cannot be read: " + unreadable);
		}
		return (D) kind.build(values);
	}

	/** A person born in 1987 in Moscow, with contacts and a note. */
	public static RecordDraft aPerson(String... names) {
		return RecordDraft.empty(RecordKind.PERSON)
			.with("names", names)
			.with("birthYear", "1987")
			.with("region", "Москва")
			.with("contacts", "тел. +7 900 000-00-01")
			.with("notes", "Вымышленная заметка");
	}

	/** {@code draft} (a case) with {@code outcome} and its amount or months, or none. */
	public static RecordDraft decided(RecordDraft draft, Outcome outcome) {
		if (outcome == null) {
			return draft.with("outcome").with("fineAmount").with("sentenceMonths");
		}
		return draft.with("outcome", outcome.code())
			.with("fineAmount", (outcome.fineAmount() != null) ? List.of(outcome.fineAmount().toString()) : List.of())
			.with("sentenceMonths",
					(outcome.sentenceMonths() != null) ? List.of(outcome.sentenceMonths().toString()) : List.of());
	}

	public static RecordDraft aSource() {
		return RecordDraft.empty(RecordKind.SOURCE)
			.with("kind", "lawyer")
			.with("reference", "Адвокат (вымышленный)")
			.with("reliability", "B2");
	}

	/** A criminal case under investigation, started by a wiretap. */
	public static RecordDraft aCriminalCase(Object person, String... articles) {
		return RecordDraft.empty(RecordKind.CASE)
			.with("person", person.toString())
			.with("kind", "criminal")
			.with("charges", articles)
			.with("trigger", "wiretap")
			.with("court", "Мещанский районный суд")
			.with("status", "investigation");
	}

	/** An event of {@code type} in a case on a day. */
	public static RecordDraft anEvent(Object caseId, String type, String date) {
		return RecordDraft.empty(RecordKind.CASE_EVENT)
			.with("caseId", caseId.toString())
			.with("type", type)
			.with("date", date);
	}

	public static RecordDraft aDetention(Object caseId) {
		return anEvent(caseId, "detention", "2025-03-04").with("note", "Задержан утром");
	}

	/** A protest in Saint Petersburg on 2025-02-24, 27 detained. */
	public static RecordDraft aProtest(Object... persons) {
		return RecordDraft.empty(RecordKind.INCIDENT)
			.with("date", "2025-02-24")
			.with("region", "Санкт-Петербург")
			.with("locality", "Гостиный двор")
			.with("type", "protest")
			.with("topic", "Против войны")
			.with("organiser", "стихийная")
			.with("agreement", "not-agreed")
			.with("detained", "27")
			.with("persons", Arrays.stream(persons).map(Object::toString).toArray(String[]::new))
			.with("description", "Вымышленное описание");
	}

}
