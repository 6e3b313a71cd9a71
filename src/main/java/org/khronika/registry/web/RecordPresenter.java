package org.khronika.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.LawArticle;
import org.khronika.registry.DatedTitle;
import org.khronika.registry.Field;
import org.khronika.registry.FieldType;
import org.khronika.registry.FieldValues;
import org.khronika.registry.ListColumn;
import org.khronika.registry.RecordDetails;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;

import org.springframework.context.MessageSource;

/**
 * Puts records into one page's words: titles, labelled fields with links, list rows. The
 * kinds say what their titles, columns and summaries are; this says them in the page's
 * language (the catalog's names and the messages as {@link RecordLabels} says them), and
 * knows which other records the reader may see (those the registry returned with the
 * page) and which exist but are hidden from them.
 */
final class RecordPresenter extends RecordLabels {

	/**
	 * A value as shown: its text, where it links to (null: nowhere), and for a date the
	 * ISO day its text writes out (else null).
	 */
	record Value(String text, String href, String datetime) {

		Value(String text, String href) {
			this(text, href, null);
		}

	}

	/** A field as a page shows it. */
	record FieldView(String name, String label, List<Value> values) {
	}

	/**
	 * A row of a list: the record's id and its cells, the title first.
	 *
	 * @param title the title split around the day it shows, if it shows one
	 */
	record Row(String id, String href, List<String> cells, DatedTitle title) {
	}

	/**
	 * A record as a line in a short list tells it apart (the same person recorded also
	 * as, a person who may be recorded already): its title, linked, and what the reader
	 * may see of it beside, as a picker says it ({@link #details}).
	 */
	record Line(String id, String href, String title, String details) {
	}

	Line line(RecordView record) {
		return new Line(record.id().toString(), href(record.id()), title(record), String.join(" · ", details(record)));
	}

	private final Set<RecordId> hidden = new HashSet<>();

	RecordPresenter(Catalog catalog, MessageSource messages, Locale locale) {
		super(catalog, messages, locale, "record.hiddenLink");
	}

	@Override
	public RecordPresenter know(Map<RecordId, RecordView> records) {
		super.know(records);
		return this;
	}

	RecordPresenter know(RecordView record) {
		return know(Map.of(record.id(), record));
	}

	/** Records that exist but the reader may not see: said to exist, never named. */
	RecordPresenter hide(Set<RecordId> records) {
		this.hidden.addAll(records);
		return this;
	}

	@Override
	public String title(RecordView record) {
		String title = record.kind().title(record.details(), this);
		if (!title.isEmpty()) {
			return title;
		}
		String shortId = record.id().toString().substring(0, 8);
		return record.shredded() ? message("record.shreddedTitle", shortId)
				: record.redacted() ? message("record.hiddenTitle", shortId) : shortId;
	}

	/** A field's label: its vocabulary's name for a coded field, else its message. */
	String label(RecordKind kind, String name) {
		return kind.field(name)
			.filter(field -> field.vocabulary() != null)
			.map(field -> catalog().vocabulary(field.vocabulary()).label().in(locale()))
			.orElseGet(() -> message("field." + name));
	}

	/**
	 * The fields that apply to the record, labelled, in the order of its form; sealed
	 * fields marked hidden when {@code redacted}.
	 */
	List<FieldView> fields(RecordKind kind, RecordDetails details, FieldValues values, boolean redacted) {
		List<FieldView> fields = new ArrayList<>();
		for (Field field : kind.fields()) {
			if (!kind.applies(details, field)) {
				continue;
			}
			List<Value> shown = (redacted && field.sealed()) ? List.of(new Value(message("record.hiddenField"), null))
					: values(field, values.all(field.name()));
			fields.add(new FieldView(field.name(), label(kind, field.name()), shown));
		}
		return fields;
	}

	List<FieldView> fields(RecordView record) {
		return fields(record.kind(), record.details(), record.values(), record.redacted());
	}

	private List<Value> values(Field field, List<?> raw) {
		List<Value> values = new ArrayList<>();
		for (Object item : raw) {
			values.add(switch (field.type()) {
				case REFERENCE, REFERENCES -> {
					RecordId id = (RecordId) item;
					yield new Value(title(id), (known(id) != null) ? href(id) : null);
				}
				case TERM -> new Value(term(field.vocabulary(), item.toString()), null);
				case REGION -> new Value(region(item.toString()), null);
				case ARTICLES -> new Value(article(item.toString()), null);
				case FLAG -> new Value(message(Boolean.TRUE.equals(item) ? "field.yes" : "field.no"), null);
				case DATE -> new Value(longDate((LocalDate) item), null, item.toString());
				// thousands grouped as in the reader's language, as the case's summary
				case AMOUNT -> new Value(java.text.NumberFormat.getIntegerInstance(locale()).format(item), null);
				default -> new Value(item.toString(), null);
			});
		}
		if (values.isEmpty() && field.type() == FieldType.FLAG) {
			values.add(new Value(message("field.no"), null));
		}
		return values;
	}

	List<String> columns(RecordKind kind) {
		List<String> columns = new ArrayList<>(List.of(message("kind." + kind.code() + ".one")));
		kind.columns().forEach(column -> columns.add(label(kind, column.name())));
		return columns;
	}

	Row row(RecordView record) {
		String title = title(record);
		List<String> cells = new ArrayList<>(List.of(title));
		for (ListColumn column : record.kind().columns()) {
			cells.add((record.redacted() && column.sealed()) ? message("record.hiddenField")
					: column.cell().apply(record.details(), this));
		}
		return new Row(record.id().toString(), href(record.id()), cells, dated(record, title));
	}

	// Labels

	@Override
	public String title(RecordId id) {
		RecordView target = known(id);
		if (target != null) {
			return title(target);
		}
		return message(this.hidden.contains(id) ? "record.hiddenLink" : "record.unavailable");
	}

	String articleOption(LawArticle article) {
		return article.shortName(locale()) + " — " + article.title().in(locale());
	}

	/** A day as the page shows it; nothing for no day (an empty cell). */
	@Override
	public String date(LocalDate day) {
		return (day == null) ? "" : super.date(day);
	}

	/**
	 * Writes days as ISO dates (2025-03-04), for the files a list exports.
	 * @return this presenter
	 */
	@Override
	public RecordPresenter withIsoDates() {
		super.withIsoDates();
		return this;
	}

	/**
	 * A day as the reader's language writes it out (4 марта 2025 г., March 4, 2025): a
	 * page gives it with its ISO date in a {@code <time>} element.
	 */
	String longDate(LocalDate day) {
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
			.withLocale(locale())
			.format(day);
	}

}
