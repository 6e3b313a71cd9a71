package org.khronika.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatedTitleTest {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

	@Test
	void aTitleIsSplitAroundTheDayItShows() {
		assertThat(DatedTitle.of("Задержание · 4 мар. 2025 г.", DAY, "4 мар. 2025 г."))
			.isEqualTo(new DatedTitle("Задержание · ", "4 мар. 2025 г.", "", "2025-03-04"));
		assertThat(DatedTitle.of("4 мар. 2025 г. · Митинг · Москва", DAY, "4 мар. 2025 г."))
			.isEqualTo(new DatedTitle("", "4 мар. 2025 г.", " · Митинг · Москва", "2025-03-04"));
	}

	@Test
	void aTitleThatShowsNoDayIsWhole() {
		assertThat(DatedTitle.of("Клоков Александр", null, null))
			.isEqualTo(new DatedTitle("Клоков Александр", null, "", null));
		assertThat(DatedTitle.of("Задержание (дело скрыто)", DAY, "4 мар. 2025 г.")).as("its day not in the words")
			.isEqualTo(new DatedTitle("Задержание (дело скрыто)", null, "", null));
	}

}
