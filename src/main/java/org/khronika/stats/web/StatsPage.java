package org.khronika.stats.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Dimension;
import org.khronika.catalog.Metric;
import org.khronika.registry.Listing;
import org.khronika.registry.Page;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.stats.Statistics;
import org.khronika.stats.StatsException;
import org.khronika.stats.StatsFormat;
import org.khronika.stats.StatsQuery;
import org.khronika.stats.StatsResult;
import org.khronika.stats.StatsResult.Figure;
import org.khronika.stats.StatsResult.Row;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The statistics page: a form for the question, the measure's definition beside the
 * figures, a chart drawn on the server, the table with each figure linking to the records
 * behind it, and the same figures as CSV.
 */
@Controller
class StatsPage {

	private static final int RECORDS_PAGE = 50;

	private final Statistics statistics;

	private final Registry registry;

	private final MessageSource messages;

	StatsPage(Statistics statistics, Registry registry, MessageSource messages) {
		this.statistics = statistics;
		this.registry = registry;
		this.messages = messages;
	}

	/** A table cell: its text and the link to the records behind it, if any. */
	record Cell(String text, String href) {
	}

	/**
	 * The question as the form and the links state it: one or two dimensions ({@code by},
	 * {@code by2}), dates, filters as {@code field=value}.
	 */
	record Form(String measure, String by, String by2, String from, String to, List<String> where) {

		StatsQuery query() {
			String dimensions = (this.by2 == null || this.by2.isBlank()) ? this.by
					: ((this.by == null || this.by.isBlank()) ? this.by2 : this.by + "," + this.by2);
			return StatsQuery.parse((this.measure != null) ? this.measure : "incidents", dimensions, this.from, this.to,
					this.where);
		}

	}

	@GetMapping("/stats")
	String page(Form form, Actor actor, Model model, Locale locale, HttpServletResponse response) {
		Catalog catalog = this.statistics.catalog();
		model.addAttribute("metrics", catalog.metrics());
		model.addAttribute("dimensions", catalog.dimensions());
		model.addAttribute("measure", (form.measure() != null) ? form.measure() : "incidents");
		model.addAttribute("by", form.by());
		model.addAttribute("by2", form.by2());
		model.addAttribute("from", form.from());
		model.addAttribute("to", form.to());
		List<String> filters = new ArrayList<>(
				(form.where() != null) ? form.where().stream().filter(w -> !w.isBlank()).toList() : List.of());
		filters.add("");
		model.addAttribute("filters", filters);
		model.addAttribute("locale", locale);
		StatsResult result;
		try {
			result = this.statistics.compute(actor, form.query());
		}
		catch (StatsException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
			return "stats/page";
		}
		Labels labels = new Labels(catalog, locale);
		model.addAttribute("result", result);
		model.addAttribute("metricLabel", result.metric().label().in(locale));
		model.addAttribute("definition", result.metric().definition().in(locale));
		model.addAttribute("header", header(result, locale));
		model.addAttribute("rows", rows(result, labels, locale));
		model.addAttribute("total", figureCells(result, result.total(), List.of(), locale));
		model.addAttribute("csvHref", link("/stats.csv", result.query(), null));
		model.addAttribute("chart", chart(result, labels, locale));
		return "stats/page";
	}

	@GetMapping("/stats.csv")
	void csv(Form form, Actor actor, HttpServletResponse response) throws java.io.IOException {
		StatsResult result;
		try {
			result = this.statistics.compute(actor, form.query());
		}
		catch (StatsException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().println(ex.getMessage());
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"khronika-" + result.metric().code() + ".csv\"");
		StringBuilder csv = new StringBuilder();
		StatsFormat.csv(result, csv);
		response.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/stats/records")
	String records(Form form, @RequestParam(name = "value", required = false) List<String> values,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model, Locale locale,
			HttpServletResponse response) {
		StatsQuery query;
		List<RecordId> ids;
		List<String> group = (values != null) ? values : List.of();
		try {
			query = form.query();
			ids = this.statistics.records(actor, query, group);
		}
		catch (StatsException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
			return "stats/records";
		}
		Catalog catalog = this.statistics.catalog();
		Labels labels = new Labels(catalog, locale);
		// the question was checked by records(): its measure and dimensions exist
		Metric metric = catalog.metric(query.measure()).orElseThrow();
		RecordKind kind = "incidents".equals(metric.counts()) ? RecordKind.INCIDENT : RecordKind.CASE;
		Listing listing = this.registry.selection(actor, kind, ids, page, RECORDS_PAGE);
		Page<RecordView> records = listing.page();
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < group.size(); i++) {
			Dimension dimension = catalog.dimension(query.by().get(i)).orElseThrow();
			conditions.add(dimension.label().in(locale) + ": " + labels.value(dimension, emptyToNull(group.get(i))));
		}
		model.addAttribute("metricLabel", metric.label().in(locale));
		model.addAttribute("definition", metric.definition().in(locale));
		model.addAttribute("conditions", conditions);
		model.addAttribute("query", query);
		model.addAttribute("records", records);
		model.addAttribute("items",
				records.items().stream().map(r -> new Cell(labels.describe(r, listing), href(r))).toList());
		model.addAttribute("backHref", link("/stats", query, null));
		String base = link("/stats/records", query, group);
		model.addAttribute("previousHref", (page > 0) ? base + "&page=" + (page - 1) : null);
		model.addAttribute("nextHref",
				((long) (page + 1) * RECORDS_PAGE < ids.size()) ? base + "&page=" + (page + 1) : null);
		return "stats/records";
	}

