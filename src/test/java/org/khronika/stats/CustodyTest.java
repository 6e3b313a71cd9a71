package org.khronika.stats;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.khronika.stats.Custody.Event;
import org.khronika.stats.Custody.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The custody rule of the {@code in-custody} measure, day by day. */
class CustodyTest {

	private static final LocalDate MARCH_6 = LocalDate.of(2025, 3, 6);

	private static final Event REMAND = new Event("measure-of-restraint", MARCH_6, "custody", LocalDate.of(2025, 5, 4));

	private static Status on(LocalDate day, Event... events) {
		return Custody.on(List.of(events), null, null, day);
	}

	@Test
	void custodyRunsFromTheMeasureUntilTheDateTheCourtSet() {
		assertThat(on(MARCH_6.minusDays(1), REMAND)).isEqualTo(Status.FREE);
		assertThat(on(MARCH_6, REMAND)).isEqualTo(new Status(true, false));
		assertThat(on(LocalDate.of(2025, 5, 4), REMAND)).as("the last day").isEqualTo(new Status(true, false));
	}

	@Test
	void aTermThatRanOutWithNothingRecordedSinceIsNotCustodyAndIsFlagged() {
		assertThat(on(LocalDate.of(2025, 5, 5), REMAND)).isEqualTo(new Status(false, true));
	}

	@Test
	void anExtensionMovesTheEndAndAnotherMeasureEndsCustody() {
		Event extended = new Event("extension", LocalDate.of(2025, 4, 30), "custody", LocalDate.of(2025, 8, 4));
		Event houseArrest = new Event("extension", LocalDate.of(2025, 8, 1), "house-arrest", LocalDate.of(2025, 11, 1));

		assertThat(on(LocalDate.of(2025, 6, 1), REMAND, extended)).isEqualTo(new Status(true, false));
		assertThat(on(LocalDate.of(2025, 8, 2), houseArrest, extended, REMAND)).as("in any order given")
			.isEqualTo(Status.FREE);
	}

	@Test
	void aReleaseEndsCustodyFromItsDay() {
		Event release = new Event("release", LocalDate.of(2025, 4, 1), null, null);

		assertThat(on(LocalDate.of(2025, 3, 31), REMAND, release)).isEqualTo(new Status(true, false));
		assertThat(on(LocalDate.of(2025, 4, 1), REMAND, release)).isEqualTo(Status.FREE);
		assertThat(on(LocalDate.of(2025, 6, 1), REMAND, release)).as("a release is no gap: nothing flagged")
			.isEqualTo(Status.FREE);
	}

	@Test
	void aPrisonSentenceHoldsForItsMonthsFromTheVerdictAndOtherOutcomesRelease() {
		Event verdict = new Event("verdict", LocalDate.of(2025, 4, 20), null, null);
		List<Event> events = List.of(REMAND, verdict);

		assertThat(Custody.on(events, "sentence-real", 24, LocalDate.of(2027, 4, 20)))
			.isEqualTo(new Status(true, false));
		assertThat(Custody.on(events, "sentence-real", 24, LocalDate.of(2027, 4, 21))).as("served: no gap")
			.isEqualTo(Status.FREE);
		assertThat(Custody.on(events, "sentence-real", null, LocalDate.of(2040, 1, 1)))
			.as("a sentence of unknown length has no end")
			.isEqualTo(new Status(true, false));
		assertThat(Custody.on(events, "sentence-suspended", 24, LocalDate.of(2025, 4, 21))).isEqualTo(Status.FREE);
		assertThat(Custody.on(events, "acquittal", null, LocalDate.of(2025, 4, 21))).isEqualTo(Status.FREE);
	}

	@Test
	void houseArrestIsNotCustody() {
		Event houseArrest = new Event("measure-of-restraint", MARCH_6, "house-arrest", LocalDate.of(2025, 5, 4));

		assertThat(on(LocalDate.of(2025, 4, 1), houseArrest)).isEqualTo(Status.FREE);
		assertThat(on(LocalDate.of(2025, 6, 1), houseArrest)).as("its lapse is no custody gap").isEqualTo(Status.FREE);
	}

	@Test
	void eventsOnTheSameDayApplyInTheOrderTheyHappen() {
		Event release = new Event("release", MARCH_6, null, null);

		assertThat(on(MARCH_6, release, REMAND)).as("remanded, then released the same day").isEqualTo(Status.FREE);
	}

}
