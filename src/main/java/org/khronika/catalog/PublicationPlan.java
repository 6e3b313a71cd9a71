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
public record PublicationPlan(List<Figure> figures, int defaultK, Map<String, Integer> k, Set<String> notSuppressed) {

	/** One planned figure. */
	public record Figure(String code, String measure, List<String> by, LocalDate from, LocalDate to,
			Map<String, List<String>> where, Label title, Label methodology) {

		public Figure {
			by = List.copyOf(by);
			where = Map.copyOf(where);
		}

	}

	public PublicationPlan {
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
					(Map<String, List<String>>) entry.getOrDefault("where", Map.of()), label(code, entry.get("title")),
					label(code, entry.get("methodology"))));
		}
		for (String measure : k.keySet()) {
			if (catalog.metric(measure).isEmpty()) {
				throw new IllegalStateException("publication plan: k is set for an unknown measure '" + measure + "'");
			}
		}
		if (defaultK < 2 || k.values().stream().anyMatch(value -> value < 2)) {
			throw new IllegalStateException("publication plan: k is at least 2");
		}
		return new PublicationPlan(figures, defaultK, k, notSuppressed);
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

	private static Label label(String figure, Object words) {
		if (words instanceof Map<?, ?> map && map.get("ru") instanceof String ru
				&& map.get("en") instanceof String en) {
			return new Label(ru, en);
		}
		throw new IllegalStateException(
				"publication plan, figure " + figure + ": a title and a methodology in Russian and English");
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
