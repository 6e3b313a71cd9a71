package org.khronika.registry;

import org.khronika.catalog.Catalog;

/**
 * Input for a source; see {@link SourceDetails}. JSON and forms call the source kind
 * {@code kind}.
 */
public record SourceInput(String kind, String reference, String reliability, String note) implements RecordInput {

	@Override
	public RecordKind recordKind() {
		return RecordKind.SOURCE;
	}

	Validated<SourceDetails> validate(InputCheck check) {
		String sourceKind = check.term("kind", Catalog.SOURCE_KINDS, this.kind, true);
		String reference = check.text("reference", this.reference, 2000, true);
		String reliability = check.text("reliability", this.reliability, 2, true);
		if (reliability != null) {
			reliability = reliability.toUpperCase(java.util.Locale.ROOT);
			if (!reliability.matches("[A-F][1-6]")) {
				check.reject("reliability", "reliability_format");
			}
		}
		String note = check.text("note", this.note, InputCheck.LONG_TEXT_MAX, false);
		String grade = reliability;
		return check.result(() -> new SourceDetails(sourceKind, reference, grade, note));
	}

	/** Never the values: an input may hold identifying text. */
	@Override
	public String toString() {
		return "SourceInput[values hidden]";
	}

}
