package org.khronika.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A list (of records, of search results) as a file to take away: its columns and the
 * cells the reader saw, in CSV (UTF-8 with a byte order mark, so that spreadsheets read
 * Cyrillic) or XLSX. Built in memory: nothing a reader may see is written to a temporary
 * file.
 */
public final class ListExport {

	/** The formats a list exports to. */
	public enum Format {

		CSV("csv", "text/csv; charset=UTF-8"),
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		/** The file name's ending. */
		public String extension() {
			return this.extension;
		}

		public String contentType() {
			return this.contentType;
		}

		public static java.util.Optional<Format> of(String extension) {
			return java.util.Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
		}

	}

	/**
	 * The most rows one file holds unless {@code khronika.export.most-rows} says
	 * otherwise: a file is built in memory, so a longer list is refused whole (never cut
	 * short) and narrowed first.
	 */
	public static final int MOST_ROWS = 20_000;

	/**
	 * The parameter that brings the reader back from a refused file to their list or
	 * search, which then says why and how to narrow it.
	 */
	public static final String REFUSED = "refused";

	private ListExport() {
	}

	public static byte[] write(Format format, List<String> columns, List<List<String>> rows) {
		try {
			return (format == Format.CSV) ? csv(columns, rows) : xlsx(columns, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] csv(List<String> columns, List<List<String>> rows) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			writer.write('\uFEFF');
			printer.printRecord(columns);
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(ListExport::inert).toList());
			}
		}
		return bytes.toByteArray();
	}

	/**
	 * A cell a spreadsheet will not run as a formula: text that begins with {@code =},
	 * {@code +}, {@code -}, {@code @} or a control character gets a leading apostrophe.
	 * Names and notes come from the public report form, too.
	 */
	public static String inert(String cell) {
		return (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
	}

	private static byte[] xlsx(List<String> columns, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Khronika");
			write(sheet.createRow(0), columns);
			for (int i = 0; i < rows.size(); i++) {
				write(sheet.createRow(i + 1), rows.get(i));
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			workbook.write(bytes);
			return bytes.toByteArray();
		}
	}

	/** Every cell as text: a spreadsheet never evaluates it. */
	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(cells.get(i));
		}
	}

}
