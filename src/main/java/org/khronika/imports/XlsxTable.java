package org.khronika.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read as a stream of rows with Apache POI's event
 * API (the sheet is never loaded whole). Cells come as the spreadsheet shows them, except
 * dates, which come as ISO dates ({@code 2012-05-06}); formulas give their cached result,
 * never the formula.
 */
final class XlsxTable implements Table {

	private final ImportFile file;

	private final List<String> header;

	private XlsxTable(ImportFile file, List<String> header) {
		this.file = file;
		this.header = header;
	}

	static XlsxTable open(ImportFile file) {
		List<String> header = new ArrayList<>();
		read(file, (number, cells) -> {
			if (number == 1) {
				cells.values().forEach(value -> header.add(value.strip()));
				throw new Stop();
			}
		});
		if (header.isEmpty()) {
			throw new ImportFailure("import.xlsxNoHeader");
		}
		return new XlsxTable(file, List.copyOf(header));
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public void forEachRow(Consumer<Row> consumer) {
		read(this.file, (number, cells) -> {
			if (number > 1) {
				Map<String, String> named = new LinkedHashMap<>();
				for (int i = 0; i < this.header.size(); i++) {
					named.put(this.header.get(i), cells.getOrDefault(i, ""));
				}
				consumer.accept(new Row(number, named));
			}
		});
	}

	@Override
	public double progress() {
		return Double.NaN;
	}

	@Override
	public void close() {
		// each pass opens and closes the package itself
	}

	/** Receives each row: its number (1-based) and its cells by column index. */
	private interface RowSink {

		void row(long number, Map<Integer, String> cells);

	}

	/** Ends a read early, once the header is known. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	private static void read(ImportFile file, RowSink sink) {
		try (OPCPackage pkg = file.path().isPresent() ? OPCPackage.open(file.path().get().toFile(), PackageAccess.READ)
				: OPCPackage.open(file.open())) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new ImportFailure("import.xlsxNoSheet");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (Stop stop) {
			// the header was all that was wanted
		}
		catch (ImportFailure failure) {
			throw failure;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new ImportFailure("import.notXlsx");
		}
		catch (NoClassDefFoundError ex) {
			// a zip entry that claims a compression Khronika ships no codec for
			// (Zstandard,
			// XZ): Commons Compress reaches for the missing library. Found by XlsxFuzzer.
			throw new ImportFailure("import.xlsxCompression");
		}
	}

	/** Collects a row's cells, filling the columns left empty. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowSink sink;

		private Map<Integer, String> cells;

		Rows(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new LinkedHashMap<>();
		}

		@Override
		public void endRow(int rowNum) {
			this.sink.row(rowNum + 1L, this.cells);
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			if (reference != null && formattedValue != null) {
				if (formattedValue.length() > CsvTable.MAX_ROW_CHARS) {
					throw new ImportFailure("import.cellTooLong", reference, CsvTable.MAX_ROW_CHARS);
				}
				this.cells.put((int) new CellReference(reference).getCol(), formattedValue);
			}
		}

	}

	/**
	 * Shows date cells as ISO dates, whatever the sheet's format; other cells as shown.
	 */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime date = DateUtil.getLocalDateTime(value);
				return date.toLocalDate().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
