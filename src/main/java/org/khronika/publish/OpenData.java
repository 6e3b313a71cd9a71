package org.khronika.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.khronika.catalog.PublicationPlan;
import org.khronika.registry.Facts;

/**
 * The event-level open data: the incidents table with the public fields the plan lists
 * and nothing else. Restricted incidents are left out, and of incidents linked as one
 * only the record with the least id (the one statistics count) is published.
 */
public class OpenData {

	/** The CSV dialect of every published table: RFC 4180, a header, CRLF line ends. */
	static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final Facts facts;

	private final PublicationPlan plan;

	OpenData(Facts facts, PublicationPlan plan) {
		this.facts = facts;
		this.plan = plan;
	}

	/** The columns of the incidents table: {@code id}, then the planned fields. */
	public List<String> incidentColumns() {
		List<String> columns = new ArrayList<>();
		columns.add("id");
		columns.addAll(this.plan.incidentFields());
		return columns;
	}

	/** The incidents table as CSV (UTF-8), oldest first. */
	byte[] incidents() {
		List<Facts.IncidentFact> published = new ArrayList<>();
		this.facts.incidentsAfter(0, fact -> {
			if (!fact.restricted() && (fact.incident() == null || fact.incident().equals(fact.id()))) {
				published.add(fact);
			}
		});
		published.sort(Comparator.comparing(Facts.IncidentFact::date).thenComparing(Facts.IncidentFact::id));
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
			printer.printRecord(incidentColumns());
			for (Facts.IncidentFact fact : published) {
				List<Object> row = new ArrayList<>();
				row.add(fact.id());
				for (String field : this.plan.incidentFields()) {
					row.add(value(fact, field));
				}
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Object value(Facts.IncidentFact fact, String field) {
		return switch (field) {
			case "date" -> fact.date();
			case "region" -> fact.region();
			case "type" -> fact.type();
			case "topic" -> fact.topic();
			case "organiser" -> fact.organiser();
			case "agreement" -> fact.agreement();
			case "detained" -> fact.detained();
			default -> throw new IllegalArgumentException("not a public incident field: " + field);
		};
	}

}
