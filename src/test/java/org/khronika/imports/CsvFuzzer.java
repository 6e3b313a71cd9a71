package org.khronika.imports;

/**
 * Fuzz target (Jazzer, run by {@code FuzzIT}): any bytes as an uploaded CSV file. Opening
 * it and reading every row either works or ends in an {@link ImportFailure} naming what
 * is wrong; any other exception is a finding.
 */
public final class CsvFuzzer {

	private CsvFuzzer() {
	}

	public static void fuzzerTestOneInput(byte[] data) {
		try (CsvTable table = CsvTable.open(ImportFile.of("fuzz.csv", data))) {
			table.header();
			table.forEachRow(row -> row.cells().size());
		}
		catch (ImportFailure expected) {
			// bad input, told as such
		}
	}

}
