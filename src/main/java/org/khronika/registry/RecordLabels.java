package org.khronika.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.Moments;

import org.springframework.context.MessageSource;

/**
 * Records in one language, for pages outside the registry's own (statistics, search): a
 * record's title as its kind gives it, a one-line description of title and public list
 * columns, and the names of codes. A record whose title cannot be read (its person hidden
 * from the reader, or shredded) is called by the message {@code hiddenTitle}.
 */
public class RecordLabels implements Labels {

	private final Catalog catalog;

	private final MessageSource messages;

	private final Locale locale;

	private final String hiddenTitle;

	private final Map<RecordId, RecordView> known = new HashMap<>();

	private boolean isoDates;

	public RecordLabels(Catalog catalog, MessageSource messages, Locale locale, String hiddenTitle) {
		this.catalog = catalog;
		this.messages = messages;
		this.locale = locale;
		this.hiddenTitle = hiddenTitle;
	}

	/**
	 * Writes days as ISO dates (2025-03-04), for files, the API and the command line.
	 * @return these labels
	 */
	public RecordLabels withIsoDates() {
		this.isoDates = true;
		return this;
	}

	/**
	 * Lets titles name these records (those a listing returned with its page).
	 * @return these labels
	 */
	public RecordLabels know(Map<RecordId, RecordView> records) {
		this.known.putAll(records);
		return this;
	}

	/** A record titles may name, or null. */
	protected RecordView known(RecordId id) {
		return this.known.get(id);
	}

	/** The record's title, or the hidden title if it cannot be read. */
	public String title(RecordView record) {
		String title = record.kind().title(record.details(), this);
		return title.isEmpty() ? message(this.hiddenTitle) : title;
	}

	/** A line for a record: its title and its public list columns, as beside a title. */
	public String describe(RecordView record) {
		List<String> parts = new ArrayList<>(List.of(title(record)));
		record.kind()
			.columns()
			.stream()
			.filter(column -> !column.sealed())
			.map(column -> column.aside().apply(record.details(), this))
			.filter(cell -> !cell.isBlank())
			.forEach(parts::add);
		return String.join(" · ", parts);
	}

	/**
	 * The record's list columns the reader may see, as a line beside its title says each
	 * ({@link ListColumn#aside}): no bare "no" or "25", and empty ones left out.
	 */
	public List<String> details(RecordView record) {
		List<String> cells = new ArrayList<>();
		for (ListColumn column : record.kind().columns()) {
			if (record.redacted() && column.sealed()) {
				continue;
			}
			String cell = column.aside().apply(record.details(), this);
			if (!cell.isBlank()) {
				cells.add(cell);
			}
		}
		return cells;
	}

	/**
	 * A record as a picker offers it: enough to tell namesakes apart (its list columns
	 * the reader may see, for a person the case against them, from {@code mentioning})
	 * and the day it was recorded.
	 */
	public String candidate(RecordView record, Map<PersonId, List<RecordView>> mentioning) {
		List<String> parts = new ArrayList<>(List.of(title(record)));
		parts.addAll(details(record));
		if (record.id() instanceof PersonId person) {
			mentioning.getOrDefault(person, List.of())
				.stream()
				.filter(r -> r.kind() == RecordKind.CASE)
				.findFirst()
				.ifPresent(c -> parts.add(message("kind.case.one") + ": " + caseLine(c)));
		}
		parts.add(message("picker.created", date(LocalDate.ofInstant(record.createdAt(), ZoneOffset.UTC))));
		return String.join(" · ", parts);
	}

	/** A case in a few words: its articles and the year it was opened. */
	private String caseLine(RecordView courtCase) {
		List<String> parts = new ArrayList<>();
		courtCase.values().all("charges").forEach(code -> parts.add(article(code.toString())));
		LocalDate opened = courtCase.kind().date(courtCase.details());
		if (opened != null) {
			parts.add(String.valueOf(opened.getYear()));
		}
		return parts.isEmpty() ? courtCase.id().toString().substring(0, 8) : String.join(", ", parts);
	}

	/** The page of a record. */
	public static String href(RecordId id) {
		return "/" + id.kind().plural() + "/" + id;
	}

	@Override
	public String title(RecordId id) {
		RecordView record = known(id);
		return (record != null && !record.redacted() && !record.shredded()) ? title(record) : message(this.hiddenTitle);
	}

	@Override
	public String term(String vocabulary, String code) {
		return (code == null) ? "" : this.catalog.valueLabel(vocabulary, code).map(l -> l.in(this.locale)).orElse(code);
	}

	@Override
	public String region(String code) {
		return term("regions", code);
	}

	@Override
	public String article(String code) {
		return term("law-articles", code);
	}

	@Override
	public String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, this.locale);
	}

	@Override
	public String date(LocalDate day) {
		if (day == null) {
			return "—";
		}
		return this.isoDates ? day.toString() : new Moments(this.locale).day(day);
	}

	protected Catalog catalog() {
		return this.catalog;
	}

	/** The language these labels speak. */
	public Locale locale() {
		return this.locale;
	}

}
