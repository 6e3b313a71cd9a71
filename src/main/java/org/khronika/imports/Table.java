package org.khronika.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A table read row by row, never whole: CSV or the first sheet of an XLSX workbook.
 */
interface Table extends AutoCloseable {

	/** How many of a file's columns a message names. */
	int COLUMNS_SHOWN = 30;

	/** How much of a column's name a message shows. */
	int COLUMN_NAME_SHOWN = 60;

	/**
	 * A row as the file has it: its row number (the header is row 1) and its cells by
	 * column.
	 */
	record Row(long number, Map<String, String> cells) {

		boolean isBlank() {
			return this.cells.values().stream().allMatch(String::isBlank);
		}

	}

	/** The column names of the header row, stripped. */
	List<String> header();

	/**
	 * Hands every data row, in order, to {@code consumer}.
	 * @throws ImportFailure naming the row where the file breaks
	 */
	void forEachRow(Consumer<Row> consumer);

	/** How much of the file has been read, from 0 to 1, or NaN if it cannot be told. */
	double progress();

	@Override
	void close();

	/**
	 * Opens {@code file} as XLSX if it is a ZIP archive, else as CSV; an old Excel
	 * workbook (.xls) is refused, saying so.
	 * @throws ImportFailure if it cannot be read
	 */
	static Table open(ImportFile file) {
		byte[] magic;
		try (InputStream in = file.open()) {
			magic = in.readNBytes(4);
		}
		catch (IOException ex) {
			throw new ImportFailure("import.unreadable");
		}
		boolean zip = magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		// an old Excel workbook (.xls) is an OLE2 compound file
		boolean oldExcel = magic.length == 4 && (magic[0] & 0xff) == 0xD0 && (magic[1] & 0xff) == 0xCF
				&& magic[2] == 0x11 && (magic[3] & 0xff) == 0xE0;
		if (oldExcel) {
			throw new ImportFailure("import.xls");
		}
		return zip ? XlsxTable.open(file) : CsvTable.open(file);
	}

	/**
	 * The columns of {@code header} as a message names them: the first
	 * {@value #COLUMNS_SHOWN}, each cut to {@value #COLUMN_NAME_SHOWN} characters,
	 * control characters as spaces (a header that is not one, such as a file's first row
	 * of data, is not copied whole into a page).
	 */
	static String shown(List<String> header) {
		List<String> names = header.stream()
			.limit(COLUMNS_SHOWN)
			.map(name -> name.replaceAll("\\p{Cntrl}", " ").strip())
			.map(name -> (name.codePointCount(0, name.length()) > COLUMN_NAME_SHOWN)
					? name.substring(0, name.offsetByCodePoints(0, COLUMN_NAME_SHOWN)) + "…" : name)
			.toList();
		return String.join(", ", names) + ((header.size() > COLUMNS_SHOWN) ? ", …" : "");
	}

	/** The columns of {@code wanted} that {@code header} lacks. */
	static List<String> missing(List<String> header, List<String> wanted) {
		List<String> missing = new ArrayList<>();
		for (String column : wanted) {
			if (!header.contains(column)) {
				missing.add(column);
			}
		}
		return missing;
	}

}
