package org.khronika.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.imports.Table.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading CSV as people save it: any encoding we meet, any delimiter, any line ending.
 */
class CsvTableTest {

	private static List<Row> rows(byte[] bytes) {
		try (CsvTable table = CsvTable.open(ImportFile.of("t.csv", bytes))) {
			List<Row> rows = new ArrayList<>();
			table.forEachRow(rows::add);
			return rows;
		}
	}

	private static byte[] bytes(String text, Charset charset) {
		return text.getBytes(charset);
	}

	@Test
	void aUtf8FileWithCommasGivesItsRowsNumberedAsASpreadsheetShowsThem() {
		List<Row> rows = rows(
				bytes("date,place\n06.05.2012,Болотная\n\n12.06.2012,Сахарова\n", StandardCharsets.UTF_8));

		assertThat(rows).extracting(Row::number)
			.as("the header is row 1; a blank line is a blank row")
			.containsExactly(2L, 3L, 4L);
		assertThat(rows.get(1).isBlank()).isTrue();
		assertThat(rows.get(0).cells()).isEqualTo(Map.of("date", "06.05.2012", "place", "Болотная"));
	}

	@Test
	void windows1251WithSemicolonsAndCrLfIsRecognised() {
		try (CsvTable table = CsvTable
			.open(ImportFile.of("t.csv", bytes("дата;место\r\n06.05.2012;Болотная\r\n", CsvTable.WINDOWS_1251)))) {
			assertThat(table.charset()).isEqualTo(CsvTable.WINDOWS_1251);
			assertThat(table.delimiter()).isEqualTo(';');
			assertThat(table.header()).containsExactly("дата", "место");
		}
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
		byte[] text = bytes("id,name\n1,Анна\n", StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);

		assertThat(rows(withBom).get(0).cells()).containsEntry("id", "1");
	}

	@Test
	void aQuotedCellMayHoldDelimitersAndLineBreaks() {
		List<Row> rows = rows(bytes("id,note\n1,\"one, two\nthree\"\n2,x\n", StandardCharsets.UTF_8));

		assertThat(rows.get(0).cells()).containsEntry("note", "one, two\nthree");
		assertThat(rows.get(1).number()).as("a cell's line break does not start a row").isEqualTo(3);
	}

	@Test
	void theDelimiterIsTheCommonestOutsideQuotes() {
		assertThat(CsvTable.delimiter("\"a;b\",c,d")).isEqualTo(',');
		assertThat(CsvTable.delimiter("a\tb\tc")).isEqualTo('\t');
		assertThat(CsvTable.delimiter("a|b")).isEqualTo('|');
		assertThat(CsvTable.delimiter("single")).as("one column").isEqualTo(',');
	}

	@Test
	void aUtf8CharacterCutAtTheEndOfTheSniffedPrefixIsStillUtf8() {
		byte[] cut = "Москва".getBytes(StandardCharsets.UTF_8);
		byte[] prefix = java.util.Arrays.copyOf(cut, cut.length - 1);

		assertThat(CsvTable.isUtf8(prefix, false)).isTrue();
		assertThat(CsvTable.isUtf8(prefix, true)).as("the whole file cannot end mid-character").isFalse();
		assertThat(CsvTable.isUtf8("Москва".getBytes(CsvTable.WINDOWS_1251), true)).isFalse();
	}

	@Test
	void utf16AndAnUnclosedQuoteAreRefusedWithWhatAndWhere() {
		assertThatThrownBy(() -> rows(new byte[] { (byte) 0xFF, (byte) 0xFE, 'i', 0, 'd', 0 }))
			.isInstanceOf(ImportFailure.class)
			.satisfies(ex -> assertThat(((ImportFailure) ex).what().key()).isEqualTo("import.utf16"));
		assertThatThrownBy(() -> rows(bytes("id,note\n1,ok\n2,\"never closed\n3,x\n", StandardCharsets.UTF_8)))
			.isInstanceOf(ImportFailure.class)
			.satisfies(ex -> assertThat(((ImportFailure) ex).what().key()).isEqualTo("import.breaksAfterRow"))
			.hasMessageContaining("breaks after row 2")
			.hasMessageNotContaining("never closed");
	}

}
