package org.khronika.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The kinds of record the registry keeps. {@link #code()} is stable: it is stored in read
 * tables.
 */
public enum RecordKind {

	PERSON("person", "persons", PersonId::new), INCIDENT("incident", "incidents", IncidentId::new),
	CASE("case", "cases", CaseId::new), CASE_EVENT("case-event", "case-events", CaseEventId::new),
	SOURCE("source", "sources", SourceId::new);

	private final String code;

	private final String plural;

	private final Function<UUID, RecordId> idFactory;

	RecordKind(String code, String plural, Function<UUID, RecordId> idFactory) {
		this.code = code;
		this.plural = plural;
		this.idFactory = idFactory;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The path segment of this kind's pages and API: {@code persons},
	 * {@code case-events}, …
	 */
	public String plural() {
		return this.plural;
	}

	/** A typed id of this kind for {@code value}. */
	public RecordId id(UUID value) {
		return this.idFactory.apply(value);
	}

	/**
	 * Whether two records of this kind can be linked as one: a person or an incident
	 * reported twice.
	 */
	public boolean linkable() {
		return this == PERSON || this == INCIDENT;
	}

	public RecordId newId() {
		return id(UUID.randomUUID());
	}

	/**
	 * The fields of this kind, in the order of its form: what forms, the API and import
	 * profiles fill.
	 */
	public List<Field> fields() {
		return Kinds.of(this).fields();
	}

	/**
	 * The day a record's facts happened on (an incident's, an event's, a case's opening),
	 * or null.
	 */
	public java.time.LocalDate date(RecordDetails details) {
		return Kinds.of(details).date(details);
	}

	/** The field values of {@code details} (a record of this kind), by field name. */
	public FieldValues values(RecordDetails details) {
		return Kinds.of(details).values(details);
	}

	/** The field with this name, or empty. */
	public Optional<Field> field(String name) {
		return Kinds.of(this).field(name);
	}

	// the kind's page model, for the pages

	/**
	 * A record's title in the page's words: a name, or a date and what happened. Empty
	 * for a person whose names cannot be read (shredded, or hidden from the reader).
	 */
	public String title(RecordDetails details, Labels labels) {
		return Kinds.of(details).title(details, labels);
	}

	/**
	 * Whether {@code field} applies to {@code details}; a page leaves out those that do
	 * not.
	 */
	public boolean applies(RecordDetails details, Field field) {
		return Kinds.of(details).applies(details, field);
	}

	/**
	 * Whether {@code field} applies given the codes {@code chosen} in the coded fields
	 * (by field name, null where none is): a form shows the fields that apply to what was
	 * chosen.
	 */
	public boolean applies(java.util.function.Function<String, String> chosen, Field field) {
		return Kinds.of(this).applies(chosen, field);
	}

	/** Whether {@code field} applies only on some codes of another field. */
	public boolean conditional(Field field) {
		return Kinds.of(this).conditional(field);
	}

	/** The coded fields whose choice decides whether other fields apply. */
	public Set<String> choosing() {
		return Kinds.of(this).choosing();
	}

	/** The columns of this kind's list page after the title. */
	public List<ListColumn> columns() {
		return Kinds.of(this).columns();
	}

	/**
	 * What a page about {@code details} leads with, given the records that refer to it;
	 * empty for kinds that have nothing to sum up.
	 */
	public List<SummaryLine> summary(RecordDetails details, List<RecordDetails> related, Labels labels,
			java.time.LocalDate today) {
		return Kinds.of(details).summary(details, related, labels, today);
	}

	/** What lists of this kind can be filtered by. */
	public Set<ListQuery.Filter> filters() {
		Set<ListQuery.Filter> filters = java.util.EnumSet.noneOf(ListQuery.Filter.class);
		Kinds.of(this).table().columns().stream().filter(c -> c.filter() != null).forEach(c -> filters.add(c.filter()));
		return filters;
	}

	/**
	 * The field each filter's values are codes of (a region, an incident type, a case's
	 * status), for the list page's choices.
	 */
	public Optional<Field> filterField(ListQuery.Filter filter) {
		return Kinds.of(this).table().column(filter).flatMap(column -> field(column.field()));
	}

	/**
	 * Whether records of this kind have a date of their own, which lists sort and limit
	 * by; otherwise lists use when the record was made.
	 */
	public boolean dated() {
		return Kinds.of(this).table().date() != null;
	}

	public static RecordKind ofCode(String code) {
		return Arrays.stream(values())
			.filter(k -> k.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no record kind " + code));
	}

	public static Optional<RecordKind> ofPlural(String plural) {
		return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
	}

}
