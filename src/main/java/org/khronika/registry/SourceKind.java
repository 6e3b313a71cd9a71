package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

import org.khronika.catalog.Catalog;

/** Sources: their fields, rules, page model and list. */
final class SourceKind extends Kind<SourceDetails> {

	static final SourceKind INSTANCE = new SourceKind();

	private SourceKind() {
		super(RecordKind.SOURCE, SourceDetails.class,
				List.of(Field.term("kind", Catalog.SOURCE_KINDS).requiredField(),
						Field.of("reference", FieldType.LONG_TEXT).sealedField().requiredField().atMost(2000),
						Field.of("reliability", FieldType.GRADE).requiredField().atMost(2),
						Field.of("note", FieldType.LONG_TEXT).sealedField()));
	}

	@Override
	FieldValues values(SourceDetails d) {
		return new FieldValues().put("kind", d.sourceKind())
			.put("reference", d.reference())
			.put("reliability", d.reliability())
			.put("note", d.note());
	}

	@Override
	SourceDetails build(FieldValues v) {
		return new SourceDetails(v.text("kind"), v.text("reference"), v.text("reliability"), v.text("note"));
	}

	/** A source says what it is: its reference (sealed, so checked here). */
	@Override
	List<FieldProblem> rules(SourceDetails details, RecordId id, RuleContext context) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.reference() == null) {
			problems.add(FieldProblem.of("reference", "required"));
		}
		return problems;
	}

	@Override
	String title(SourceDetails d, Labels labels) {
		return labels.term(Catalog.SOURCE_KINDS, d.sourceKind()) + " · " + d.reliability();
	}

	@Override
	List<ListColumn> columns() {
		return List
			.of(new ListColumn("reference", true, (d, labels) -> PersonKind.text(((SourceDetails) d).reference())));
	}

	@Override
	TypedTable table() {
		return new TypedTable("fact_source", null, List.of(TypedTable.filtered("kind", ListQuery.Filter.KIND, "kind"),
				TypedTable.column("reliability", v -> v.text("reliability"))));
	}

}
