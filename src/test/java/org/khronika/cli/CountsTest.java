package org.khronika.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands' counts take the noun's number: one row, not "1 rows".
 */
class CountsTest {

	@Test
	void oneTakesTheSingular() {
		assertThat(Counts.of(1, "row read", "rows read")).isEqualTo("1 row read");
	}

	@Test
	void noneAndManyTakeThePlural() {
		assertThat(Counts.of(0, "proposal", "proposals")).isEqualTo("0 proposals");
		assertThat(Counts.of(2, "proposal", "proposals")).isEqualTo("2 proposals");
		assertThat(Counts.of(21, "proposal", "proposals")).as("English has no 'twenty-one' singular")
			.isEqualTo("21 proposals");
	}

	@Test
	void thousandsAreGroupedWhateverTheMachinesLanguage() {
		java.util.Locale before = java.util.Locale.getDefault();
		java.util.Locale.setDefault(java.util.Locale.GERMANY);
		try {
			assertThat(Counts.of(1_234_567, "row", "rows")).isEqualTo("1,234,567 rows");
		}
		finally {
			java.util.Locale.setDefault(before);
		}
	}

}
