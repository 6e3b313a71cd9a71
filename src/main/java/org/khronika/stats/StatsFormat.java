package org.khronika.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes figures as CSV and as a plain-text table, the same columns both ways, from their
 * {@link Tabulation}: the dimensions' value codes (empty where not stated, {@code n/a}
 * where the field does not apply), then the figure named after the measure, then what it
 * gives beside it. The last row is the total, its dimension cells {@code total}.
 */
public final class StatsFormat {

	/** Characters that make a spreadsheet read a cell as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private StatsFormat() {
	}

	/** The header row. */
	public static List<String> header(StatsResult result) {
		return Tabulation.of(result).header();
	}

	/** Every row after the header, the total last, its dimension cells {@code total}. */
	public static List<List<String>> rows(StatsResult result) {
		List<List<String>> rows = new ArrayList<>();
		for (Tabulation.Line line : Tabulation.of(result).lines()) {
			List<String> cells = new ArrayList<>();
			line.values().forEach(value -> cells.add(line.total() ? "total" : (value != null) ? value : ""));
			cells.addAll(Tabulation.figureCells(result.metric(), line.figure()));
			rows.add(cells);
		}
		return rows;
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
