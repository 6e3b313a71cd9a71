package org.khronika.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Label;
import org.khronika.registry.Field;
import org.khronika.registry.FieldValues;
import org.khronika.registry.RecordFeed;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.search.Analysis.Part;

/**
 * Turns a record into the document the index keeps of it: its id and kind; its text,
 * public and sealed apart, in every language's analysis; the keys of a person's names;
 * the records it refers to; identifiers whole (case numbers); the facets; and the facts
 * its readers are decided by. Nothing is stored but the id: the index answers which
 * records, and the registry shows them.
 */
final class Documents {

	static final String ID = "id";

	static final String KIND = "kind";

	static final String NAME = "s.name";

	/** The initials a record's names are written with (Klokov A.). */
	static final String INITIAL = "s.initial";

	/** The first letter of every word of a record's names, for initials in a query. */
	static final String LETTER = "s.letter";

	/** Short texts whole, lowercase and without spaces: case numbers. */
	static final String IDENT = "s.ident";

	/**
	 * The words of the places a record names (its region, the region's centre, a
	 * locality, a court) by their {@linkplain NameKeys#placeKeys keys} in any script, so
	 * that Moskva finds Москва; public, as the places are.
	 */
	static final String PLACE = "p.place";

	/** The public text fields that name a place. */
	private static final Set<String> PLACE_FIELDS = Set.of("locality", "court");

	/** The ids of the records a record refers to (a case: its person). */
	static final String REFERENCE = "ref";

	/** The facets, in the order a results page shows them. */
	static final List<String> FACETS = List.of("kind", "region", "year", "article", "status", "role");

	private final Catalog catalog;

	private final NameKeys names;

	/**
	 * The place keys of each region's name and centre, made once: a million persons'
	 * regions are a hundred names.
	 */
	private final Map<String, List<String>> regionKeys = new ConcurrentHashMap<>();

	private final FacetsConfig facets = new FacetsConfig();

	Documents(Catalog catalog, NameKeys names) {
		this.catalog = catalog;
		this.names = names;
		this.facets.setMultiValued("article", true);
		this.facets.setMultiValued("role", true);
	}

	FacetsConfig facetsConfig() {
		return this.facets;
	}

