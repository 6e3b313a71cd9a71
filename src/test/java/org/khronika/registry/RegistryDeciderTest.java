package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.khronika.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle every kind shares, and the kinds' rules as the decider applies them. */
class RegistryDeciderTest {

	private static final Catalog CATALOG = Catalog.load();

	private final PersonId person = new PersonId(UUID.randomUUID());

	/** Other records as the rules read them: here, a few held in memory. */
	private static RecordLookup lookup(Map<RecordId, RecordDetails> records) {
		return new RecordLookup() {
			@Override
			public Optional<RecordDetails> find(RecordId id) {
				return Optional.ofNullable(records.get(id));
			}

			@Override
			public List<Found> referring(RecordId target, RecordKind kind) {
				return records.entrySet()
					.stream()
					.filter(e -> e.getKey().kind() == kind)
					.filter(e -> Kinds.of(e.getValue())
						.links(e.getValue())
						.stream()
						.anyMatch(l -> l.target().equals(target)))
					.map(e -> new Found(e.getKey(), e.getValue()))
					.toList();
			}
		};
	}

	private static RuleContext context(Map<RecordId, RecordDetails> records) {
		return new RuleContext(LocalDate.of(2026, 1, 15), CATALOG, lookup(records));
	}

	@Test
	void evolveHandlesEveryEventType() {
		for (Class<?> eventClass : EventTypesTest.concreteEvents()) {
			RegistryEvent event = EventTypesTest.SAMPLES.values()
				.stream()
				.filter(e -> e.getClass() == eventClass)
				.findFirst()
				.orElseThrow();
			RecordState existing = new RecordState(event.recordId(), 3, false);
			RecordState after = RecordState.evolve(existing, event);

			if (event instanceof RegistryEvent.Linked || event instanceof RegistryEvent.Unlinked
					|| event instanceof RegistryEvent.LinkRejected) {
				assertThat(after).as(eventClass.getSimpleName() + " changes neither record").isEqualTo(existing);
			}
			else {
				RecordState once = RecordState.evolve(null, event);
				assertThat(once.version()).as(eventClass.getSimpleName()).isEqualTo(1);
				assertThat(after.version()).as(eventClass.getSimpleName()).isEqualTo(4);
			}
		}
	}

