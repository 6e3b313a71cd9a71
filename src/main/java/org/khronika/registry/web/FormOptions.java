package org.khronika.registry.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Listing;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

/**
 * The choices a form offers: catalog vocabularies in the page's language, and records to
 * link.
 */
final class FormOptions {

	record Option(String value, String label) {
	}

	private final Registry registry;

	private final Actor actor;

	private final Catalog catalog;

	private final RecordPresenter presenter;

	private final Locale locale;

	FormOptions(Registry registry, Actor actor, Catalog catalog, RecordPresenter presenter, Locale locale) {
		this.registry = registry;
		this.actor = actor;
		this.catalog = catalog;
		this.presenter = presenter;
		this.locale = locale;
	}

	Map<String, List<Option>> forKind(RecordKind kind) {
		Map<String, List<Option>> options = new HashMap<>();
		options.put("regions",
				this.catalog.regions().stream().map(r -> new Option(r.code(), r.label().in(this.locale))).toList());
		options.put("sources", records(RecordKind.SOURCE));
		switch (kind) {
			case INCIDENT -> {
				options.put("incidentTypes", vocabulary(Catalog.INCIDENT_TYPES));
				options.put("agreements", vocabulary(Catalog.AGREEMENT_STATUSES));
				options.put("persons", records(RecordKind.PERSON));
			}
			case CASE -> {
				options.put("persons", records(RecordKind.PERSON));
				options.put("caseKinds", vocabulary(Catalog.CASE_KINDS));
				options.put("articles",
						this.catalog.articles()
							.stream()
							.map(a -> new Option(a.code(), this.presenter.articleOption(a)))
							.toList());
				options.put("triggers", vocabulary(Catalog.TRIGGERS));
				options.put("informants", vocabulary(Catalog.INFORMANT_RELATIONSHIPS));
				options.put("caseStatuses", vocabulary(Catalog.CASE_STATUSES));
				options.put("outcomes", vocabulary(Catalog.OUTCOMES));
			}
			case CASE_EVENT -> {
				options.put("cases", records(RecordKind.CASE));
				options.put("caseEventTypes", vocabulary(Catalog.CASE_EVENT_TYPES));
				options.put("measures", vocabulary(Catalog.MEASURES_OF_RESTRAINT));
			}
			case SOURCE -> options.put("sourceKinds", vocabulary(Catalog.SOURCE_KINDS));
			case PERSON -> {
			}
		}
		return options;
	}

	private List<Option> vocabulary(String name) {
		return this.catalog.vocabulary(name)
			.terms()
			.stream()
			.map(t -> new Option(t.code(), t.label().in(this.locale)))
			.toList();
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
