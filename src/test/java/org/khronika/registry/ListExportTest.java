package org.khronika.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a list's file says, and that no cell of it runs as a spreadsheet formula. */
class ListExportTest {

	@Test
	void aCellThatASpreadsheetWouldRunAsAFormulaIsKeptAsText() {
		assertThat(ListExport.inert("=HYPERLINK(\"http://example.org\")"))
			.isEqualTo("'=HYPERLINK(\"http://example.org\")");
		assertThat(ListExport.inert("+7 900")).isEqualTo("'+7 900");
		assertThat(ListExport.inert("-1")).isEqualTo("'-1");
		assertThat(ListExport.inert("@sum")).isEqualTo("'@sum");
		assertThat(ListExport.inert("Клоков Александр")).isEqualTo("Клоков Александр");
		assertThat(ListExport.inert("")).isEmpty();
	}

	@Test
	void csvIsUtf8WithAByteOrderMarkAndQuotesWhatNeedsIt() {
		String csv = new String(
				ListExport.write(ListExport.Format.CSV, List.of("Имя", "Регион"),
						List.of(List.of("Клоков, Александр", "=cmd"), List.of("Anna \"Ann\"", "Москва"))),
				StandardCharsets.UTF_8);

		assertThat(csv).isEqualTo("\uFEFFИмя,Регион\r\n\"Клоков, Александр\",'=cmd\r\n\"Anna \"\"Ann\"\"\",Москва\r\n");
	}

}
