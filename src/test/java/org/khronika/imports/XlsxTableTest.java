package org.khronika.imports;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workbooks as the fuzzer left them: read, or refused with a message. */
class XlsxTableTest {

	@Test
	void theFuzzersSeedWorkbookReadsItsHeaderAndRows() throws IOException {
		try (XlsxTable table = XlsxTable.open(resource("small.xlsx"))) {
			java.util.List<Table.Row> rows = new java.util.ArrayList<>();
			table.forEachRow(rows::add);

			assertThat(table.header()).containsExactly("date", "region", "detained");
			assertThat(rows.get(0).cells()).containsEntry("region", "moscow");
		}
	}

	@Test
	void anEntryCompressedWithACodecKhronikaDoesNotShipIsRefusedAsNotAWorkbook() throws IOException {
		// found by XlsxFuzzer: a zip entry that claims Zstandard made Commons Compress
		// throw NoClassDefFoundError
		ImportFile file = resource("finding-zstd-entry.xlsx");

		assertThatThrownBy(() -> XlsxTable.open(file).close()).isInstanceOf(ImportFailure.class)
			.hasMessageContaining("not a readable XLSX workbook: it is compressed in a way spreadsheets do not use");
	}

	private static ImportFile resource(String name) throws IOException {
		try (InputStream in = XlsxTableTest.class.getResourceAsStream("/fuzz/XlsxFuzzer/" + name)) {
			return ImportFile.of(name, in.readAllBytes());
		}
	}

}
