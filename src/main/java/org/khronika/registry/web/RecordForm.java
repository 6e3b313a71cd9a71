package org.khronika.registry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Field;
import org.khronika.registry.Listing;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

/**
 * A kind's form, field by field, from its fields: the widget each type takes, the choices
 * of coded fields and references, what was typed, and the links the editor cannot see,
 * which the form shows as kept and never offers to remove.
 */
final class RecordForm {

	record Option(String value, String label) {
	}

	/**
	 * One field of the form.
	 *
	 * @param widget {@code text}, {@code area}, {@code lines}, {@code number},
	 * {@code date}, {@code check}, {@code select}, {@code multiselect} or {@code grade}
	 * @param values what the field holds now (typed, or the record's)
	 * @param kept the records it refers to that the editor may not see: they stay
	 */
	record FormField(String name, String label, String widget, boolean required, List<Option> options,
			List<String> values, String hint, int kept) {

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

	private final Map<RecordKind, List<Option>> records = new HashMap<>();

	RecordForm(Registry registry, Actor actor, Catalog catalog, RecordPresenter presenter) {
		this.registry = registry;
		this.actor = actor;
		this.catalog = catalog;
		this.presenter = presenter;
	}

	/**
	 * The form of {@code kind} holding {@code values}; references to {@code hidden}
	 * records are kept, not offered.
	 */
	List<FormField> fields(RecordKind kind, Map<String, List<String>> values, Set<String> hidden) {
		List<FormField> fields = new ArrayList<>();
		for (Field field : kind.fields()) {
			List<String> given = values.getOrDefault(field.name(), List.of());
			List<String> shown = given.stream().filter(v -> !hidden.contains(v)).toList();
			int kept = given.size() - shown.size();
			fields.add(new FormField(field.name(), this.presenter.label(kind, field.name()), widget(field),
					field.required(), options(field), shown, hint(field), kept));
		}
		return fields;
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
			case ARTICLES, REFERENCES -> this.presenter.message("field.multiple.hint");
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
			case REFERENCE, REFERENCES -> this.records.computeIfAbsent(field.target(), this::records);
			default -> List.of();
		};
	}

	private List<Option> records(RecordKind kind) {
		Listing choices = this.registry.choices(this.actor, kind);
		this.presenter.know(choices.referenced());
		return choices.page()
			.items()
			.stream()
			.map(r -> new Option(r.id().toString(), this.presenter.title(r)))
			.sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
