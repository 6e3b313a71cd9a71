package org.khronika.registry;

import java.util.List;
import java.util.Map;

/**
 * Where facts came from: its kind, a reference (a link, a court file number, who told us
 * — sealed, since it can name a relative or lawyer) and its reliability on the Admiralty
 * scale: a letter A–F for the source, a digit 1–6 for the information, e.g. {@code B2}.
 */
public record SourceDetails(String sourceKind, String reference, String reliability,
		String note) implements RecordDetails {

	@Override
	public RecordKind kind() {
		return RecordKind.SOURCE;
	}

	@Override
	public List<SourceId> sources() {
		return List.of();
	}

	@Override
	public Map<String, Object> publicFields() {
		return Fields.builder().put("kind", this.sourceKind).put("reliability", this.reliability).build();
	}

	@Override
	public Map<String, Object> sealedFields() {
		return Fields.builder().put("reference", this.reference).put("note", this.note).build();
	}

	static SourceDetails fromFields(Fields open, Fields sealed) {
		return new SourceDetails(open.text("kind"), sealed.text("reference"), open.text("reliability"),
				sealed.text("note"));
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message by
	 * accident.
	 */
	@Override
	public String toString() {
		return "SourceDetails%s (sealed fields hidden)".formatted(publicFields());
	}

}