	@Test
	void linksTwoExistingPersonsOnceAndTakesTheLinkBackOnlyIfLinked() {
		PersonId other = new PersonId(EventTypesTest.OTHER);
		RecordState one = new RecordState(this.person, 2, false);
		RecordState two = new RecordState(other, 1, false);

		assertThat(RegistryDecider.decideLink(new RegistryCommand.Link(this.person, other), one, two, false))
			.isEqualTo(new Decision.Accepted(List.of(new RegistryEvent.Linked(this.person, other))));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.Link(this.person, other), one, two, true))
			.isEqualTo(new Decision.Rejected(Refusal.EXISTS));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.Unlink(this.person, other), one, two, false))
			.isEqualTo(new Decision.Rejected(Refusal.NOT_FOUND));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.RejectLink(this.person, other), one, two, true))
			.as("linked ones are unlinked first")
			.isEqualTo(new Decision.Rejected(Refusal.EXISTS));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.Link(this.person, other), one, null, false))
			.isEqualTo(new Decision.Rejected(Refusal.NOT_FOUND));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.Link(this.person, other), one,
				new RecordState(other, 2, true), false))
			.isEqualTo(new Decision.Rejected(Refusal.SHREDDED));
		assertThat(RegistryDecider.decideLink(new RegistryCommand.Link(this.person, this.person), one, one, false))
			.isInstanceOf(Decision.Rejected.class);
	}

	@Test
	void recordsANewRecordOnce() {
		Decision first = RegistryDecider.decide(new RegistryCommand.Record(this.person, EventTypesTest.PERSON_DETAILS),
				null, context(Map.of()));

		assertThat(first).isEqualTo(
				new Decision.Accepted(List.of(new RegistryEvent.Recorded(this.person, EventTypesTest.PERSON_DETAILS))));
		RecordState state = RecordState.evolve(null, ((Decision.Accepted) first).events().get(0));
		assertThat(RegistryDecider.decide(new RegistryCommand.Record(this.person, EventTypesTest.PERSON_DETAILS), state,
				context(Map.of())))
			.isEqualTo(new Decision.Rejected(Refusal.EXISTS));
	}

	@Test
	void rejectsARevisionOfAStaleVersion() {
		RecordState atVersionTwo = new RecordState(this.person, 2, false);

		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 1, EventTypesTest.PERSON_DETAILS),
				atVersionTwo, context(Map.of())))
			.isEqualTo(new Decision.Rejected(Refusal.STALE));
		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 2, EventTypesTest.PERSON_DETAILS),
				atVersionTwo, context(Map.of())))
			.isInstanceOf(Decision.Accepted.class);
	}

	@Test
	void rejectsRevisingOrShreddingWhatDoesNotExistOrWasShredded() {
		RecordState shredded = new RecordState(this.person, 3, true);
		RuleContext context = context(Map.of());

		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 1, EventTypesTest.PERSON_DETAILS),
				null, context))
			.isEqualTo(new Decision.Rejected(Refusal.NOT_FOUND));
		assertThat(RegistryDecider.decide(new RegistryCommand.Shred(this.person), null, context))
			.isEqualTo(new Decision.Rejected(Refusal.NOT_FOUND));
		assertThat(RegistryDecider.decide(new RegistryCommand.Revise(this.person, 3, EventTypesTest.PERSON_DETAILS),
				shredded, context))
			.isEqualTo(new Decision.Rejected(Refusal.SHREDDED));
		assertThat(RegistryDecider.decide(new RegistryCommand.Shred(this.person), shredded, context))
			.isEqualTo(new Decision.Rejected(Refusal.SHREDDED));
	}

	@Test
	void shreddingKeepsTheVersionCountGoing() {
		RecordState recorded = RecordState.evolve(null,
				new RegistryEvent.Recorded(this.person, EventTypesTest.PERSON_DETAILS));
		RecordState shredded = RecordState.evolve(recorded, new RegistryEvent.Shredded(this.person));

		assertThat(shredded.version()).isEqualTo(2);
		assertThat(shredded.shredded()).isTrue();
	}

	@Test
	void aVerdictIsRefusedInACaseThatDidNotReachCourtWhoeverBuiltIt() {
		CaseId courtCase = new CaseId(UUID.randomUUID());
		CaseDetails investigated = Drafts
			.built(Drafts.aCriminalCase(this.person, "uk-207.3").with("region", "moscow").with("court"));
		CaseEventDetails verdict = new CaseEventDetails(courtCase, CaseEventType.VERDICT, LocalDate.of(2025, 9, 1),
				null, null, null, null, List.of());
		CaseEventId event = new CaseEventId(UUID.randomUUID());

		assertThat(RegistryDecider.decide(new RegistryCommand.Record(event, verdict), null,
				context(Map.of(courtCase, investigated))))
			.isEqualTo(new Decision.Rejected(Refusal.INVALID, List.of(FieldProblem.of("type", "verdict_needs_court"))));
	}

	@Test
	void codesTheCatalogDoesNotKnowAreRefusedEvenInDetailsBuiltElsewhere() {
		IncidentDetails atlantis = new IncidentDetails(LocalDate.of(2025, 2, 24), "atlantis", null, "riot", null, null,
				null, 3, List.of(), null, List.of());

		Decision decision = RegistryDecider
			.decide(new RegistryCommand.Record(new IncidentId(UUID.randomUUID()), atlantis), null, context(Map.of()));

		assertThat(decision).isEqualTo(
				new Decision.Rejected(Refusal.INVALID, List.of(FieldProblem.of("region", "unknown_region", "atlantis"),
						FieldProblem.of("type", "unknown_term", "riot"))));
	}

}
