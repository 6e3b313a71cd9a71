package org.khronika.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Law articles, regions and vocabularies, read from {@code catalog/*.yaml} on the class
 * path. Immutable once loaded; safe to share.
 */
public final class Catalog {

	public static final String INCIDENT_TYPES = "incident-types";

	public static final String AGREEMENT_STATUSES = "agreement-statuses";

	public static final String CASE_KINDS = "case-kinds";

	public static final String TRIGGERS = "triggers";

	public static final String INFORMANT_RELATIONSHIPS = "informant-relationships";

	public static final String CASE_STATUSES = "case-statuses";

	public static final String OUTCOMES = "outcomes";

	public static final String CASE_EVENT_TYPES = "case-event-types";

	public static final String MEASURES_OF_RESTRAINT = "measures-of-restraint";

	public static final String SOURCE_KINDS = "source-kinds";

	private final Map<String, LawArticle> articles;

	private final Map<String, Region> regions;

	private final Map<String, Vocabulary> vocabularies;

	private final Map<String, Metric> metrics;

	private final Map<String, Dimension> dimensions;

	private final List<GivenName> givenNames;

	private Catalog(Map<String, LawArticle> articles, Map<String, Region> regions, Map<String, Vocabulary> vocabularies,
			Map<String, Metric> metrics, Map<String, Dimension> dimensions, List<GivenName> givenNames) {
		this.articles = articles;
		this.regions = regions;
		this.vocabularies = vocabularies;
		this.metrics = metrics;
		this.dimensions = dimensions;
		this.givenNames = List.copyOf(givenNames);
	}

	/**
	 * Loads the catalog shipped with Khronika.
	 * @throws IllegalStateException if a catalog file is missing or malformed
	 */
	@SuppressWarnings("unchecked")
	public static Catalog load() {
		Map<String, LawArticle> articles = new LinkedHashMap<>();
		for (Map<String, Object> jurisdiction : (List<Map<String, Object>>) read("law-articles.yaml")
			.get("jurisdictions")) {
			String jurisdictionCode = (String) jurisdiction.get("code");
			Map<String, String> names = (Map<String, String>) jurisdiction.get("short");
			Label jurisdictionName = new Label(names.get("ru"), names.get("en"));
			for (Map<String, Object> article : (List<Map<String, Object>>) jurisdiction.get("articles")) {
				LawArticle parsed = new LawArticle((String) article.get("code"), jurisdictionCode, jurisdictionName,
						(String) article.get("number"), (String) jurisdiction.get("kind"), label(article));
				articles.put(parsed.code(), parsed);
			}
		}
		Map<String, Region> regions = new LinkedHashMap<>();
		for (Map<String, Object> region : (List<Map<String, Object>>) read("regions.yaml").get("regions")) {
			Map<String, Object> centre = (Map<String, Object>) region.get("centre");
			regions.put((String) region.get("code"),
					new Region((String) region.get("code"), label(region), (centre != null) ? label(centre) : null));
		}
		Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
		for (Map.Entry<String, Object> vocabulary : read("taxonomies.yaml").entrySet()) {
			Map<String, Object> entry = (Map<String, Object>) vocabulary.getValue();
			List<Term> terms = new ArrayList<>();
			for (Map<String, Object> term : (List<Map<String, Object>>) entry.get("terms")) {
				terms.add(new Term((String) term.get("code"), label(term)));
			}
			vocabularies.put(vocabulary.getKey(),
					new Vocabulary(vocabulary.getKey(), label((Map<String, Object>) entry.get("label")), terms));
		}
		Map<String, Object> metricFile = read("metrics.yaml");
		Map<String, Metric> metrics = new LinkedHashMap<>();
		for (Map<String, Object> metric : (List<Map<String, Object>>) metricFile.get("measures")) {
			Map<String, String> definition = (Map<String, String>) metric.get("definition");
			String code = (String) metric.get("code");
			metrics.put(code, new Metric(code, label(metric), new Label(definition.get("ru"), definition.get("en")),
					Metric.Counted.of(code, (String) metric.get("counts")),
					Metric.Aggregate.of(code, (String) metric.get("aggregate")), conditions(metric.get("where")),
					conditions(metric.get("numerator")), conditions(metric.get("denominator")),
					(String) metric.get("amount"), Boolean.TRUE.equals(metric.get("on-day"))));
		}
		Map<String, Dimension> dimensions = new LinkedHashMap<>();
		for (Map<String, Object> dimension : (List<Map<String, Object>>) metricFile.get("dimensions")) {
			String code = (String) dimension.get("code");
			dimensions.put(code, new Dimension(code, label(dimension),
					((List<String>) dimension.get("applies")).stream().map(c -> Metric.Counted.of(code, c)).toList(),
					(String) dimension.get("values")));
		}
		List<GivenName> givenNames = new ArrayList<>();
		for (Map<String, Object> name : (List<Map<String, Object>>) read("given-names.yaml").get("given-names")) {
			givenNames.add(new GivenName((String) name.get("name"), (List<String>) name.get("forms")));
		}
		return new Catalog(articles, regions, vocabularies, metrics, dimensions, givenNames);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> conditions(Object yaml) {
		return (yaml == null) ? Map.of() : Map.copyOf((Map<String, List<String>>) yaml);
	}

	/** The given names and the forms people are called by, as the catalog lists them. */
	public List<GivenName> givenNames() {
		return this.givenNames;
	}

	/** Every measure statistics can give, in file order. */
	public List<Metric> metrics() {
		return List.copyOf(this.metrics.values());
	}

	/** The measure with this code ({@code detained}), or empty. */
	public Optional<Metric> metric(String code) {
		return Optional.ofNullable(this.metrics.get(code));
	}

	/** Every dimension figures can be broken down by, in file order. */
	public List<Dimension> dimensions() {
		return List.copyOf(this.dimensions.values());
	}

	/** The dimension with this code ({@code month}), or empty. */
	public Optional<Dimension> dimension(String code) {
		return Optional.ofNullable(this.dimensions.get(code));
	}

	/**
	 * The dimension with this code ({@code region}), or whose Russian or English name is
	 * {@code text} ({@code Регион}), as a person writes a filter.
	 */
	public Optional<Dimension> findDimension(String text) {
		return dimension(text)
			.or(() -> this.dimensions.values().stream().filter(d -> d.label().matches(text)).findFirst());
	}

	/**
	 * The code a person means by {@code text} among the values {@code values} names
	 * ({@link Dimension#values()}): the code itself, or a name in Russian or English
	 * ({@code Москва}, {@code Донос}), or for law articles {@code УК 207.3} or
	 * {@code 207.3}; empty if none.
	 */
	public Optional<String> valueCode(String values, String text) {
		if (values == null || text == null) {
			return Optional.empty();
		}
		return switch (values) {
			case "regions" -> findRegion(text).map(Region::code);
			case "law-articles" -> findArticle(text).map(LawArticle::code);
			default -> vocabulary(values).terms()
				.stream()
				.filter(t -> t.code().equals(text.strip()) || t.label().matches(text.strip()))
				.map(Term::code)
				.findFirst();
		};
	}

	/**
	 * The name of value {@code code} of a dimension whose values come from {@code values}
	 * ({@link Dimension#values()}: {@code regions}, {@code law-articles} or a
	 * vocabulary), or empty if there is no such value.
	 */
	public Optional<Label> valueLabel(String values, String code) {
		if (values == null || code == null) {
			return Optional.empty();
		}
		return switch (values) {
			case "regions" -> Optional.ofNullable(this.regions.get(code)).map(Region::label);
			case "law-articles" -> article(code).map(a -> new Label(a.jurisdictionName().ru() + " " + a.number(),
					a.jurisdictionName().en() + " " + a.number()));
			default -> vocabulary(values).term(code).map(Term::label);
		};
	}

	/** Every law article, in file order. */
	public List<LawArticle> articles() {
		return orderedArticles();
	}

	/** The article with this code ({@code uk-207.3}), or empty. */
	public Optional<LawArticle> article(String code) {
		return Optional.ofNullable(this.articles.get(code));
	}

	/**
	 * The article a person means by {@code text}: its code ({@code uk-207.3}), its
	 * jurisdiction and number ({@code УК 207.3}, {@code UK 207.3}, {@code КоАП 20.3.3}),
	 * or a number that exists in one jurisdiction only ({@code 207.3}).
	 */
	public Optional<LawArticle> findArticle(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.toLowerCase(Locale.ROOT)
			.replace("ст.", " ")
			.replace("art.", " ")
			.replaceAll("\\s+", " ")
			.strip();
		Optional<LawArticle> byCode = article(wanted);
		if (byCode.isPresent()) {
			return byCode;
		}
		String[] words = wanted.split(" ");
		String number = words[words.length - 1];
		String prefix = (words.length > 1) ? words[0].replace("рф", "") : null;
		List<LawArticle> matches = orderedArticles().stream()
			.filter(a -> a.number().equals(number))
			.filter(a -> prefix == null || jurisdictionAliases(a.jurisdiction()).contains(prefix))
			.toList();
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static List<String> jurisdictionAliases(String code) {
		return switch (code) {
			case "uk" -> List.of("uk", "ук", "cc");
			case "koap" -> List.of("koap", "коап", "cao");
			default -> List.of(code);
		};
	}

	private List<LawArticle> orderedArticles() {
		return List.copyOf(this.articles.values());
	}

	/** Every region, in file order. */
	public List<Region> regions() {
		return List.copyOf(this.regions.values());
	}

	/** The region with this code, or whose Russian or English name is {@code text}. */
	public Optional<Region> findRegion(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		Region byCode = this.regions.get(wanted);
		if (byCode != null) {
			return Optional.of(byCode);
		}
		return this.regions.values().stream().filter(r -> r.label().matches(wanted)).findFirst();
	}

	/** Whether the catalog has a vocabulary of this name. */
	public boolean hasVocabulary(String name) {
		return this.vocabularies.containsKey(name);
	}

	/**
	 * The vocabulary of this name ({@link #TRIGGERS}, …).
	 * @throws NoSuchElementException if the catalog has no such vocabulary
	 */
	public Vocabulary vocabulary(String name) {
		Vocabulary vocabulary = this.vocabularies.get(name);
		if (vocabulary == null) {
			throw new NoSuchElementException("the catalog has no vocabulary " + name);
		}
		return vocabulary;
	}

	static Label label(Map<String, Object> entry) {
		return new Label((String) entry.get("ru"), (String) entry.get("en"));
	}

	static Map<String, Object> read(String file) {
		try (InputStream in = Catalog.class.getResourceAsStream("/catalog/" + file)) {
			if (in == null) {
				throw new IllegalStateException("catalog file missing from the class path: catalog/" + file);
			}
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
