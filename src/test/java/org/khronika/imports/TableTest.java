package org.khronika.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file that is not a table Khronika reads is refused saying what it is and what to do,
 * and a message that names a file's columns shows them, not whatever the file's first row
 * holds.
 */
class TableTest {

	@Test
	void anOldExcelWorkbookIsNamedAndAskedForAsXlsxOrCsv() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };

		assertThatThrownBy(() -> Table.open(ImportFile.of("incidents.xls", xls)).close())
			.isInstanceOf(ImportFailure.class)
			.hasMessage("the file is an old Excel workbook (.xls); save it as XLSX or CSV");
	}

	@Test
	void bytesNoTextHoldsAreRefusedRatherThanReadAsOneRowOfColumns() {
		byte[] binary = new byte[400];
		for (int i = 0; i < binary.length; i++) {
			binary[i] = (byte) (i % 4 == 3 ? 0xFF : i % 4);
		}

		assertThatThrownBy(() -> Table.open(ImportFile.of("photo.csv", binary)).close())
			.isInstanceOf(ImportFailure.class)
			.hasMessageStartingWith("the file is not a table in text");
	}

	@Test
	void aFileTheSystemWillNotReadIsRefusedInWordsNotAJavaName(@TempDir Path directory) {
		// a directory opens as a stream on Linux, and its first read fails
		assertThatThrownBy(() -> Table.open(ImportFile.of(directory)).close()).isInstanceOf(ImportFailure.class)
			.hasMessage("cannot read the file: the system refused it (its permissions, or a disk error); "
					+ "nothing was written");
	}

	@Test
	void aMessageNamesAtMostThirtyColumnsEachCutShortWithoutControlCharacters() {
		List<String> header = new ArrayList<>();
		header.add("date\u0007");
		header.add("x".repeat(200));
		header.add("😀".repeat(61));
		for (int i = 0; i < 40; i++) {
			header.add("c" + i);
		}

		String shown = Table.shown(header);

		assertThat(shown).startsWith("date, " + "x".repeat(60) + "…, " + "😀".repeat(60) + "…, c0, c1")
			.contains("c26")
			.doesNotContain("c27")
			.endsWith(", …")
			.doesNotContain("\u0007");
		assertThat(Table.shown(List.of("date", "region"))).isEqualTo("date, region");
	}

}
