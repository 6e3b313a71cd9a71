package org.khronika.linkage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTest {

	@Test
	void thePriorsAreProbabilitiesForEveryLevelOfEveryField() {
		for (Comparison.Field field : Comparison.Field.values()) {
			for (double[][] prior : new double[][][] { Model.M_PRIOR, Model.U_PRIOR }) {
				double[] levels = prior[field.ordinal()];
				assertThat(levels).as(field.name()).hasSize(field.levels.size());
				double sum = 0;
				for (double level : levels) {
					sum += level;
				}
				assertThat(sum).as(field.name()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
			}
		}
	}

	@Test
	void aRareSurnameWeighsMoreThanACommonOne() {
		Comparison.Result agreeing = new Comparison.Result(new int[] { 2, 3, 3, 2, 1, 2 }, java.util.List.of(), "klkv");
		Comparison.Result common = new Comparison.Result(new int[] { 2, 3, 3, 2, 1, 2 }, java.util.List.of(), "vnv");
		Model model = Model.estimate(java.util.List.of(), java.util.Map.of("klkv", 2, "vnv", 2000), 100_000);

		assertThat(model.weight(agreeing)).isGreaterThan(model.weight(common));
	}

	@Test
	void withFewPairsThePriorDecidesAndAgreementOnEverythingIsAMatch() {
		Comparison.Result agreeing = new Comparison.Result(new int[] { 2, 3, 2, 2, 1, 1 }, java.util.List.of(), "klkv");
		Model model = Model.estimate(java.util.List.of(agreeing.levels()), java.util.Map.of("klkv", 2), 2);

		assertThat(model.probability(agreeing)).isGreaterThan(Linkage.THRESHOLD);
	}

	@Test
	void oneEditApartIsCountedWithSwapsAndNothingMore() {
		assertThat(Comparison.withinOneEdit("klkv", "klkv")).isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "lkkv")).as("a swap").isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "klv")).as("a letter left out").isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "klmkv")).as("one added").isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "klmv")).as("one changed").isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "klvk")).as("a swap at the end").isTrue();
		assertThat(Comparison.withinOneEdit("klkv", "krnv")).isFalse();
		assertThat(Comparison.withinOneEdit("klkvab", "klkvba")).as("a swap").isTrue();
		assertThat(Comparison.withinOneEdit("klkvab", "klkvcd")).isFalse();
		assertThat(Comparison.withinOneEdit("klkv", "kl")).isFalse();
		assertThat(Comparison.withinOneEdit("klkv", "xklkvx")).isFalse();
	}

}