	private List<String> header(StatsResult result, Locale locale) {
		List<String> header = new ArrayList<>(result.dimensions().stream().map(d -> d.label().in(locale)).toList());
		header.add(result.metric().label().in(locale));
		if (result.metric().amount() != null) {
			header.add(message("stats.amount", locale));
		}
		if (result.isShare()) {
			header.add(message("stats.numerator", locale));
			header.add(message("stats.denominator", locale));
		}
		else {
			header.add(message("stats.shareOfTotal", locale));
		}
		return header;
	}

	private List<List<Cell>> rows(StatsResult result, Labels labels, Locale locale) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Row row : result.rows()) {
			List<Cell> cells = new ArrayList<>();
			for (int i = 0; i < row.values().size(); i++) {
				cells.add(new Cell(labels.value(result.dimensions().get(i), row.values().get(i)), null));
			}
			cells.addAll(figureCells(result, row.figure(), row.values(), locale));
			rows.add(cells);
		}
		return rows;
	}

	/** The figure (linked to its records), and what goes beside it. */
	private List<Cell> figureCells(StatsResult result, Figure figure, List<String> values, Locale locale) {
		String href = link("/stats/records", result.query(), values);
		List<Cell> cells = new ArrayList<>();
		if (result.isShare()) {
			cells.add(new Cell(percent(figure.rate(), locale), href));
		}
		else {
			cells.add(new Cell(number(figure.value(), locale), href));
		}
		if (result.metric().amount() != null) {
			cells.add(new Cell(number(figure.amount(), locale) + " ₽", null));
		}
		if (result.isShare()) {
			cells.add(new Cell(number(figure.numerator(), locale), null));
			cells.add(new Cell(number(figure.denominator(), locale), null));
		}
		else {
			long total = result.total().value();
			cells.add(new Cell(percent((total > 0) ? (double) figure.value() / total : null, locale), null));
		}
		return cells;
	}

	private String chart(StatsResult result, Labels labels, Locale locale) {
		if (result.rows().isEmpty()) {
			return null;
		}
		// one bar per value of the first dimension, one segment per row (per value of the
		// second)
		Map<String, List<SvgChart.Segment>> segments = new LinkedHashMap<>();
		Map<String, String> labelOf = new LinkedHashMap<>();
		Map<String, String> shownOf = new LinkedHashMap<>();
		boolean single = result.dimensions().size() == 1;
		for (Row row : result.rows()) {
			String first = String.valueOf(row.values().get(0));
			labelOf.putIfAbsent(first, labels.value(result.dimensions().get(0), row.values().get(0)));
			String series = (row.values().size() > 1) ? labels.value(result.dimensions().get(1), row.values().get(1))
					: null;
			double value = result.isShare() ? ((row.figure().rate() != null) ? row.figure().rate() * 100 : 0)
					: row.figure().value();
			segments.computeIfAbsent(first, k -> new ArrayList<>())
				.add(new SvgChart.Segment(series, value, link("/stats/records", result.query(), row.values())));
			if (single) {
				shownOf.put(first,
						result.isShare() ? percent(row.figure().rate(), locale) : number(row.figure().value(), locale));
			}
		}
		// a split bar shows its sum (a sum of shares means nothing, so none)
		List<SvgChart.Bar> drawn = new ArrayList<>();
		segments.forEach((first, parts) -> {
			SvgChart.Bar bar = new SvgChart.Bar(labelOf.get(first), "", parts);
			String shown = single ? shownOf.get(first)
					: (result.isShare() ? "" : number(Math.round(bar.total()), locale));
			drawn.add(new SvgChart.Bar(bar.label(), shown, parts));
		});
		return SvgChart.draw(result.metric().label().in(locale), drawn, message("stats.other", locale));
	}

	/** The page's own address for this question (and group), for links. */
	static String link(String path, StatsQuery query, List<String> values) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("measure", query.measure());
		if (!query.by().isEmpty()) {
			uri.queryParam("by", query.by().get(0));
		}
		if (query.by().size() > 1) {
			uri.queryParam("by2", query.by().get(1));
		}
		if (query.from() != null) {
			uri.queryParam("from", query.from());
		}
		if (query.to() != null) {
			uri.queryParam("to", query.to());
		}
		query.whereStrings().forEach(w -> uri.queryParam("where", w));
		if (values != null) {
			values.forEach(v -> uri.queryParam("value", (v != null) ? v : ""));
		}
		return uri.encode().build().toUriString();
	}

	private static String href(RecordView record) {
		return "/" + record.id().kind().plural() + "/" + record.id();
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String number(long value, Locale locale) {
		return java.text.NumberFormat.getIntegerInstance(locale).format(value);
	}

	private static String percent(Double rate, Locale locale) {
		if (rate == null) {
			return "—";
		}
		java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(1);
		return format.format(rate);
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

	/**
	 * Names of dimension values and one-line descriptions of records, in one language.
	 */
	private final class Labels {

		private final Catalog catalog;

		private final Locale locale;

		Labels(Catalog catalog, Locale locale) {
			this.catalog = catalog;
			this.locale = locale;
		}

		String value(Dimension dimension, String code) {
			if (code == null) {
				return message("stats.notStated", this.locale);
			}
			return this.catalog.valueLabel(dimension.values(), code).map(l -> l.in(this.locale)).orElse(code);
		}

		/** A line for an incident or a case (statistics count nothing else). */
		String describe(RecordView record, Listing listing) {
			List<String> parts = new ArrayList<>();
			if (record.details() instanceof org.khronika.registry.IncidentDetails incident) {
				parts.add(String.valueOf(incident.date()));
				parts.add(term("incident-types", incident.type()));
				parts.add(this.catalog.valueLabel("regions", incident.region())
					.map(l -> l.in(this.locale))
					.orElse(String.valueOf(incident.region())));
				if (incident.detained() != null) {
					parts.add(StatsPage.this.messages.getMessage("stats.detainedCount",
							new Object[] { incident.detained() }, this.locale));
				}
			}
			else if (record.details() instanceof org.khronika.registry.CaseDetails courtCase) {
				parts.add(person(listing.referenced().get(courtCase.person())));
				parts.add((courtCase.opened() != null) ? courtCase.opened().toString() : "—");
				parts.add(term("case-kinds", courtCase.caseKind()));
				courtCase.charges()
					.forEach(code -> parts
						.add(this.catalog.valueLabel("law-articles", code).map(l -> l.in(this.locale)).orElse(code)));
				if (courtCase.outcome() != null) {
					parts.add(term("outcomes", courtCase.outcome()));
				}
			}
			else {
				parts.add(String.valueOf(record.details().publicFields()));
			}
			return String.join(" · ", parts);
		}

		/** The person's first name spelling, where the reader may see it. */
		private String person(RecordView person) {
			if (person == null || person.redacted() || person.shredded()
					|| !(person.details() instanceof org.khronika.registry.PersonDetails details)
					|| details.displayName().isEmpty()) {
				return message("stats.personHidden", this.locale);
			}
			return details.displayName();
		}

		private String term(String vocabulary, String code) {
			return this.catalog.valueLabel(vocabulary, code).map(l -> l.in(this.locale)).orElse(String.valueOf(code));
		}

	}

	/**
	 * Shows the statistics link to the roles that may read statistics, as the policy
	 * says.
	 */
	@ControllerAdvice
	static class Navigation {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@ModelAttribute("mayReadStatistics")
		boolean mayReadStatistics() {
			return Sessions.currentActor()
				.map(actor -> this.policy.may(actor, Capability.READ_STATISTICS).isGranted())
				.orElse(false);
		}

	}

}
