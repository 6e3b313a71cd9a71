package org.khronika.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.khronika.catalog.Catalog;

/** Every kind of record, for the shared code that iterates over them. */
final class Kinds {

	private static final Map<RecordKind, Kind<?>> KINDS = new EnumMap<>(RecordKind.class);

	static {
		for (Kind<?> kind : List.of(PersonKind.INSTANCE, IncidentKind.INSTANCE, CaseKind.INSTANCE,
				CaseEventKind.INSTANCE, SourceKind.INSTANCE)) {
			KINDS.put(kind.code(), kind);
		}
	}

	private Kinds() {
	}

	static Kind<?> of(RecordKind kind) {
		return KINDS.get(kind);
	}

	@SuppressWarnings("unchecked")
	static <D extends RecordDetails> Kind<D> of(D details) {
		return (Kind<D>) KINDS.get(details.kind());
	}

	static List<Kind<?>> all() {
		return List.copyOf(KINDS.values());
	}

	/** Public fields only, for {@code toString}. */
	static String describe(RecordDetails details) {
		return of(details.kind()).describe(details);
	}

	/**
	 * What the catalog lacks for the codes the code reasons about: each coded type's
	 * codes must be those of its vocabulary, which labels them; empty if it has them all.
	 */
	static List<String> missingFrom(Catalog catalog) {
		List<String> missing = new ArrayList<>();
		check(catalog, Proceedings.VOCABULARY, codes(Proceedings.values()), missing);
		check(catalog, CaseStatus.VOCABULARY, codes(CaseStatus.values()), missing);
		check(catalog, Trigger.VOCABULARY, codes(Trigger.values()), missing);
		check(catalog, CaseEventType.VOCABULARY, codes(CaseEventType.values()), missing);
		check(catalog, MeasureOfRestraint.VOCABULARY, codes(MeasureOfRestraint.values()), missing);
		check(catalog, Outcome.VOCABULARY, Outcome.CODES, missing);
		for (Kind<?> kind : KINDS.values()) {
			for (Field field : kind.fields()) {
				if (field.vocabulary() != null && !catalog.hasVocabulary(field.vocabulary())) {
					missing.add("vocabulary " + field.vocabulary() + " of " + kind.code().code() + "." + field.name());
				}
			}
		}
		return missing;
	}

	private static List<String> codes(Coded[] values) {
		List<String> codes = new ArrayList<>();
		for (Coded value : values) {
			codes.add(value.code());
		}
		return codes;
	}

	private static void check(Catalog catalog, String vocabulary, List<String> codes, List<String> missing) {
		if (!catalog.hasVocabulary(vocabulary)) {
			missing.add("vocabulary " + vocabulary);
			return;
		}
		java.util.Set<String> terms = new java.util.TreeSet<>(
				catalog.vocabulary(vocabulary).terms().stream().map(t -> t.code()).toList());
		if (!terms.equals(new java.util.TreeSet<>(codes))) {
			missing.add(vocabulary + ": the catalog has " + terms + ", the code knows " + codes);
		}
	}

}
