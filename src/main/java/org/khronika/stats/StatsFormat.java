package org.khronika.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.khronika.catalog.Dimension;
import org.khronika.stats.StatsResult.Figure;
import org.khronika.stats.StatsResult.Row;

/**
 * Writes figures as CSV and as a plain-text table, the same columns both ways: the
 * dimensions' value codes, then the figure named after the measure, then what a measure
 * gives beside it ({@code amount} for fines; {@code numerator} and {@code denominator}
 * for a share, whose figure is a fraction with four decimals). The last row is the total,
 * its dimension cells {@code total}.
 */
public final class StatsFormat {

	/** Characters that make a spreadsheet read a cell as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private StatsFormat() {
	}

	/** The header row. */
	public static List<String> header(StatsResult result) {
		List<String> header = new ArrayList<>(result.dimensions().stream().map(Dimension::code).toList());
		header.add(result.metric().code());
		if (result.metric().amount() != null) {
			header.add("amount");
		}
		if (result.isShare()) {
			header.add("numerator");
			header.add("denominator");
		}
		return header;
	}

	/** Every row after the header, the total last. */
	public static List<List<String>> rows(StatsResult result) {
		List<List<String>> rows = new ArrayList<>();
		for (Row row : result.rows()) {
			List<String> cells = new ArrayList<>();
			row.values().forEach(value -> cells.add((value != null) ? value : ""));
			cells.addAll(figure(result, row.figure()));
			rows.add(cells);
		}
		List<String> total = new ArrayList<>();
		result.dimensions().forEach(d -> total.add("total"));
		total.addAll(figure(result, result.total()));
		rows.add(total);
		return rows;
	}

	private static List<String> figure(StatsResult result, Figure figure) {
		List<String> cells = new ArrayList<>();
		if (result.isShare()) {
			cells.add((figure.rate() != null) ? String.format(Locale.ROOT, "%.4f", figure.rate()) : "");
		}
		else {
			cells.add(Long.toString(figure.value()));
		}
		if (result.metric().amount() != null) {
			cells.add(Long.toString(figure.amount()));
		}
		if (result.isShare()) {
			cells.add(Long.toString(figure.numerator()));
			cells.add(Long.toString(figure.denominator()));
		}
		return cells;
	}

	/**
	 * The figures as CSV (RFC 4180). A cell a spreadsheet would read as a formula (it
	 * starts with {@code = + - @}, a tab or a carriage return) is prefixed with an
	 * apostrophe, so that a value someone entered in a record can never run in the
	 * reader's spreadsheet.
	 */
	public static void csv(StatsResult result, Appendable out) {
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			printer.printRecord(header(result).stream().map(StatsFormat::neutralised).toList());
			for (List<String> row : rows(result)) {
				printer.printRecord(row.stream().map(StatsFormat::neutralised).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code cell}, made inert for spreadsheets. */
	static String neutralised(String cell) {
		return (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

	/** The figures as a text table with aligned columns, for a terminal. */
	public static String table(StatsResult result) {
		List<List<String>> lines = new ArrayList<>();
		lines.add(header(result));
		lines.addAll(rows(result));
		int[] widths = new int[lines.get(0).size()];
		for (List<String> line : lines) {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (int n = 0; n < lines.size(); n++) {
			List<String> line = lines.get(n);
			for (int i = 0; i < line.size(); i++) {
				boolean number = i >= result.dimensions().size();
				String cell = line.get(i);
				String pad = " ".repeat(widths[i] - cell.length());
				text.append(number ? pad + cell : cell + pad).append((i + 1 < line.size()) ? "  " : "");
			}
			text.append('\n');
			if (n == 0 || n == lines.size() - 2) {
				for (int i = 0; i < widths.length; i++) {
					text.append("-".repeat(widths[i])).append((i + 1 < widths.length) ? "  " : "");
				}
				text.append('\n');
			}
		}
		return text.toString();
	}

}
