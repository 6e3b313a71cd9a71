package org.khronika.registry.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Field;
import org.khronika.registry.FieldType;
import org.khronika.registry.Listing;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;

/**
 * A kind's form, field by field, from its fields: the widget each type takes, the choices
 * of coded fields, what was typed, and the links the editor cannot see, which the form
 * shows as kept and never offers to remove. A link field is a search: the records chosen,
 * a box to find more, and what was found (before a search, the few the reader changed
 * last); no form lists every record.
 */
final class RecordForm {

	record Option(String value, String label) {
	}

	/**
	 * One field of the form.
	 *
	 * @param widget {@code text}, {@code area}, {@code lines}, {@code number},
	 * {@code date}, {@code check}, {@code select}, {@code multiselect}, {@code grade} or
	 * {@code picker} (a link field: a search)
	 * @param values what the field holds now (typed, or the record's)
	 * @param kept the records it refers to that the editor may not see: they stay
	 * @param chooses whether what is chosen in it decides which other fields apply: the
	 * form offers to show the fields for the choice
	 */
	record FormField(String name, String label, String widget, boolean required, List<Option> options,
			List<String> values, String hint, int kept, Picker picker, boolean chooses) {

		public boolean has(String value) {
			return this.values.contains(value);
		}

		public String value() {
			return this.values.isEmpty() ? "" : this.values.get(0);
		}

		public String lines() {
			return String.join("\n", this.values);
		}

	}

	private final Registry registry;

	private final Actor actor;

	private final Catalog catalog;

	private final RecordPresenter presenter;

	/**
	 * A link field's search: the records chosen, what was typed to find more, and what
	 * was found (null before a search).
	 *
	 * @param multiple several records may be chosen (checkboxes), or one (radio buttons)
	 * @param building the search index is still being built: nothing found means nothing
	 * yet
	 * @param recent before anything is searched for, the records of the field's kind the
	 * reader changed last (the source just recorded, the person just added), not chosen
	 */
	record Picker(boolean multiple, List<Option> chosen, String query, List<Option> found, boolean building,
			List<Option> recent) {
	}

	/** The most records a picker offers from the reader's last changes. */
	static final int RECENT = 3;

	/** The most records a picker's search offers. */
	static final int CANDIDATES = 10;

	private final RecordFinder finder;

	RecordForm(Registry registry, RecordFinder finder, Actor actor, Catalog catalog, RecordPresenter presenter) {
		this.finder = finder;
		this.registry = registry;
		this.actor = actor;
		this.catalog = catalog;
		this.presenter = presenter;
	}

	/**
	 * The form of {@code kind} holding {@code values}: the fields that apply to the codes
	 * {@code chosen} (a fine's amount only with a fine), and any other that holds a
	 * value, so that nothing is dropped unseen. References to {@code hidden} records are
	 * kept, not offered.
	 */
	List<FormField> fields(RecordKind kind, Map<String, List<String>> values, Function<String, String> chosen,
			Set<String> hidden) {
		return fields(kind, name -> true, values, chosen, hidden);
	}

	/**
	 * The fields of {@code kind}'s form that {@code only} names, as
	 * {@link #fields(RecordKind, Map, Function, Set)} gives them. Its link fields are
	 * read together: the records they offer before a search in one read, the cases shown
	 * beside the persons they offer in another.
	 */
	List<FormField> fields(RecordKind kind, Predicate<String> only, Map<String, List<String>> values,
			Function<String, String> chosen, Set<String> hidden) {
		Set<String> choosing = kind.choosing();
		List<Field> shownFields = new ArrayList<>();
		Map<String, List<String>> shownValues = new HashMap<>();
		List<Offer> offers = new ArrayList<>();
		for (Field field : kind.fields()) {
			List<String> given = values.getOrDefault(field.name(), List.of());
			if (!only.test(field.name())
					|| (!kind.applies(chosen, field) && given.stream().allMatch(String::isBlank))) {
				continue;
			}
			List<String> shown = given.stream().filter(v -> !hidden.contains(v)).toList();
			shownFields.add(field);
			shownValues.put(field.name(), shown);
			if (field.isReference()) {
				List<String> query = values.getOrDefault(FIND + field.name(), List.of());
				offers.add(offer(field, shown, query.isEmpty() ? "" : query.get(0).strip()));
			}
		}
		Map<String, Picker> pickers = pickers(offers);
		List<FormField> fields = new ArrayList<>();
		for (Field field : shownFields) {
			List<String> shown = shownValues.get(field.name());
			int kept = values.getOrDefault(field.name(), List.of()).size() - shown.size();
			String label = this.presenter.label(kind, field.name());
			Picker picker = pickers.get(field.name());
			fields.add((picker != null)
					? new FormField(field.name(), label, "picker", field.required(), List.of(), shown, hint(field),
							kept, picker, false)
					: new FormField(field.name(), label, widget(field), field.required(), options(field), shown,
							hint(field), kept, null, choosing.contains(field.name())));
		}
		return fields;
	}

	/**
	 * The code chosen in each field of {@code values}: its first value, null if blank.
	 */
	static Function<String, String> chosen(Map<String, List<String>> values) {
		return name -> values.getOrDefault(name, List.of())
			.stream()
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.findFirst()
			.orElse(null);
	}

