package org.khronika.stats.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.khronika.registry.Facts;
import org.khronika.registry.Listing;
import org.khronika.registry.Page;
import org.khronika.registry.RecordLabels;
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
import org.khronika.stats.Tabulation;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	/** A record behind a figure: its page, and its line split around the day it shows. */
	record Item(String href, org.khronika.registry.DatedTitle title) {
	}

	/**
	 * The question as the form and the links state it: one or two dimensions ({@code by},
	 * {@code by2}), dates, filters as {@code field=value}.
	 */
	record Form(String measure, String by, String by2, String from, String to, List<String> where, String asOf) {

		StatsQuery query() {
			String dimensions = (this.by2 == null || this.by2.isBlank()) ? this.by
					: ((this.by == null || this.by.isBlank()) ? this.by2 : this.by + "," + this.by2);
			return StatsQuery.parse((this.measure != null) ? this.measure : "incidents", dimensions, this.from, this.to,
					this.where, this.asOf);
		}

	}

	@GetMapping("/stats")
	String page(Form form, Actor actor, Model model, Locale locale, HttpServletResponse response) {
		Catalog catalog = this.statistics.catalog();
		model.addAttribute("metrics", metricGroups(catalog, locale));
		model.addAttribute("dimensions", dimensionGroups(catalog, locale));
		model.addAttribute("measure", (form.measure() != null) ? form.measure() : "incidents");
		model.addAttribute("by", form.by());
		model.addAttribute("by2", form.by2());
		model.addAttribute("from", form.from());
		model.addAttribute("to", form.to());
		model.addAttribute("asOf", form.asOf());
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
			model.addAttribute("problem", say(ex, locale));
			return "stats/page";
		}
		Labels labels = new Labels(catalog, locale);
		Tabulation table = Tabulation.of(result);
		model.addAttribute("result", result);
		model.addAttribute("metricLabel", result.metric().label().in(locale));
		model.addAttribute("definition", result.metric().definition().in(locale));
		// a figure of persons (incidents) may change when open proposals that two records
		// are one person (incident) are decided
		RecordKind linked = (result.metric().aggregate() == org.khronika.catalog.Metric.Aggregate.DISTINCT_PERSONS)
				? RecordKind.PERSON : (result.metric().counts() == org.khronika.catalog.Metric.Counted.INCIDENTS)
						? RecordKind.INCIDENT : null;
		model.addAttribute("openProposals", (linked != null) ? this.registry.openLinkProposalCount(linked) : 0L);
		model.addAttribute("proposalsOf", (linked != null) ? linked.code() : "");
		model.addAttribute("header", header(result, locale));
		List<List<Cell>> rows = new ArrayList<>();
		for (Tabulation.Line line : table.lines()) {
			if (!line.total()) {
				rows.add(cells(result, line, labels, locale));
			}
		}
		model.addAttribute("rows", rows);
		Tabulation.Line total = table.lines().get(table.lines().size() - 1);
		model.addAttribute("total", figureCells(result, total, locale));
		model.addAttribute("csvHref", link("/stats.csv", result.query(), null));
		model.addAttribute("chart", chart(result, labels, locale));
		return "stats/page";
	}

	@GetMapping("/stats.csv")
	void csv(Form form, Actor actor, HttpServletResponse response, Locale locale) throws java.io.IOException {
		StatsResult result;
		try {
			result = this.statistics.compute(actor, form.query());
		}
		catch (StatsException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().println(say(ex, locale));
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(result.query()) + "\"");
		StringBuilder csv = new StringBuilder();
		StatsFormat.csv(result, csv);
		response.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A figure's file named for what it counts, so that a file narrowed to one region is
	 * not quoted as the whole: {@code khronika-cases-by-region-where-region-moscow.csv}.
	 */
	static String fileName(StatsQuery query) {
		StringBuilder name = new StringBuilder("khronika-").append(query.measure());
		if (!query.by().isEmpty()) {
			name.append("-by-").append(String.join("-and-", query.by()));
		}
		if (query.from() != null) {
			name.append("-from-").append(query.from());
		}
		if (query.to() != null) {
			name.append("-to-").append(query.to());
		}
		query.where()
			.forEach((field, values) -> name.append("-where-")
				.append(field)
				.append('-')
				.append(String.join("-or-", values.stream().map(v -> v.isEmpty() ? "none" : v).toList())));
		if (query.asOf() != null) {
			name.append("-as-of-").append(query.asOf());
		}
		String safe = name.toString().replaceAll("[^A-Za-z0-9.-]+", "_");
		return safe.substring(0, Math.min(safe.length(), 200)) + ".csv";
	}

	@GetMapping("/stats/records")
	String records(Form form, @RequestParam(name = "value", required = false) List<String> values,
			@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "false") boolean lapsed,
			Actor actor, Model model, Locale locale, HttpServletResponse response) {
		StatsQuery query;
		List<RecordId> ids;
		List<String> group = (values != null) ? values : List.of();
		int pageNumber;
		try {
			pageNumber = page(page);
			query = form.query();
			ids = this.statistics.records(actor, query, group, lapsed);
		}
		catch (StatsException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", say(ex, locale));
			return "stats/records";
		}
		Catalog catalog = this.statistics.catalog();
		Labels labels = new Labels(catalog, locale);
		// the question was checked by records(): its measure and dimensions exist
		Metric metric = catalog.metric(query.measure()).orElseThrow();
		RecordKind kind = (metric.counts() == Metric.Counted.INCIDENTS) ? RecordKind.INCIDENT : RecordKind.CASE;
		Listing listing = this.registry.selection(actor, kind, ids, pageNumber, RECORDS_PAGE);
		Page<RecordView> records = listing.page();
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < group.size(); i++) {
			Dimension dimension = catalog.findDimension(query.by().get(i)).orElseThrow();
			conditions.add(dimension.label().in(locale) + ": " + labels.value(dimension, emptyToNull(group.get(i))));
		}
		// the filters, checked by records(): their fields and values exist, by code or
		// name
		query.where().forEach((field, texts) -> {
			Dimension dimension = catalog.findDimension(field).orElseThrow();
			conditions.add(dimension.label().in(locale) + ": " + texts.stream()
				.map(v -> labels.value(dimension, emptyToNull(catalog.valueCode(dimension.values(), v).orElse(v))))
				.collect(java.util.stream.Collectors.joining(" " + message("stats.or", locale) + " ")));
		});
		model.addAttribute("metricLabel", metric.label().in(locale));
		model.addAttribute("definition", metric.definition().in(locale));
		model.addAttribute("conditions", conditions);
		model.addAttribute("query", query);
		model.addAttribute("records", records);
		labels.know(listing.referenced());
		model.addAttribute("lapsed", lapsed);
		model.addAttribute("items", records.items().stream().map(r -> {
			return new Item(href(r), labels.dated(r, labels.describe(r)));
		}).toList());
		model.addAttribute("backHref", link("/stats", query, null));
		String base = link("/stats/records", query, group) + (lapsed ? "&lapsed=true" : "");
		model.addAttribute("previousHref", (pageNumber > 0) ? base + "&page=" + (pageNumber - 1) : null);
		model.addAttribute("nextHref",
				((long) (pageNumber + 1) * RECORDS_PAGE < ids.size()) ? base + "&page=" + (pageNumber + 1) : null);
		return "stats/records";
	}

	private static int page(String text) {
		if (!text.matches("[0-9]{1,6}")) {
			throw new StatsException("stats.badPage", text.length() > 20 ? text.substring(0, 20) : text);
		}
		return Integer.parseInt(text);
	}

	/** Choices of a list, under a heading. */
	record Group<T>(String label, List<T> choices) {
	}

	/** The measures by what they count, incidents or cases. */
	private List<Group<Metric>> metricGroups(Catalog catalog, Locale locale) {
		List<Group<Metric>> groups = new ArrayList<>();
		for (Metric.Counted counted : Metric.Counted.values()) {
			groups.add(new Group<>(message("stats.counts." + counted.code(), locale),
					catalog.metrics().stream().filter(m -> m.counts() == counted).toList()));
		}
		return groups;
	}

	/**
	 * The dimensions by the records they break down: both, incidents only, cases only; a
	 * measure goes by those of what it counts.
	 */
	private List<Group<Dimension>> dimensionGroups(Catalog catalog, Locale locale) {
		List<Group<Dimension>> groups = new ArrayList<>();
		groups.add(new Group<>(message("stats.dimensionsOfBoth", locale),
				catalog.dimensions()
					.stream()
					.filter(d -> d.applies().size() == Metric.Counted.values().length)
					.toList()));
		for (Metric.Counted counted : Metric.Counted.values()) {
			groups.add(new Group<>(message("stats.dimensionsOf." + counted.code(), locale),
					catalog.dimensions().stream().filter(d -> d.applies().equals(List.of(counted))).toList()));
		}
		groups.removeIf(group -> group.choices().isEmpty());
		return groups;
	}

	/**
	 * The problem in the page's language, naming measures and dimensions by their names
	 * where the command line writes their codes. A message that names the parameter at
	 * fault ({@code from}, {@code by}) names it as the form labels its field.
	 */
	private String say(StatsException ex, Locale locale) {
		Object[] arguments = ex.what().argumentsIn(locale);
		if (NAMING_A_PARAMETER.contains(ex.what().key()) && arguments.length > 0
				&& FIELD_LABELS.containsKey(arguments[0])) {
			arguments[0] = message(FIELD_LABELS.get(arguments[0]), locale);
		}
		return this.messages.getMessage(ex.what().key(), arguments, ex.what().key(), locale);
	}

	private static final java.util.Set<String> NAMING_A_PARAMETER = java.util.Set.of("stats.notADate",
			"stats.unknownDimension", "stats.dimensionNotForMeasure", "stats.whereNotA", "stats.unknownValue");

	private static final Map<String, String> FIELD_LABELS = Map.of("by", "stats.by", "by2", "stats.by2", "from",
			"stats.from", "to", "stats.to", "as-of", "stats.asOf", "where", "stats.where", "group",
			"stats.groupParameter");

	/**
	 * The table's header: the dimensions' names, the measure's, and what goes beside it.
	 */
	private List<String> header(StatsResult result, Locale locale) {
		List<String> header = new ArrayList<>(result.dimensions().stream().map(d -> d.label().in(locale)).toList());
		header.add(result.metric().label().in(locale));
		for (String beside : Tabulation.figureHeader(result.metric())
			.subList(1, Tabulation.figureHeader(result.metric()).size())) {
			header.add(message("stats." + beside, locale));
		}
		if (!result.isShare()) {
			header.add(message("stats.shareOfTotal", locale));
		}
		return header;
	}

	private List<Cell> cells(StatsResult result, Tabulation.Line line, Labels labels, Locale locale) {
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < line.values().size(); i++) {
			cells.add(new Cell(labels.value(result.dimensions().get(i), line.values().get(i)), null));
		}
		cells.addAll(figureCells(result, line, locale));
		return cells;
	}

	/**
	 * The figure (linked to its records) and what goes beside it, as the tabulation has
	 * them: the amount, the two counts of a share, the incidents whose number is not
	 * known, the persons whose term lapsed (linked to them), and the share of the total.
	 */
	private List<Cell> figureCells(StatsResult result, Tabulation.Line line, Locale locale) {
		List<String> values = line.total() ? List.of() : line.values();
		String href = link("/stats/records", result.query(), values);
		Figure figure = line.figure();
		List<Cell> cells = new ArrayList<>();
		cells.add(new Cell(result.isShare() ? percent(figure.rate(), locale) : number(figure.value(), locale), href));
		if (figure.amount() != null) {
			cells.add(new Cell(number(figure.amount(), locale) + " ₽", null));
		}
		if (figure.numerator() != null) {
			cells.add(new Cell(number(figure.numerator(), locale), null));
			cells.add(new Cell(number(figure.denominator(), locale), null));
		}
		if (figure.unknown() != null) {
			cells.add(new Cell(number(figure.unknown(), locale), null));
		}
		if (figure.lapsed() != null) {
			cells.add(new Cell(number(figure.lapsed(), locale),
					(figure.lapsed() > 0) ? href + (href.contains("?") ? "&" : "?") + "lapsed=true" : null));
		}
		if (!result.isShare()) {
			cells.add(new Cell(percent(line.share(), locale), null));
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
		boolean single = result.dimensions().size() == 1;
		for (StatsResult.Row row : result.rows()) {
			String first = String.valueOf(row.values().get(0));
			labelOf.putIfAbsent(first, labels.value(result.dimensions().get(0), row.values().get(0)));
			String series = (row.values().size() > 1) ? labels.value(result.dimensions().get(1), row.values().get(1))
					: null;
			double value = result.isShare() ? ((row.figure().rate() != null) ? row.figure().rate() * 100 : 0)
					: row.figure().value();
			String shown = result.isShare() ? percent(row.figure().rate(), locale)
					: number(row.figure().value(), locale);
			segments.computeIfAbsent(first, k -> new ArrayList<>())
				.add(new SvgChart.Segment(series, value, shown, link("/stats/records", result.query(), row.values())));
		}
		// a split bar shows its sum (a sum of shares means nothing, so none)
		List<SvgChart.Bar> drawn = new ArrayList<>();
		segments.forEach((first, parts) -> {
			SvgChart.Bar bar = new SvgChart.Bar(labelOf.get(first), "", parts);
			// a bar of one dimension is its one segment
			String shown = single ? parts.get(0).shown()
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
		if (query.asOf() != null) {
			uri.queryParam("asOf", query.asOf());
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
	private final class Labels extends RecordLabels {

		Labels(Catalog catalog, Locale locale) {
			super(catalog, StatsPage.this.messages, locale, "stats.personHidden");
		}

		String value(Dimension dimension, String code) {
			if (code == null) {
				return message("stats.notStated");
			}
			if (Facts.NOT_APPLICABLE.equals(code)) {
				return message("stats.notApplicable");
			}
			return catalog().valueLabel(dimension.values(), code).map(l -> l.in(locale())).orElse(code);
		}

	}

	/**
	 * Shows the statistics link to the roles that may read statistics, as the policy
	 * says.
	 */
	@org.springframework.stereotype.Component
	static class Navigation implements org.khronika.web.PageAttributes {

		private final AccessPolicy policy;

		private final Statistics statistics;

		private final java.time.Clock clock;

		Navigation(AccessPolicy policy, Statistics statistics, java.time.Clock clock) {
			this.policy = policy;
			this.statistics = statistics;
			this.clock = clock;
		}

		@Override
		public void addTo(Map<String, Object> model, Locale locale) {
			model.put("mayReadStatistics", Sessions.currentActorMay(this.policy, Capability.READ_STATISTICS));
			model.put("recentFigures", recentFigures(locale));
		}

		/**
		 * The last 30 days in figures, for the overview of those who read statistics:
		 * counted only when a page shows them.
		 */
		private java.util.function.Supplier<List<RecentFigure>> recentFigures(Locale locale) {
			return () -> Sessions.currentActor()
				.filter(actor -> this.policy.may(actor, Capability.READ_STATISTICS).isGranted())
				.map(actor -> {
					java.time.LocalDate to = java.time.LocalDate.now(this.clock);
					java.time.LocalDate from = to.minusDays(29);
					return RECENT.stream().map(measure -> {
						StatsResult result = this.statistics.compute(actor,
								new StatsQuery(measure, List.of(), from, to, Map.of(), null));
						return new RecentFigure(result.metric().label().in(locale), result.total().value(),
								"/stats?measure=" + measure + "&from=" + from + "&to=" + to);
					}).toList();
				})
				.orElse(List.of());
		}

	}

	/** The measures the overview shows for the last 30 days. */
	private static final List<String> RECENT = List.of("incidents", "detained", "cases");

	/** One of them: its name, its value and the page that breaks it down. */
	record RecentFigure(String label, long value, String href) {
	}

}
