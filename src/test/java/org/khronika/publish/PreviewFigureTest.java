package org.khronika.publish;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview printed by {@code publish preview}: a figure's code and title, its note,
 * then its table with the names to the left and the counts to the right, each column as
 * wide as its widest cell.
 */
class PreviewFigureTest {

	@Test
	void aFigurePrintsAsItsTitleItsNoteAndAnAlignedTable() {
		PreviewFigure figure = new PreviewFigure("cases-by-year", "Дела по годам",
				"Числа от 1 до 4 показаны как «< 5», числа рядом с ними — «x».", List.of("", "2024", "2025", "итого"),
				List.of(List.of("Москва", "1\u00a0234", "< 5", "1\u00a0240"),
						List.of("Тверская область", "x", "7", "x")),
				List.of("итого", "1\u00a0240", "x", "1\u00a0300"));

		assertThat(figure.lines()).containsExactly("== cases-by-year: Дела по годам",
				"Числа от 1 до 4 показаны как «< 5», числа рядом с ними — «x».", "                   2024  2025  итого",
				"Москва            1\u00a0234   < 5  1\u00a0240", "Тверская область      x     7      x",
				"итого             1\u00a0240     x  1\u00a0300");
	}

	@Test
	void aFigureOfOneDimensionHasNoTotalsColumn() {
		PreviewFigure figure = new PreviewFigure("detained-by-year", "Detained by year", "Not suppressed.",
				List.of("", "Count"), List.of(List.of("2024", "16,500"), List.of("2025", "80")),
				List.of("Total", "16,580"));

		assertThat(figure.lines()).containsExactly("== detained-by-year: Detained by year", "Not suppressed.",
				"        Count", "2024   16,500", "2025       80", "Total  16,580");
	}

}
