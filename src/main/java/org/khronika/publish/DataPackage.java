package org.khronika.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Dimension;
import org.khronika.catalog.PublicationPlan;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A snapshot's open data as a Frictionless Data Package (version 2 of the specification):
 * {@code datapackage.json} with a table schema for every CSV, the licence (CC BY 4.0),
 * the sources and the methodology; a CSV per planned figure and the incidents table. A
 * figure's CSV has one row per element: {@code element} says which ({@code cell},
 * {@code row-total}, {@code column-total}, {@code total}), a column per dimension holds
 * its code (empty in a total across it; in a cell, empty means the records do not say),
 * {@code count} the count where it is shown and {@code shown} what is published ("&lt;
 * 5", "x" or the count).
 */
public class DataPackage {

	private static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

	private static final String SCHEMA = "https://datapackage.org/profiles/2.0/tableschema.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Publication publication;

	private final Catalog catalog;

	DataPackage(Publication publication, Catalog catalog) {
		this.publication = publication;
		this.catalog = catalog;
	}

	/** The package's files by path: the descriptor, the figures, the incidents. */
	Map<String, byte[]> files(Site.Document document, byte[] incidents) {
		Map<String, byte[]> files = new TreeMap<>();
		List<Map<String, Object>> resources = new ArrayList<>();
		for (Site.Figure figure : document.figures()) {
			String path = "figures/" + figure.code() + ".csv";
			files.put(path, figureCsv(figure));
			resources.add(figureResource(figure, path));
		}
		if (incidents.length > 0) {
			files.put("incidents.csv", incidents);
			resources.add(incidentsResource());
		}
		Map<String, Object> descriptor = new LinkedHashMap<>();
		descriptor.put("$schema", PROFILE);
		descriptor.put("name", "khronika-" + document.takenOn());
		descriptor.put("id", "urn:uuid:" + document.snapshot());
		descriptor.put("title", "Khronika: published figures as of " + document.takenOn());
		descriptor.put("description",
				"Figures about political persecution in Russia from the records of a human-rights monitor, as "
						+ "published on " + document.takenOn() + " (log position " + document.position() + "). "
						+ "Counts of people or cases below a figure's k are shown as '< k' and counts that would give "
						+ "them away as 'x'; incident counts and numbers detained are not suppressed. Each resource "
						+ "gives its own methodology.");
		descriptor.put("version", document.takenOn());
		descriptor.put("created", document.takenOn() + "T00:00:00Z");
		descriptor.put("licenses", List.of(Map.of("name", "CC-BY-4.0", "path",
				"https://creativecommons.org/licenses/by/4.0/", "title", "Creative Commons Attribution 4.0")));
		descriptor.put("sources", List.of(Map.of("title", "Khronika snapshot " + document.snapshot() + " of "
				+ document.takenOn() + ", log position " + document.position())));
		descriptor.put("resources", resources);
		files.put("datapackage.json", JSON.writeValueAsBytes(descriptor));
		return files;
	}

	private byte[] figureCsv(Site.Figure figure) {
		List<String> header = new ArrayList<>();
		header.add("element");
		header.addAll(figure.by());
		header.add("count");
		header.add("shown");
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, OpenData.CSV)) {
			printer.printRecord(header);
			int dimensions = figure.by().size();
			if (dimensions == 1) {
				for (int c = 0; c < figure.columns().size(); c++) {
					print(printer, "cell", List.of(figure.columns().get(c)), figure.cells().get(0).get(c));
				}
			}
			else if (dimensions == 2) {
				for (int r = 0; r < figure.rows().size(); r++) {
					for (int c = 0; c < figure.columns().size(); c++) {
						print(printer, "cell", List.of(figure.rows().get(r), figure.columns().get(c)),
								figure.cells().get(r).get(c));
					}
				}
				for (int r = 0; r < figure.rows().size(); r++) {
					print(printer, "row-total", List.of(figure.rows().get(r), ""), figure.rowTotals().get(r));
				}
				for (int c = 0; c < figure.columns().size(); c++) {
					print(printer, "column-total", List.of("", figure.columns().get(c)), figure.columnTotals().get(c));
				}
			}
			List<String> empty = new ArrayList<>();
			for (int i = 0; i < dimensions; i++) {
				empty.add("");
			}
			print(printer, "total", empty, figure.total());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void print(CSVPrinter printer, String element, List<String> codes, String shown) throws IOException {
		List<String> row = new ArrayList<>();
		row.add(element);
		row.addAll(codes);
		row.add(Publication.isCount(shown) ? shown : "");
		row.add(shown);
		printer.printRecord(row);
	}

	private Map<String, Object> figureResource(Site.Figure figure, String path) {
		Optional<PublicationPlan.Figure> planned = this.publication.plan()
			.figures()
			.stream()
			.filter(p -> p.code().equals(figure.code()))
			.findFirst();
		List<Map<String, Object>> fields = new ArrayList<>();
		fields.add(field("element", "string", "Which element of the table the row is",
				Map.of("enum", List.of("cell", "row-total", "column-total", "total"), "required", true), null));
		for (String dimension : figure.by()) {
			Set<String> codes = new LinkedHashSet<>(
					(figure.by().indexOf(dimension) == figure.by().size() - 1) ? figure.columns() : figure.rows());
			fields.add(field(dimension, "string",
					this.catalog.dimension(dimension)
						.map(d -> d.label().en() + ": a code (empty in a total across it)")
						.orElse(dimension),
					null, categories(dimension, codes)));
		}
		fields
			.add(field("count", "integer", "The count, where it is shown (empty where it is suppressed)", null, null));
		fields.add(field("shown", "string", "What is published: the count, '< k' or 'x' (hidden beside a small count)",
				Map.of("required", true), null));
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", SCHEMA);
		schema.put("fields", fields);
		schema.put("missingValues", List.of(""));
		Map<String, Object> resource = resource(figure.code(), path,
				planned.map(p -> p.title().en()).orElse(figure.code()), schema);
		resource.put("description", planned.map(p -> p.methodology().en() + " (" + p.methodology().ru() + ")")
			.orElse("Measure " + figure.measure()));
		// the figure's period, where the plan gives one (an open end is left out)
		Map<String, String> period = new LinkedHashMap<>();
		if (figure.from() != null) {
			period.put("from", figure.from());
		}
		if (figure.to() != null) {
			period.put("to", figure.to());
		}
		if (!period.isEmpty()) {
			resource.put("temporalCoverage", period);
		}
		return resource;
	}

	private Map<String, Object> incidentsResource() {
		List<Map<String, Object>> fields = new ArrayList<>();
		fields.add(field("id", "string", "The incident's id in Khronika (stable across snapshots)",
				Map.of("required", true, "unique", true), null));
		for (String name : this.publication.plan().incidentFields()) {
			fields.add(switch (name) {
				case "date" -> field(name, "date", "The day of the incident", Map.of("required", true), null);
				case "detained" -> field(name, "integer",
						"The number of people detained at it; empty where it is not known (not zero)",
						Map.of("minimum", 0), null);
				case "region", "type", "agreement" ->
					field(name, "string", name + ": a code", null, categories(name, null));
				default -> field(name, "string", name, null, null);
			});
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", SCHEMA);
		schema.put("fields", fields);
		schema.put("missingValues", List.of(""));
		schema.put("primaryKey", List.of("id"));
		Map<String, Object> resource = resource("incidents", "incidents.csv", "Incidents (public fields only)", schema);
		resource.put("description", "Every recorded incident that is not restricted, once (an incident reported "
				+ "twice and linked is published once), with its public fields: no description and nothing that "
				+ "names a person.");
		return resource;
	}

	private static Map<String, Object> resource(String name, String path, String title, Map<String, Object> schema) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("name", name);
		resource.put("type", "table");
		resource.put("path", path);
		resource.put("title", title);
		resource.put("format", "csv");
		resource.put("mediatype", "text/csv");
		resource.put("encoding", "utf-8");
		resource.put("schema", schema);
		return resource;
	}

	private static Map<String, Object> field(String name, String type, String description,
			Map<String, Object> constraints, List<Map<String, String>> categories) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("type", type);
		field.put("description", description);
		if (constraints != null) {
			field.put("constraints", constraints);
		}
		if (categories != null && !categories.isEmpty()) {
			field.put("categories", categories);
		}
		return field;
	}

	/**
	 * The names of a dimension's codes (v2 categories), of {@code codes} or of every
	 * value of its vocabulary.
	 */
	private List<Map<String, String>> categories(String dimensionCode, Set<String> codes) {
		Optional<Dimension> dimension = this.catalog.dimension(dimensionCode);
		if (dimension.isEmpty() || dimension.get().values() == null) {
			return null;
		}
		List<Map<String, String>> categories = new ArrayList<>();
		Iterable<String> values = (codes != null) ? codes : allCodes(dimension.get());
		for (String code : values) {
			if (code != null && !code.isEmpty()) {
				categories.add(Map.of("value", code, "label",
						this.publication.heading(dimensionCode, code, java.util.Locale.ENGLISH)));
			}
		}
		return categories;
	}

	private List<String> allCodes(Dimension dimension) {
		return switch (dimension.values()) {
			case "regions" -> this.catalog.regions().stream().map(org.khronika.catalog.Region::code).toList();
			case "law-articles" -> this.catalog.articles().stream().map(org.khronika.catalog.LawArticle::code).toList();
			default -> this.catalog.hasVocabulary(dimension.values())
					? this.catalog.vocabulary(dimension.values()).terms().stream().map(t -> t.code()).toList()
					: List.of();
		};
	}

	/**
	 * A figure's counts read back from its CSV in a package, by element key
	 * ({@link Publication#elements}); for checking that a package gives the figures it
	 * was made from.
	 */
	public static Map<String, String> readFigure(byte[] csv, int dimensions) throws IOException {
		Map<String, String> elements = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(new String(csv, StandardCharsets.UTF_8),
				OpenData.CSV.builder().setHeader().setSkipHeaderRecord(true).get())) {
			for (CSVRecord row : parser) {
				String element = row.get("element");
				List<String> codes = new ArrayList<>();
				for (int i = 1; i <= dimensions; i++) {
					codes.add(row.get(i));
				}
				String key = switch (element) {
					case "cell" ->
						(dimensions == 2) ? "cell:" + codes.get(0) + ":" + codes.get(1) : "cell::" + codes.get(0);
					case "row-total" -> "row:" + codes.get(0);
					case "column-total" -> "column:" + codes.get(1);
					default -> "total";
				};
				elements.put(key, row.get("shown"));
			}
		}
		return elements;
	}

}