	/** The name of the text a link field's search was asked with: {@code find.person}. */
	static final String FIND = "find.";

	/**
	 * What a link field offers, as records: those chosen, what was typed to find more and
	 * what it found (null before a search). The reader's last changes, offered before a
	 * search, are read for every field at once by {@link #pickers}.
	 */
	private record Offer(Field field, List<RecordView> chosen, String query, List<RecordView> found, boolean building) {
	}

	/**
	 * A link field's offer: the records chosen, by their titles, and if something was
	 * typed, the records found for it (those chosen left out).
	 */
	private Offer offer(Field field, List<String> chosenIds, String query) {
		RecordKind target = field.target();
		List<RecordId> ids = new ArrayList<>();
		for (String id : chosenIds) {
			try {
				ids.add(target.id(java.util.UUID.fromString(id)));
			}
			catch (IllegalArgumentException ex) {
				// not an id: the draft's checks say so when it is saved
			}
		}
		List<RecordView> chosen = List.of();
		if (!ids.isEmpty()) {
			Listing listing = this.registry.selection(this.actor, target, ids, 0, ids.size());
			this.presenter.know(listing.referenced());
			chosen = listing.page().items();
		}
		List<RecordView> found = null;
		boolean building = false;
		if (!query.isEmpty()) {
			building = !this.finder.ready();
			Listing listing = this.finder.find(this.actor, target, query, CANDIDATES);
			this.presenter.know(listing.referenced());
			found = listing.page().items().stream().filter(r -> !chosenIds.contains(r.id().toString())).toList();
		}
		return new Offer(field, chosen, query, found, building);
	}

	/**
	 * The pickers of {@code offers}, by field name: before a search, each offers the
	 * records of its kind the reader changed last (one read for every field); each person
	 * offered shows the case against them (one read for every person).
	 */
	private Map<String, Picker> pickers(List<Offer> offers) {
		Set<RecordKind> unsearched = new LinkedHashSet<>();
		int most = 0;
		for (Offer offer : offers) {
			if (offer.found() == null) {
				unsearched.add(offer.field().target());
				most = Math.max(most, offer.chosen().size());
			}
		}
		Map<RecordKind, List<RecordView>> changed = new EnumMap<>(RecordKind.class);
		if (!unsearched.isEmpty()) {
			Listing listing = this.registry.changedBy(this.actor, unsearched, RECENT + most);
			this.presenter.know(listing.referenced());
			listing.page().items().forEach(r -> changed.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
		}
		Map<String, List<RecordView>> recent = new HashMap<>();
		List<PersonId> persons = new ArrayList<>();
		for (Offer offer : offers) {
			Set<RecordId> chosen = new HashSet<>();
			offer.chosen().forEach(r -> chosen.add(r.id()));
			List<RecordView> latest = (offer.found() != null) ? List.of()
					: changed.getOrDefault(offer.field().target(), List.of())
						.stream()
						.filter(r -> !chosen.contains(r.id()))
						.limit(RECENT)
						.toList();
			recent.put(offer.field().name(), latest);
			for (List<RecordView> records : Arrays.asList(offer.chosen(), offer.found(), latest)) {
				if (records != null) {
					records.stream()
						.filter(r -> r.id() instanceof PersonId)
						.forEach(r -> persons.add((PersonId) r.id()));
				}
			}
		}
		Map<PersonId, List<RecordView>> mentioning = this.registry.recordsMentioning(this.actor, persons);
		Function<List<RecordView>, List<Option>> options = records -> records.stream()
			.map(r -> new Option(r.id().toString(), this.presenter.candidate(r, mentioning)))
			.toList();
		Map<String, Picker> pickers = new HashMap<>();
		for (Offer offer : offers) {
			pickers.put(offer.field().name(),
					new Picker(offer.field().type() == FieldType.REFERENCES, options.apply(offer.chosen()),
							offer.query(), (offer.found() != null) ? options.apply(offer.found()) : null,
							offer.building(), options.apply(recent.get(offer.field().name()))));
		}
		return pickers;
	}

	private static String widget(Field field) {
		return switch (field.type()) {
			case TEXT -> "text";
			case LONG_TEXT -> "area";
			case LINES -> "lines";
			case NUMBER, AMOUNT -> "number";
			case DATE -> "date";
			case FLAG -> "check";
			case TERM, REGION, REFERENCE -> "select";
			case ARTICLES, REFERENCES -> "multiselect";
			case GRADE -> "grade";
		};
	}

	private String hint(Field field) {
		return switch (field.type()) {
			case LINES, GRADE -> this.presenter.message("field." + field.name() + ".hint");
			default -> null;
		};
	}

	private List<Option> options(Field field) {
		return switch (field.type()) {
			case TERM -> this.catalog.vocabulary(field.vocabulary())
				.terms()
				.stream()
				.map(t -> new Option(t.code(), t.label().in(this.presenter.locale())))
				.toList();
			case REGION -> this.catalog.regions()
				.stream()
				.map(r -> new Option(r.code(), r.label().in(this.presenter.locale())))
				.toList();
			case ARTICLES -> this.catalog.articles()
				.stream()
				.map(a -> new Option(a.code(), this.presenter.articleOption(a)))
				.toList();
			default -> List.of();
		};
	}

}
