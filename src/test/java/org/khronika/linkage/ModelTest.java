package org.khronika.linkage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.khronika.catalog.Catalog;
import org.khronika.search.NameKeys;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTest {

	private static final NameKeys NAMES = new NameKeys(Catalog.load().givenNames());

	/**
	 * The model of {@code records} as a run estimates it: their values counted, then m
	 * and the prior estimated from the comparisons of the candidate pairs.
	 */
	private static Model estimate(List<PersonRecord> records, List<Comparison.Result> compared) {
		Model counting = Model.counting(records);
		return counting.estimated(compared.stream().mapToInt(Model::pack).toArray(),
				compared.stream().mapToDouble(counting::agreedLogU).toArray());
	}

	@Test
	void thePriorsAreProbabilitiesForEveryLevelOfEveryField() {
		for (Comparison.Field field : Comparison.Field.values()) {
			double[] levels = Model.M_PRIOR[field.ordinal()];
			assertThat(levels).as(field.name()).hasSize(field.levels.size());
			double sum = 0;
			for (double level : levels) {
				sum += level;
			}
			assertThat(sum).as(field.name()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		}
	}

	@Test
	void agreeingOnARareValueWeighsMoreThanAgreeingOnACommonOne() {
		List<PersonRecord> records = new ArrayList<>();
		// a registry where Иванов and Александр are common, Клоков and Фёдор rare, and
		// 1987 the year of many
		for (int i = 0; i < 300; i++) {
			records.add(record("i" + i, "Иванов Александр", 1987));
		}
		for (int i = 0; i < 300; i++) {
			records.add(record("s" + i, "Смирнов Пётр", 1950 + i % 40));
		}
		PersonRecord klokov = record("k1", "Клоков Фёдор", 1961);
		PersonRecord klokovAgain = record("k2", "Klokov Fedor", 1961);
		records.add(klokov);
		records.add(klokovAgain);
		Model model = estimate(records, List.of());

		Comparison.Result rare = Comparison.of(klokov, klokovAgain);
		Comparison.Result common = Comparison.of(records.get(0), records.get(1));

		assertThat(rare.is(Comparison.Field.SURNAME, "same")).isTrue();
		assertThat(common.is(Comparison.Field.SURNAME, "same")).isTrue();
		for (Comparison.Field field : List.of(Comparison.Field.SURNAME, Comparison.Field.GIVEN,
				Comparison.Field.BIRTH_YEAR)) {
			assertThat(model.weight(rare, field)).as(field.name()).isGreaterThan(model.weight(common, field));
		}
		assertThat(model.probability(rare)).isGreaterThan(model.probability(common));
	}

	@Test
	void howCommonAValueIsIsCountedWithoutThePairsOwnTwoRecords() {
		// the pair's own records are no evidence that someone else holds its value: a
		// surname only the pair holds is rarer, by one record's worth, than one a third
		// record holds as well; counted with the pair, it would be log2(4/3)
		List<PersonRecord> records = petrovs(200, "Борис", "Виктор");
		PersonRecord klokov = record("k1", "Клоков Глеб", null);
		PersonRecord klokovAgain = record("k2", "Klokov Gleb", null);
		PersonRecord sokolov = record("s1", "Соколов Глеб", null);
		PersonRecord sokolovAgain = record("s2", "Sokolov Gleb", null);
		PersonRecord anotherSokolov = record("s3", "Соколов Денис", null);
		records.addAll(List.of(klokov, klokovAgain, sokolov, sokolovAgain, anotherSokolov));
		Model model = estimate(records, List.of());

		// shrunk towards a typical surname's one in a thousand over 1,000 records' worth,
		// the two shares among the others are (0 + 1) / 1205 and (1 + 1) / 1205
		assertThat(model.weight(Comparison.of(klokov, klokovAgain), Comparison.Field.SURNAME)
				- model.weight(Comparison.of(sokolov, sokolovAgain), Comparison.Field.SURNAME))
			.isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aFamiliarFormAgreeingWithTheFullNameWeighsByHowRarelyTheNameIsWrittenSo() {
		// one in a hundred Александры is written Саша: records of two people meet at
		// the familiar level only where one of them is, so it weighs more than two
		// Александры, though fewer pairs of one person are written so (m 0.15 against
		// 0.55 before the data speak)
		List<PersonRecord> records = petrovs(98, "Александр");
		records.add(record("f", "Петров Саша", null));
		PersonRecord familiar = records.get(records.size() - 1);
		records.add(record("w", "Petrov Aleksandr", null));
		Model model = estimate(records, List.of());

		Comparison.Result throughTheFamiliarForm = Comparison.of(familiar, records.get(0));
		Comparison.Result writtenOut = Comparison.of(records.get(1), records.get(0));

		assertThat(throughTheFamiliarForm.is(Comparison.Field.GIVEN, "familiar")).isTrue();
		assertThat(writtenOut.is(Comparison.Field.GIVEN, "same")).isTrue();
		assertThat(model.weight(throughTheFamiliarForm, Comparison.Field.GIVEN))
			.isGreaterThan(model.weight(writtenOut, Comparison.Field.GIVEN) + 1);
	}

	@Test
	void anInitialThatAgreesIsEvidenceAndOneThatDiffersIsEvidenceAgainst() {
		List<PersonRecord> records = petrovs(200, "Александр", "Борис", "Виктор", "Глеб", "Денис");
		PersonRecord initial = record("a", "Клоков А.", null);
		PersonRecord written = record("b", "Клоков Александр", null);
		PersonRecord other = record("c", "Клоков Борис", null);
		records.addAll(List.of(initial, written, other));
		Model model = estimate(records, List.of());

		Comparison.Result agrees = Comparison.of(initial, written);
		Comparison.Result differs = Comparison.of(initial, other);

		assertThat(agrees.is(Comparison.Field.GIVEN, "initial")).isTrue();
		assertThat(model.weight(agrees, Comparison.Field.GIVEN)).isPositive();
		assertThat(differs.is(Comparison.Field.GIVEN, "different")).isTrue();
		assertThat(model.weight(differs, Comparison.Field.GIVEN)).isNegative();
	}

	@Test
	void whereFewRecordsAreWrittenWithInitialsAnAgreeingInitialSaysNoMoreThanTheRarityOfItsLetter() {
		// EM has no pairs compared by initials to go on: its prior alone would make an
		// initial weigh far more than the rarity of its letter says (7.7 bits here)
		List<PersonRecord> records = petrovs(300, "Александр", "Борис", "Виктор", "Глеб", "Денис", "Егор");
		PersonRecord initial = record("a", "Клоков А.", null);
		PersonRecord written = record("b", "Клоков Александр", null);
		PersonRecord again = record("c", "Klokov Aleksandr", null);
		records.addAll(List.of(initial, written, again));
		Model model = estimate(records, List.of());

		// А starts the given name of 53 of the 303 records, 51 besides the pair's two;
		// shrunk towards a typical initial's 6 % over 1,000 records' worth, its share
		// among the others is (51 + 60) / 1303
		double rarity = Math.log(1303.0 / 111) / Math.log(2);
		assertThat(model.weight(Comparison.of(initial, written), Comparison.Field.GIVEN))
			.isLessThanOrEqualTo(rarity + 1e-9)
			.isPositive();
	}

	@Test
	void theEstimateFindsTheMatchesAmongThePairsAndSaysSoWithItsProbabilities() {
		// 100 persons each written twice, once in Cyrillic and once in Latin letters,
		// with the year and region; every pair of records of one surname compared
		List<PersonRecord> records = new ArrayList<>();
		List<String> given = List.of("Александр", "Борис", "Виктор", "Глеб", "Денис", "Егор", "Иван", "Кирилл");
		List<String> surnames = List.of("Клоков", "Берёзов", "Дубров", "Тополев", "Рябинин");
		for (int i = 0; i < 100; i++) {
			String name = surnames.get(i % 5) + " " + given.get(i / 5 % 8);
			int year = 1950 + i;
			String region = "R" + (i % 7);
			records.add(new PersonRecord("p" + i + "a", Instant.EPOCH, List.of(PersonRecord.Name.of(name, NAMES)), year,
					region, Set.of()));
			records.add(new PersonRecord("p" + i + "b", Instant.EPOCH,
					List.of(PersonRecord.Name.of(NameKeys.latin(name), NAMES)), year, region, Set.of()));
		}
		List<Comparison.Result> pairs = new ArrayList<>();
		List<Boolean> same = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			for (int j = i + 1; j < records.size(); j++) {
				if (i % 10 == j % 10 || records.get(i).id().startsWith(records.get(j).id().replaceAll(".$", ""))) {
					Comparison.Result result = Comparison.of(records.get(i), records.get(j));
					if (!Linkage.relatives(result)) {
						pairs.add(result);
						same.add(records.get(i)
							.id()
							.replaceAll(".$", "")
							.equals(records.get(j).id().replaceAll(".$", "")));
					}
				}
			}
		}
		Model model = estimate(records, pairs);

		for (int k = 0; k < pairs.size(); k++) {
			double probability = model.probability(pairs.get(k));
			if (same.get(k)) {
				assertThat(probability).as("one person written twice").isGreaterThan(Linkage.THRESHOLD);
			}
			else {
				assertThat(probability).as("two people").isLessThan(0.5);
			}
		}
	}

	@Test
	void aComparisonPackedIntoNumbersKeepsItsLevelsAndWeighsTheSame() {
		// a run keeps each of its millions of pairs as a number and the log2 u of the
		// values it agrees on; the model must read them as it reads the comparison
		List<PersonRecord> records = petrovs(100, "Александр", "Борис");
		records.addAll(List.of(record("a", "Клоков Саша Игоревич", 1987), record("b", "Klokov Aleksandr I.", 1988),
				record("c", "Клоков А.", null), record("d", "Клоков Борис Игоревич", 1961)));
		Model model = estimate(records, List.of());
		Model counting = Model.counting(records);
		List<PersonRecord> klokovs = records.subList(100, 104);
		for (PersonRecord one : klokovs) {
			for (PersonRecord other : klokovs) {
				if (one == other) {
					continue;
				}
				Comparison.Result result = Comparison.of(one, other);
				int packed = Model.pack(result);
				for (Comparison.Field field : Comparison.Field.values()) {
					assertThat(Model.level(packed, field)).as(field.name()).isEqualTo(result.level(field));
				}
				assertThat(model.probability(packed, counting.agreedLogU(result))).as(one.id() + " and " + other.id())
					.isCloseTo(model.probability(result), org.assertj.core.data.Offset.offset(1e-12));
			}
		}
	}

	@Test
	void everyCombinationOfLevelsFitsTheTwelveBitsAPackedComparisonGivesThem() {
		// above the twelve bits are the fields that agree on a value: a level added to a
		// field must not carry into them
		int combinations = 1;
		for (Comparison.Field field : Comparison.Field.values()) {
			combinations *= field.levels.size();
		}
		assertThat(combinations).isLessThanOrEqualTo(1 << 12);
	}

	@Test
	void aNamesFullNamesAndInitialsKeepTheCatalogsOrderSoThatEveryRunChoosesAlike() {
		// a comparison takes the first full name two familiar forms share (Саша and Шура:
		// Александр or Александра): an order that changed from one start to the next
		// would change a run's proposals
		PersonRecord.Name sasha = PersonRecord.Name.of("Клоков Саша", NAMES);

		assertThat(sasha.givenFullKeys()).containsExactlyElementsOf(NAMES.fullNameFineKeys("Саша"));
		assertThat(sasha.givenFullKeys()).hasSizeGreaterThan(1);
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

	/** {@code count} Петровы, their given names in turn, born over fifty years. */
	private static List<PersonRecord> petrovs(int count, String... given) {
		List<PersonRecord> records = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			records.add(record("r" + i, "Петров " + given[i % given.length], 1950 + i % 50));
		}
		return records;
	}

	private static PersonRecord record(String id, String name, Integer year) {
		return new PersonRecord(id, Instant.EPOCH, List.of(PersonRecord.Name.of(name, NAMES)), year, null, Set.of());
	}

}
