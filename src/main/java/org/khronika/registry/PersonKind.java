package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

/** Persons: their fields, rules, page model and list. */
final class PersonKind extends Kind<PersonDetails> {

	static final PersonKind INSTANCE = new PersonKind();

	private PersonKind() {
		super(RecordKind.PERSON, PersonDetails.class,
				List.of(Field.of("names", FieldType.LINES).sealedField().requiredAs("name_required").atMost(200),
						Field.of("birthYear", FieldType.NUMBER).sealedField(), Field.of("region", FieldType.REGION),
						Field.of("contacts", FieldType.LONG_TEXT).sealedField(),
						Field.of("notes", FieldType.LONG_TEXT).sealedField(), Field.of("mayBeNamed", FieldType.FLAG),
						Field.of("mayReceiveLetters", FieldType.FLAG),
						Field.reference("sources", RecordKind.SOURCE, true)));
	}

	@Override
	FieldValues values(PersonDetails d) {
		return new FieldValues().put("names", d.names())
			.put("birthYear", d.birthYear())
			.put("region", d.region())
			.put("contacts", d.contacts())
			.put("notes", d.notes())
			.put("mayBeNamed", d.mayBeNamed())
			.put("mayReceiveLetters", d.mayReceiveLetters())
			.put("sources", d.sources());
	}

	@Override
	PersonDetails build(FieldValues v) {
		return new PersonDetails(v.texts("names"), v.number("birthYear"), v.text("region"), v.text("contacts"),
				v.text("notes"), v.flag("mayBeNamed"), v.flag("mayReceiveLetters"), v.ids("sources"));
	}

	/**
	 * A person has a name, and was born between 1900 and this year. (Both are sealed, so
	 * they are checked here rather than by the details, which someone who sees public
	 * fields only reads without them.)
	 */
	@Override
	List<FieldProblem> rules(PersonDetails details, RecordId id, RuleContext context) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.names().isEmpty()) {
			problems.add(FieldProblem.of("names", "name_required"));
		}
		int year = context.today().getYear();
		if (details.birthYear() != null && (details.birthYear() < 1900 || details.birthYear() > year)) {
			// as text: a year is written without a thousands separator ("1,900")
			problems.add(FieldProblem.of("birthYear", "out_of_range", "1900", String.valueOf(year)));
		}
		return problems;
	}

	/**
	 * The first spelling of the name; empty when it cannot be read (the page then says
	 * why).
	 */
	@Override
	String title(PersonDetails details, Labels labels) {
		return details.displayName();
	}

	@Override
	boolean sealedInTitle() {
		return true;
	}

	@Override
	List<ListColumn> columns() {
		return List.of(new ListColumn("birthYear", true, (d, labels) -> text(((PersonDetails) d).birthYear())),
				new ListColumn("region", false, (d, labels) -> labels.region(((PersonDetails) d).region())),
				// beside a title, a bare yes or no says nothing: left out there
				new ListColumn("mayBeNamed", false,
						(d, labels) -> labels.message(((PersonDetails) d).mayBeNamed() ? "field.yes" : "field.no"),
						(d, labels) -> ""));
	}

	@Override
	TypedTable table() {
		return new TypedTable("fact_person", null,
				List.of(TypedTable.filtered("region", ListQuery.Filter.REGION, "region"),
						TypedTable.column("may_be_named", v -> v.flag("mayBeNamed"))));
	}

	static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}
