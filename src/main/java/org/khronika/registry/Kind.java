package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.khronika.catalog.Catalog;

/**
 * Everything one kind of record is, in one place: its fields (the form, the API, the
 * import profiles and the log all use them), how its details are built from them and
 * taken apart, the rules that relate it to other records and to time, its page model
 * (title, list columns, summary) and its read model, the typed table its lists and
 * statistics read. Shared code iterates over the kinds ({@link Kinds}) and never asks
 * which one it holds.
 */
abstract class Kind<D extends RecordDetails> {

	private final RecordKind code;

	private final Class<D> type;

	private final List<Field> fields;

	Kind(RecordKind code, Class<D> type, List<Field> fields) {
		this.code = code;
		this.type = type;
		this.fields = List.copyOf(fields);
	}

	final RecordKind code() {
		return this.code;
	}

	/** The fields, in the order of the form. */
	final List<Field> fields() {
		return this.fields;
	}

	final Optional<Field> field(String name) {
		return this.fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	final D cast(RecordDetails details) {
		return this.type.cast(details);
	}

	/** The record's field values, by field name. */
	abstract FieldValues values(D details);

	/**
	 * Details from {@code values}.
	 * @throws InvalidDetails if they would break the kind's invariants
	 */
	abstract D build(FieldValues values);

	/** The name of the event that records a new record of this kind. */
	String recordedEvent() {
		return this.code.code() + ".recorded";
	}

	String revisedEvent() {
		return this.code.code() + ".revised";
	}

	/**
	 * The rules that relate the record to other records and to time, beyond its
	 * invariants; none unless the kind says so.
	 */
	List<FieldProblem> rules(D details, RecordId id, RuleContext context) {
		return List.of();
	}

	/**
	 * A field that applies only when a coded field of the same record holds a code that
	 * calls for it: a fine's amount only with a fine, a term only with a measure of
	 * restraint.
	 *
	 * @param field the field that may not apply
	 * @param on the coded field it depends on
	 * @param holds whether a code of {@code on} calls for {@code field} (never given
	 * null)
	 * @param unchosen whether it applies while {@code on} holds no code yet: a form shows
	 * a court's fields before the kind of proceedings is chosen (most go to court), a
	 * fine's amount only once a fine is
	 */
	record Shown(String field, String on, Predicate<String> holds, boolean unchosen) {

		static Shown when(String field, String on, Predicate<String> holds) {
			return new Shown(field, on, holds, false);
		}

		static <E extends Enum<E> & Coded> Shown when(String field, String on, Class<E> type, Predicate<E> holds) {
			return when(field, on, code -> Coded.of(type, code).map(holds::test).orElse(false));
		}

		Shown evenUnchosen() {
			return new Shown(this.field, this.on, this.holds, true);
		}

	}

	/** The fields that apply only on some codes; every other field always applies. */
	List<Shown> conditions() {
		return List.of();
	}

	/** {@link #conditions()} by field, made once (a kind is a singleton). */
	private Map<String, Shown> shown;

	private Map<String, Shown> shown() {
		if (this.shown == null) {
			Map<String, Shown> byField = new LinkedHashMap<>();
			conditions().forEach(condition -> byField.put(condition.field(), condition));
			this.shown = Map.copyOf(byField);
		}
		return this.shown;
	}

	/**
	 * Whether {@code field} applies to these details; a page leaves out those that do
	 * not.
	 */
	final boolean applies(D details, Field field) {
		return !conditional(field) || applies(values(details)::text, field);
	}

	/** Whether {@code field} applies only on some codes of another field. */
	final boolean conditional(Field field) {
		return shown().containsKey(field.name());
	}

	/** The coded fields whose choice decides whether other fields apply. */
	final Set<String> choosing() {
		Set<String> choosing = new java.util.LinkedHashSet<>();
		shown().values().forEach(shown -> choosing.add(shown.on()));
		return choosing;
	}

	/**
	 * Whether {@code field} applies given the codes {@code chosen} (by field name; null
	 * where none is): a form shows only the fields that apply to what was chosen.
	 */
	final boolean applies(Function<String, String> chosen, Field field) {
		Shown shown = shown().get(field.name());
		if (shown == null) {
			return true;
		}
		String code = chosen.apply(shown.on());
		return (code == null) ? shown.unchosen() : shown.holds().test(code);
	}

	/** The record's title on pages: a name, or a date and what happened. */
	abstract String title(D details, Labels labels);

	/** The day the record's facts happened on (an incident's, an event's), or null. */
	LocalDate date(D details) {
		return null;
	}

	/**
	 * Whether the title shows a sealed field (a person's name): then it is opened for
	 * titles.
	 */
	boolean sealedInTitle() {
		return false;
	}

	/** Whether the list page shows a sealed field: then the page's records are opened. */
	final boolean sealedInList() {
		return sealedInTitle() || columns().stream().anyMatch(ListColumn::sealed);
	}

	/** The columns of the kind's list page after the title. */
	abstract List<ListColumn> columns();

	/** What a record page leads with; nothing unless the kind says so. */
	List<SummaryLine> summary(D details, List<RecordDetails> related, Labels labels, LocalDate today) {
		return List.of();
	}

	/** The kind's facts as a typed table, for lists and statistics. */
	abstract TypedTable table();

	// what shared code does with any kind, through the fields

	/** Every record the details refer to. */
	final List<Link> links(RecordDetails details) {
		FieldValues values = values(cast(details));
		List<Link> links = new ArrayList<>();
		for (Field field : this.fields) {
			if (field.isReference()) {
				for (Object id : values.all(field.name())) {
					Link link = new Link(field.target().code(), (RecordId) id);
					if (!links.contains(link)) {
						links.add(link);
					}
				}
			}
		}
		return links;
	}

	/**
	 * The public part (sealed {@code false}) or the sealed part, as the log stores it.
	 */
	final Map<String, Object> stored(RecordDetails details, boolean sealed) {
		FieldValues values = values(cast(details));
		Map<String, Object> stored = new LinkedHashMap<>();
		for (Field field : this.fields) {
			if (field.sealed() == sealed && values.has(field.name())) {
				Object value = values.get(field.name());
				stored.put(field.stored(), (value instanceof List<?> list)
						? list.stream().map(Object::toString).toList()
						: (value instanceof Boolean) ? value : (value instanceof Number) ? value : value.toString());
			}
		}
		return stored;
	}

	/**
	 * The details the log's parts store. Values the log holds in a shape that cannot be
	 * read (never written by Khronika) are left out.
	 */
	final D fromStored(Map<String, Object> open, Map<String, Object> sealed) {
		FieldValues values = new FieldValues();
		for (Field field : this.fields) {
			Object stored = (field.sealed() ? sealed : open).get(field.stored());
			if (stored != null) {
				values.put(field.name(), decode(field, stored));
			}
		}
		return build(values);
	}

	private static Object decode(Field field, Object stored) {
		if (field.type().isList()) {
			List<Object> items = new ArrayList<>();
			for (Object item : (List<?>) stored) {
				items.add((field.type() == FieldType.REFERENCES) ? field.target().id(UUID.fromString(item.toString()))
						: item.toString());
			}
			return items;
		}
		return switch (field.type()) {
			case NUMBER -> ((Number) stored).intValue();
			case AMOUNT -> ((Number) stored).longValue();
			case FLAG -> Boolean.TRUE.equals(stored);
			case DATE -> LocalDate.parse(stored.toString());
			case REFERENCE -> field.target().id(UUID.fromString(stored.toString()));
			default -> stored.toString();
		};
	}

	/**
	 * The codes in {@code details} that the catalog does not know: vocabulary terms,
	 * regions and law articles.
	 */
	final List<FieldProblem> catalogProblems(RecordDetails details, Catalog catalog) {
		FieldValues values = values(cast(details));
		List<FieldProblem> problems = new ArrayList<>();
		for (Field field : this.fields) {
			List<?> given = values.all(field.name());
			for (int i = 0; i < given.size(); i++) {
				String code = given.get(i).toString();
				switch (field.type()) {
					case TERM -> {
						if (!catalog.vocabulary(field.vocabulary()).contains(code)) {
							problems.add(FieldProblem.of(field.name(), "unknown_term", code));
						}
					}
					case REGION -> {
						if (catalog.findRegion(code).filter(r -> r.code().equals(code)).isEmpty()) {
							problems.add(FieldProblem.of(field.name(), "unknown_region", code));
						}
					}
					case ARTICLES -> {
						if (catalog.article(code).isEmpty()) {
							problems.add(FieldProblem.of(field.name() + "[" + i + "]", "unknown_article", code));
						}
					}
					default -> {
					}
				}
			}
		}
		return problems;
	}

	/**
	 * The constant of {@code type} coded in {@code field}, or null if it has none; an
	 * unknown code is added to {@code problems}.
	 */
	static <E extends Enum<E> & Coded> E coded(Class<E> type, FieldValues values, String field,
			List<FieldProblem> problems) {
		String code = values.text(field);
		if (code == null) {
			return null;
		}
		Optional<E> value = Coded.of(type, code);
		if (value.isEmpty()) {
			problems.add(FieldProblem.of(field, "unknown_term", code));
		}
		return value.orElse(null);
	}

	/**
	 * Builds details with {@code constructor} after reading coded values into
	 * {@code problems}: the constructor's own problems are added to those (one per
	 * field), so a draft is told everything wrong with it at once.
	 */
	static <T extends RecordDetails> T complete(List<FieldProblem> problems,
			java.util.function.Supplier<T> constructor) {
		T details = null;
		try {
			details = constructor.get();
		}
		catch (InvalidDetails ex) {
			java.util.Set<String> told = new java.util.HashSet<>(problems.stream().map(FieldProblem::field).toList());
			ex.problems().stream().filter(p -> told.add(p.field())).forEach(problems::add);
		}
		InvalidDetails.unless(problems);
		return details;
	}

	/** The public fields and their values, for a log line: never a sealed one. */
	final String describe(RecordDetails details) {
		Map<String, Object> open = stored(details, false);
		return details.getClass().getSimpleName() + open + " (sealed fields hidden)";
	}

}
