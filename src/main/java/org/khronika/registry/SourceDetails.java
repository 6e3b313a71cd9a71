package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Where facts came from: its kind, a reference (a link, a court file number, who told us
 * — sealed, since it can name a relative or lawyer) and its reliability on the Admiralty
 * scale: a letter A–F for the source, a digit 1–6 for the information, e.g. {@code B2}.
 */
public record SourceDetails(String sourceKind, String reference, String reliability,
		String note) implements RecordDetails {

	public SourceDetails {
		List<FieldProblem> problems = new ArrayList<>();
		Fields.require(problems, "kind", sourceKind);
		Fields.require(problems, "reliability", reliability);
		if (reliability != null && !reliability.matches("[A-F][1-6]")) {
			problems.add(FieldProblem.of("reliability", "reliability_format"));
		}
		InvalidDetails.unless(problems);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.SOURCE;
	}

	@Override
	public List<SourceId> sources() {
		return List.of();
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message.
	 */
	@Override
	public String toString() {
		return Kinds.describe(this);
	}

}
