package org.khronika.registry.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.LawArticle;
import org.khronika.catalog.Term;
import org.khronika.registry.CaseDetails;
import org.khronika.registry.CaseEventDetails;
import org.khronika.registry.IncidentDetails;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.RecordDetails;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordInput;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.SourceDetails;

import org.springframework.context.MessageSource;

/** Turns records into what pages show: titles, labelled fields with links, list rows. */
final class RecordPresenter {

	/** Which vocabulary each coded field takes its labels from, per kind. */
	private static final Map<RecordKind, Map<String, String>> VOCABULARIES = Map.of(RecordKind.PERSON, Map.of(),
			RecordKind.INCIDENT, Map.of("type", Catalog.INCIDENT_TYPES, "agreement", Catalog.AGREEMENT_STATUSES),
			RecordKind.CASE,
			Map.of("kind", Catalog.CASE_KINDS, "trigger", Catalog.TRIGGERS, "informant",
					Catalog.INFORMANT_RELATIONSHIPS, "status", Catalog.CASE_STATUSES, "outcome", Catalog.OUTCOMES),
			RecordKind.CASE_EVENT, Map.of("type", Catalog.CASE_EVENT_TYPES, "measure", Catalog.MEASURES_OF_RESTRAINT),
			RecordKind.SOURCE, Map.of("kind", Catalog.SOURCE_KINDS));

	/** Fields that refer to other records, and the kind they refer to. */
	private static final Map<String, RecordKind> REFERENCES = Map.of("person", RecordKind.PERSON, "persons",
			RecordKind.PERSON, "caseId", RecordKind.CASE, "sources", RecordKind.SOURCE);

	/** Records this page may show titles of: what the registry returned with the page. */
	private final Map<RecordId, RecordView> known = new java.util.HashMap<>();

	private final Catalog catalog;

	private final MessageSource messages;

	private final Locale locale;

	RecordPresenter(Catalog catalog, MessageSource messages, Locale locale) {
		this.catalog = catalog;
		this.messages = messages;
		this.locale = locale;
	}

	record Value(String text, String href) {
	}

	record FieldView(String name, String label, List<Value> values) {
	}

	record Row(String id, List<String> cells) {
	}

	/** Lets titles name these records (and their references). */
	RecordPresenter know(Map<RecordId, RecordView> records) {
		this.known.putAll(records);
		return this;
	}

	RecordPresenter know(RecordView record) {
		this.known.put(record.id(), record);
		return this;
	}

	String title(RecordView record) {
		if (record.redacted() && record.details() instanceof PersonDetails) {
			return message("record.hiddenTitle", record.id().toString().substring(0, 8));
		}
		return title(record.id(), record.details(), record.shredded());
	}

	String title(RecordId id, RecordDetails details, boolean shredded) {
		if (details instanceof PersonDetails person) {
			return (shredded || person.names().isEmpty())
					? message("record.shreddedTitle", id.toString().substring(0, 8)) : person.displayName();
		}
		if (details instanceof IncidentDetails incident) {
			return incident.date() + " · " + term(Catalog.INCIDENT_TYPES, incident.type()) + " · "
					+ region(incident.region());
		}
		if (details instanceof CaseDetails courtCase) {
			String charges = courtCase.charges().stream().map(this::article).reduce((a, b) -> a + ", " + b).orElse("");
			return referenceTitle(courtCase.person()) + " — " + term(Catalog.CASE_KINDS, courtCase.caseKind())
					+ (charges.isEmpty() ? "" : " (" + charges + ")");
		}
		if (details instanceof CaseEventDetails event) {
			return term(Catalog.CASE_EVENT_TYPES, event.type()) + " · " + event.date();
		}
		if (details instanceof SourceDetails source) {
			return term(Catalog.SOURCE_KINDS, source.sourceKind()) + " · " + source.reliability();
		}
		throw new IllegalArgumentException("no title for " + details.getClass().getSimpleName());
	}

	/**
	 * Every field of the record, labelled, in the order of its input form; sealed fields
	 * marked hidden when {@code redacted}.
	 */
	List<FieldView> fields(RecordKind kind, RecordDetails details, boolean redacted) {
		RecordInput input = RecordInput.of(details);
		List<FieldView> fields = new ArrayList<>();
		for (RecordComponent component : input.getClass().getRecordComponents()) {
			String name = component.getName();
			List<Value> values = (redacted && RecordInput.sealedNames(kind).contains(name))
					? List.of(new Value(message("record.hiddenField"), null))
					: values(kind, name, read(component, input));
			fields.add(new FieldView(name, message("field." + name), values));
		}
		return fields;
	}

