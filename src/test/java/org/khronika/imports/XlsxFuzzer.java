package org.khronika.imports;

/**
 * Fuzz target (Jazzer, run by {@code FuzzIT}): any bytes as an uploaded XLSX workbook.
 * Reading it either works or ends in an {@link ImportFailure}; any other exception is a
 * finding.
 */
public final class XlsxFuzzer {

	private XlsxFuzzer() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		try (XlsxTable table = XlsxTable.open(ImportFile.of("fuzz.xlsx", data))) {
			table.header();
			table.forEachRow(row -> row.cells().size());
		}
		catch (ImportFailure expected) {
			// bad input, told as such
		}
	}

}
