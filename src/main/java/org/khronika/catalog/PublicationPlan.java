package org.khronika.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is published, as {@code catalog/publication.yaml} lists it: the figures (a
 * measure, up to two dimensions, a period, a title and a methodology) and the threshold
 * below which a count of persons or cases is suppressed, per measure. Checked against the
 * catalog's measures and dimensions when it loads: a plan naming a figure statistics
 * cannot give is refused then, saying which and why.
 */
public record PublicationPlan(List<Figure> figures, int defaultK, Map<String, Integer> k, Set<String> notSuppressed,
		MapPlan map, List<String> incidentFields, List<Methodology> methodologies, Map<String, String> facilities) {

	/** The incident fields open data may carry: public ones, never a description. */
	public static final List<String> INCIDENT_FIELDS = List.of("date", "region", "type", "topic", "organiser",
			"agreement", "detained");

	/**
	 * The tile-grid map: the figure by region it is coloured by, and each region's
	 * square.
	 */
	public record MapPlan(String figure, Map<String, Tile> tiles) {

		public MapPlan {
			tiles = Map.copyOf(tiles);
		}

	}

	/** A region's square on the map: its column, its row and a short label. */
	public record Tile(int column, int row, String label) {
	}

	/**
	 * A methodology of the prisoners list: a person is listed while in custody or serving
	 * a real prison sentence by a case charging one of {@code articles}; or, if
	 * {@code decided}, on any charge, where an editor listed them with written reasons.
	 */
	public record Methodology(String code, Set<String> articles, boolean decided, Label title, Label text) {

		public Methodology {
			articles = Set.copyOf(articles);
		}

	}

	/** One planned figure. */
	public record Figure(String code, String measure, List<String> by, LocalDate from, LocalDate to,
			Map<String, List<String>> where, Label title, Label methodology) {

		public Figure {
			by = List.copyOf(by);
			where = Map.copyOf(where);
		}

	}

	public PublicationPlan {
		incidentFields = List.copyOf(incidentFields);
		methodologies = List.copyOf(methodologies);
		facilities = Map.copyOf(facilities);
		figures = List.copyOf(figures);
		k = Map.copyOf(k);
		notSuppressed = Set.copyOf(notSuppressed);
	}

	/**
	 * The threshold for {@code measure}'s counts: shown as they are from k up; empty for
	 * a measure that counts events, not people, and is never suppressed.
	 */
	public Optional<Integer> threshold(String measure) {
		return this.notSuppressed.contains(measure) ? Optional.empty()
				: Optional.of(this.k.getOrDefault(measure, this.defaultK));
	}

	/**
	 * The plan on the class path, checked against {@code catalog}.
	 * @throws IllegalStateException naming the figure and what is wrong with it
	 */
	public static PublicationPlan load(Catalog catalog) {
		return of(catalog, Catalog.read("publication.yaml"));
	}

	/** A plan as read from YAML ({@code file}), checked against {@code catalog}. */
	@SuppressWarnings("unchecked")
	static PublicationPlan of(Catalog catalog, Map<String, Object> file) {
		Map<String, Object> suppression = (Map<String, Object>) file.get("suppression");
		int defaultK = (Integer) suppression.get("default-k");
		Map<String, Integer> k = (Map<String, Integer>) suppression.getOrDefault("k", Map.of());
		Set<String> notSuppressed = Set.copyOf((List<String>) suppression.getOrDefault("not-suppressed", List.of()));
		List<Figure> figures = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (Map<String, Object> entry : (List<Map<String, Object>>) file.get("figures")) {
			String code = (String) entry.get("code");
			String measure = (String) entry.get("measure");
			List<String> by = (List<String>) entry.getOrDefault("by", List.of());
			check(catalog, code, measure, by, codes);
			figures.add(new Figure(code, measure, by, date(code, entry.get("from")), date(code, entry.get("to")),
					(Map<String, List<String>>) entry.getOrDefault("where", Map.of()),
					label("publication plan, figure " + code, entry.get("title")),
					label("publication plan, figure " + code, entry.get("methodology"))));
		}
		for (String measure : k.keySet()) {
			if (catalog.metric(measure).isEmpty()) {
				throw new IllegalStateException("publication plan: k is set for an unknown measure '" + measure + "'");
			}
		}
		if (defaultK < 2 || k.values().stream().anyMatch(value -> value < 2)) {
			throw new IllegalStateException("publication plan: k is at least 2");
		}
		return new PublicationPlan(figures, defaultK, k, notSuppressed, map(catalog, file, figures),
				incidentFields(file), methodologies(catalog, file), facilities(file));
	}

	/** The map, or null if the plan has none. */
	private static MapPlan map(Catalog catalog, Map<String, Object> file, List<Figure> figures) {
		Map<String, Object> map = (Map<String, Object>) file.get("map");
		if (map == null) {
			return null;
		}
		String figure = (String) map.get("figure");
		if (figures.stream().noneMatch(f -> f.code().equals(figure) && f.by().equals(List.of("region")))) {
			throw new IllegalStateException(
					"publication plan, map: '" + figure + "' is not a planned figure by region");
		}
		Map<String, List<Object>> placed = (Map<String, List<Object>>) map.getOrDefault("tiles", Map.of());
		Map<String, Tile> tiles = new java.util.LinkedHashMap<>();
		Set<List<Integer>> taken = new HashSet<>();
		for (Map.Entry<String, List<Object>> square : placed.entrySet()) {
			if (catalog.regions().stream().noneMatch(region -> region.code().equals(square.getKey()))) {
				throw new IllegalStateException("publication plan, map: no region '" + square.getKey() + "'");
			}
			List<Object> value = square.getValue();
			if (value.size() != 3 || !(value.get(0) instanceof Integer column) || !(value.get(1) instanceof Integer row)
					|| column < 0 || column > 40 || row < 0 || row > 40 || !taken.add(List.of(column, row))) {
				throw new IllegalStateException("publication plan, map, " + square.getKey()
						+ ": a square is [column, row, label], each 0 to 40, and no two regions share one");
			}
			tiles.put(square.getKey(), new Tile(column, row, String.valueOf(value.get(2))));
		}
		return new MapPlan(figure, tiles);
	}

	private static List<String> incidentFields(Map<String, Object> file) {
		Map<String, Object> incidents = (Map<String, Object>) file.getOrDefault("incidents", Map.of());
		List<String> fields = (List<String>) incidents.getOrDefault("fields", List.of());
		for (String field : fields) {
			if (!INCIDENT_FIELDS.contains(field)) {
				throw new IllegalStateException("publication plan, incidents: '" + field
						+ "' cannot be published; an incident's public fields are "
						+ String.join(", ", INCIDENT_FIELDS));
			}
		}
		return fields;
	}

	private static List<Methodology> methodologies(Catalog catalog, Map<String, Object> file) {
		Map<String, Object> prisoners = (Map<String, Object>) file.getOrDefault("prisoners", Map.of());
		List<Methodology> methodologies = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (Map<String, Object> entry : (List<Map<String, Object>>) prisoners.getOrDefault("methodologies",
				List.of())) {
			String code = (String) entry.get("code");
			String where = "publication plan, prisoners list methodology " + code;
			if (code == null || !code.matches("[a-z0-9-]+") || !codes.add(code)) {
				throw new IllegalStateException(
						where + ": a code of lower-case letters, digits and hyphens, used once");
			}
			List<String> articles = (List<String>) entry.getOrDefault("articles", List.of());
			boolean decided = Boolean.TRUE.equals(entry.get("decided"));
			if (articles.isEmpty() != decided) {
				throw new IllegalStateException(
						where + ": name the articles it lists people for, or say it lists by decision (not both)");
			}
			for (String article : articles) {
				if (catalog.article(article).isEmpty()) {
					throw new IllegalStateException(where + ": no law article '" + article + "'");
				}
			}
			methodologies.add(new Methodology(code, Set.copyOf(articles), decided, label(where, entry.get("title")),
					label(where, entry.get("text"))));
		}
		return methodologies;
	}

	private static Map<String, String> facilities(Map<String, Object> file) {
		Map<String, Object> prisoners = (Map<String, Object>) file.getOrDefault("prisoners", Map.of());
		Map<String, String> facilities = new java.util.LinkedHashMap<>();
		for (Map<String, Object> entry : (List<Map<String, Object>>) prisoners.getOrDefault("facilities", List.of())) {
			if (!(entry.get("name") instanceof String name) || !(entry.get("address") instanceof String address)) {
				throw new IllegalStateException(
						"publication plan, prisoners list: a facility has a name and an address");
			}
			facilities.put(name.strip(), address.strip());
		}
		return facilities;
	}

	private static void check(Catalog catalog, String code, String measure, List<String> by, Set<String> codes) {
		String where = "publication plan, figure " + code + ": ";
		if (code == null || !code.matches("[a-z0-9-]+") || !codes.add(code)) {
			throw new IllegalStateException(where + "a code of lower-case letters, digits and hyphens, used once");
		}
		Metric metric = catalog.metric(measure)
			.orElseThrow(() -> new IllegalStateException(where + "no measure '" + measure + "'"));
		if (metric.aggregate() == Metric.Aggregate.SHARE) {
			throw new IllegalStateException(where + "a share is not published (its parts would be small counts)");
		}
		if (by.size() > 2) {
			throw new IllegalStateException(where + "at most two dimensions");
		}
		for (String dimensionCode : by) {
			Dimension dimension = catalog.dimension(dimensionCode)
				.orElseThrow(() -> new IllegalStateException(where + "no dimension '" + dimensionCode + "'"));
			if (!dimension.applies().contains(metric.counts())) {
				throw new IllegalStateException(
						where + "'" + dimensionCode + "' does not apply to " + metric.counts().code());
			}
		}
	}

	private static Label label(String where, Object words) {
		if (words instanceof Map<?, ?> map && map.get("ru") instanceof String ru
				&& map.get("en") instanceof String en) {
			return new Label(ru, en);
		}
		throw new IllegalStateException(where + ": a title and a methodology in Russian and English");
	}

	private static LocalDate date(String figure, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.util.Date day) {
			// YAML reads an unquoted date as a timestamp at midnight UTC
			return day.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		}
		try {
			return LocalDate.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(
					"publication plan, figure " + figure + ": '" + value + "' is not a date (YYYY-MM-DD)");
		}
	}

}