	private List<Value> values(RecordKind kind, String name, Object raw) {
		List<Value> values = new ArrayList<>();
		List<?> items = (raw instanceof List<?> list) ? list : (raw == null) ? List.of() : List.of(raw);
		for (Object item : items) {
			String text = item.toString();
			if (REFERENCES.containsKey(name)) {
				RecordKind target = REFERENCES.get(name);
				values.add(new Value(referenceTitle(target.id(UUID.fromString(text))), referenceHref(target, text)));
			}
			else if (VOCABULARIES.get(kind).containsKey(name)) {
				values.add(new Value(term(VOCABULARIES.get(kind).get(name), text), null));
			}
			else if ("region".equals(name)) {
				values.add(new Value(region(text), null));
			}
			else if ("charges".equals(name)) {
				values.add(new Value(article(text), null));
			}
			else if (item instanceof Boolean flag) {
				values.add(new Value(message(flag ? "field.yes" : "field.no"), null));
			}
			else {
				values.add(new Value(text, null));
			}
		}
		return values;
	}

	List<String> columns(RecordKind kind) {
		return switch (kind) {
			case PERSON -> List.of("field.names", "field.birthYear", "field.region", "field.mayBeNamed");
			case INCIDENT -> List.of("kind.incident.one", "field.detained", "field.topic");
			case CASE -> List.of("kind.case.one", "field.trigger", "field.status");
			case CASE_EVENT -> List.of("kind.case-event.one", "field.caseId", "field.court");
			case SOURCE -> List.of("kind.source.one", "field.reference");
		};
	}

	Row row(RecordView record) {
		String title = title(record);
		RecordDetails details = record.details();
		List<String> cells = new ArrayList<>();
		cells.add(title);
		if (details instanceof PersonDetails person) {
			cells.add(record.redacted() ? message("record.hiddenField") : text(person.birthYear()));
			cells.add(region(person.region()));
			cells.add(message(person.mayBeNamed() ? "field.yes" : "field.no"));
		}
		else if (details instanceof IncidentDetails incident) {
			cells.add(text(incident.detained()));
			cells.add(text(incident.topic()));
		}
		else if (details instanceof CaseDetails courtCase) {
			String trigger = term(Catalog.TRIGGERS, courtCase.trigger());
			cells.add((courtCase.informant() != null)
					? trigger + " (" + term(Catalog.INFORMANT_RELATIONSHIPS, courtCase.informant()) + ")" : trigger);
			cells.add(term(Catalog.CASE_STATUSES, courtCase.status()));
		}
		else if (details instanceof CaseEventDetails event) {
			cells.add(referenceTitle(event.caseId()));
			cells.add(text(event.court()));
		}
		else if (details instanceof SourceDetails source) {
			cells.add(record.redacted() ? message("record.hiddenField") : text(source.reference()));
		}
		return new Row(record.id().toString(), cells);
	}

	/**
	 * The title of a referenced record, or "not available" if this reader cannot see it.
	 */
	String referenceTitle(RecordId id) {
		RecordView target = this.known.get(id);
		return (target != null) ? title(target) : message("record.unavailable");
	}

	/** The link to a referenced record, or null if this reader cannot see it. */
	String referenceHref(RecordKind kind, String id) {
		return this.known.containsKey(kind.id(UUID.fromString(id))) ? "/" + kind.plural() + "/" + id : null;
	}

	String term(String vocabulary, String code) {
		if (code == null) {
			return "";
		}
		return this.catalog.vocabulary(vocabulary).term(code).map(Term::label).map(l -> l.in(this.locale)).orElse(code);
	}

	String region(String code) {
		return (code == null) ? "" : this.catalog.findRegion(code).map(r -> r.label().in(this.locale)).orElse(code);
	}

	String article(String code) {
		return this.catalog.article(code).map(a -> a.shortName(this.locale)).orElse(code);
	}

	String articleOption(LawArticle article) {
		return article.shortName(this.locale) + " — " + article.title().in(this.locale);
	}

	String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, this.locale);
	}

	private static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

	private static Object read(RecordComponent component, RecordInput input) {
		try {
			return component.getAccessor().invoke(input);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