	/** The document of {@code item}, facets built. */
	Document of(RecordFeed.Item item) {
		RecordView view = item.view();
		RecordKind kind = view.kind();
		Document document = new Document();
		document.add(new StringField(ID, view.id().toString(), Store.YES));
		document.add(new StringField(KIND, kind.code(), Store.YES));
		ReadRuleQuery.addFacts(document, item.facts());
		document.add(new SortedSetDocValuesFacetField("kind", kind.code()));
		FieldValues values = view.values();
		for (Field field : kind.fields()) {
			Object value = values.get(field.name());
			if (value == null) {
				continue;
			}
			Part part = field.sealed() ? Part.SEALED : Part.PUBLIC;
			switch (field.type()) {
				case LINES -> {
					List<String> lines = texts(values.all(field.name()));
					if (kind == RecordKind.PERSON && "names".equals(field.name())) {
						lines.forEach(name -> addName(document, name));
					}
					else {
						lines.forEach(line -> addText(document, part, line));
					}
				}
				case TEXT -> {
					addText(document, part, value.toString());
					document.add(new StringField(IDENT, ident(value.toString()), Store.NO));
					if (part == Part.PUBLIC && PLACE_FIELDS.contains(field.name())) {
						addPlace(document, value.toString());
					}
				}
				case LONG_TEXT, GRADE, NUMBER, AMOUNT -> addText(document, part, value.toString());
				case TERM -> {
					this.catalog.valueLabel(field.vocabulary(), value.toString())
						.ifPresent(label -> addLabel(document, label));
					if ("status".equals(field.name()) && kind == RecordKind.CASE) {
						document.add(new SortedSetDocValuesFacetField("status", value.toString()));
					}
				}
				case REGION -> {
					this.catalog.regions()
						.stream()
						.filter(r -> r.code().equals(value))
						.findFirst()
						.ifPresent(region -> {
							addLabel(document, region.label());
							if (region.centre() != null) {
								// "Клоков Тверь" finds the Клоков of Тверская область
								addLabel(document, region.centre());
							}
							for (String key : this.regionKeys.computeIfAbsent(region.code(),
									code -> placeKeys((region.centre() == null) ? List.of(region.label().ru())
											: List.of(region.label().ru(), region.centre().ru())))) {
								document.add(new StringField(PLACE, key, Store.NO));
							}
						});
					document.add(new SortedSetDocValuesFacetField("region", value.toString()));
				}
				case ARTICLES -> {
					for (String code : texts(values.all(field.name()))) {
						this.catalog.article(code).ifPresent(article -> {
							addText(document, Part.PUBLIC, article.number());
							// "УК 207.3", "CAO 20.3.3": the code named as a lawyer names
							// it
							addLabel(document, article.jurisdictionName());
							addLabel(document, article.title());
						});
						document.add(new SortedSetDocValuesFacetField("article", code));
					}
				}
				default -> {
					// dates are facets, flags say nothing to search for, references are
					// indexed through the records they point to
				}
			}
		}
		LocalDate date = kind.date(view.details());
		if (date != null) {
			document.add(new SortedSetDocValuesFacetField("year", String.valueOf(date.getYear())));
			addText(document, Part.PUBLIC, date.toString());
		}
		item.references().forEach(id -> document.add(new StringField(REFERENCE, id, Store.NO)));
		if (kind == RecordKind.PERSON) {
			for (RecordKind by : item.referencedBy()) {
				if (by == RecordKind.CASE || by == RecordKind.INCIDENT) {
					document.add(new SortedSetDocValuesFacetField("role", by.code()));
				}
			}
		}
		try {
			return this.facets.build(document);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void addName(Document document, String name) {
		for (String word : NameKeys.words(name)) {
			for (String key : this.names.keys(word)) {
				document.add(new StringField(NAME, key, Store.NO));
			}
			String initial = NameKeys.initial(word);
			if (!initial.isEmpty()) {
				document.add(new StringField((word.length() == 1) ? INITIAL : LETTER, initial, Store.NO));
			}
		}
		// a name is found by its keys; as text, only as written (for phrases): its words
		// have no lemmas worth the three analyzers' time
		document.add(new TextField(Analysis.field(Part.SEALED, Analysis.EXACT), name, Store.NO));
	}

	private static void addPlace(Document document, String place) {
		for (String key : placeKeys(List.of(place))) {
			document.add(new StringField(PLACE, key, Store.NO));
		}
	}

	/** The keys of the words of {@code places}, each once. */
	private static List<String> placeKeys(List<String> places) {
		Set<String> keys = new LinkedHashSet<>();
		for (String place : places) {
			for (String word : NameKeys.words(place)) {
				keys.addAll(NameKeys.placeKeys(word));
			}
		}
		return List.copyOf(keys);
	}

	private static void addText(Document document, Part part, String text) {
		for (String language : Analysis.TEXTS) {
			document.add(new TextField(Analysis.field(part, language), text, Store.NO));
		}
	}

	/**
	 * A catalog label in its two languages, each through its own language's analysis and
	 * as written: a region's Russian name has no English stem worth a million analyses.
	 */
	private static void addLabel(Document document, Label label) {
		for (String[] text : new String[][] { { Analysis.RUSSIAN, label.ru() }, { Analysis.ENGLISH, label.en() } }) {
			document.add(new TextField(Analysis.field(Part.PUBLIC, text[0]), text[1], Store.NO));
			document.add(new TextField(Analysis.field(Part.PUBLIC, Analysis.EXACT), text[1], Store.NO));
		}
	}

	/** A short text as an identifier: lowercase, without spaces. */
	static String ident(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
	}

	private static List<String> texts(List<?> values) {
		List<String> texts = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Object value : values) {
			if (value != null && seen.add(value.toString())) {
				texts.add(value.toString());
			}
		}
		return texts;
	}

}
