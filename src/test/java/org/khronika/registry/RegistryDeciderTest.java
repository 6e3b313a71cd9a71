package org.khronika.registry;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryDeciderTest {

	private final PersonId person = new PersonId(UUID.randomUUID());

	@Test
	void evolveHandlesEveryEventType() {
		for (Class<?> eventClass : EventTypesTest.concreteEvents()) {
			RegistryEvent event = EventTypesTest.SAMPLES.values()
				.stream()
				.filter(e -> e.getClass() == eventClass)
				.findFirst()
				.orElseThrow();
			RecordState once = RecordState.evolve(null, event);
			RecordState twice = RecordState.evolve(once, event);

			assertThat(once.version()).as(eventClass.getSimpleName()).isEqualTo(1);
			assertThat(twice.version()).as(eventClass.getSimpleName()).isEqualTo(2);
		}
	}

	@Test
	void recordsANewRecordOnce() {
		Decision first = RegistryDecider.decide(new RegistryCommand.Record(this.person, EventTypesTest.PERSON_DETAILS),
				null);

		assertThat(first).isEqualTo(new Decision.Accepted(
				List.of(new RegistryEvent.PersonRecorded(this.person, EventTypesTest.PERSON_DETAILS))));
		RecordState state = RecordState.evolve(null, ((Decision.Accepted) first).events().get(0));
		assertThat(
				RegistryDecider.decide(new RegistryCommand.Record(this.person, EventTypesTest.PERSON_DETAILS), state))
			.isEqualTo(new Decision.Rejected("record.exists"));
	}

	@Test
	void rejectsARevisionOfAStaleVersion() {
		RecordState atVersionTwo = new RecordState(this.person, 2, EventTypesTest.PERSON_DETAILS, false);

		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 1, EventTypesTest.PERSON_DETAILS),
				atVersionTwo))
			.isEqualTo(new Decision.Rejected("record.stale"));
		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 2, EventTypesTest.PERSON_DETAILS),
				atVersionTwo))
			.isInstanceOf(Decision.Accepted.class);
	}

	@Test
	void rejectsRevisingOrShreddingWhatDoesNotExistOrWasShredded() {
		RecordState shredded = new RecordState(this.person, 3, null, true);

		assertThat(
				RegistryDecider.decide(new RegistryCommand.Revise(this.person, 1, EventTypesTest.PERSON_DETAILS), null))
			.isEqualTo(new Decision.Rejected("record.not_found"));
		assertThat(RegistryDecider.decide(new RegistryCommand.Shred(this.person), null))
			.isEqualTo(new Decision.Rejected("record.not_found"));
		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 3, EventTypesTest.PERSON_DETAILS),
				shredded))
			.isEqualTo(new Decision.Rejected("record.shredded"));
		assertThat(RegistryDecider.decide(new RegistryCommand.Shred(this.person), shredded))
			.isEqualTo(new Decision.Rejected("record.shredded"));
	}

	@Test
	void shreddingKeepsTheVersionCountGoing() {
		RecordState recorded = RecordState.evolve(null,
				new RegistryEvent.PersonRecorded(this.person, EventTypesTest.PERSON_DETAILS));
		RecordState shredded = RecordState.evolve(recorded, new RegistryEvent.PersonShredded(this.person));

		assertThat(shredded.version()).isEqualTo(2);
		assertThat(shredded.shredded()).isTrue();
	}

}
