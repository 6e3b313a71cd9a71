package org.khronika.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Role;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Facts;
import org.khronika.registry.Facts.CaseEventFact;
import org.khronika.registry.Facts.CaseFact;
import org.khronika.registry.Facts.IncidentFact;
import org.khronika.registry.RecordKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics scan over facts held in memory: what each measure counts, what it leaves
 * out and says so, custody as of a day, and who may count what. No database: the facts
 * are given as the registry's typed tables would give them.
 */
class StatisticsScanTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	private static final Actor ANALYST = new Actor("analyst", Role.ANALYST);

	private static final Actor ADMIN = new Actor("admin", Role.ADMIN);

	private final MemoryFacts facts = new MemoryFacts();

	private final Statistics statistics = new Statistics(Catalog.load(), this.facts, new AccessPolicy(),
			Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	/** Facts as the typed tables give them, each at the log position it was written. */
	private static final class MemoryFacts implements FactSource {

		private final List<Object> facts = new ArrayList<>();

		void add(Object fact) {
			this.facts.add(fact);
		}

		@Override
		public long position() {
			return this.facts.size();
		}

		private <T> void after(long after, Class<T> type, Consumer<T> consumer) {
			for (int i = (int) Math.max(after, 0); i < this.facts.size(); i++) {
				if (type.isInstance(this.facts.get(i))) {
					consumer.accept(type.cast(this.facts.get(i)));
				}
			}
		}

		@Override
		public void incidentsAfter(long after, Consumer<IncidentFact> consumer) {
			after(after, IncidentFact.class, consumer);
		}

		@Override
		public void casesAfter(long after, Consumer<CaseFact> consumer) {
			after(after, CaseFact.class, consumer);
		}

		@Override
		public void caseEventsAfter(long after, Consumer<CaseEventFact> consumer) {
			after(after, CaseEventFact.class, consumer);
		}

	}

	private UUID incident(Integer detained, String agreement) {
		UUID id = UUID.randomUUID();
		this.facts.add(new IncidentFact(id, false, "editor", Set.of(), null, LocalDate.of(2025, 2, 24), "moscow",
				"protest", null, null, agreement, detained));
		return id;
	}

	private UUID aCase(UUID person, String kind, String trigger, String informant, String outcome) {
		UUID id = UUID.randomUUID();
		List<String> charges = "inquiry".equals(kind) ? List.of(Facts.NOT_APPLICABLE) : List.of("uk-207.3");
		this.facts.add(new CaseFact(id, false, "editor", Set.of(), person, LocalDate.of(2025, 1, 10), "moscow", kind,
				charges, trigger, informant, (outcome != null) ? "closed" : "investigation",
				(outcome != null) ? outcome : Facts.NOT_APPLICABLE, null, null));
		return id;
	}

	private StatsResult ask(Actor actor, String measure, String by, LocalDate asOf) {
		return this.statistics.compute(actor,
				new StatsQuery(measure, (by != null) ? List.of(by) : List.of(), null, null, Map.of(), asOf));
	}

	private static Map<String, Long> groups(StatsResult result) {
		Map<String, Long> groups = new LinkedHashMap<>();
		result.rows().forEach(row -> groups.put(String.valueOf(row.values().get(0)), row.figure().value()));
		return groups;
	}

	@Test
	void anUnknownNumberDetainedIsCountedApartNotSummedAsZero() {
		incident(10, "agreed");
		incident(5, "not-agreed");
		incident(null, "not-agreed");

		StatsResult detained = ask(ANALYST, "detained", "agreement", null);

		assertThat(detained.total().value()).isEqualTo(15);
		assertThat(detained.total().unknown()).as("one incident did not say").isEqualTo(1);
		assertThat(detained.rows()).filteredOn(row -> "not-agreed".equals(row.values().get(0)))
			.singleElement()
			.satisfies(
					row -> assertThat(row.figure()).extracting(StatsResult.Figure::value, StatsResult.Figure::unknown)
						.containsExactly(5L, 1L));
		assertThat(ask(ANALYST, "incidents", null, null).total().value()).isEqualTo(3);
	}

	@Test
	void anIncidentRecordedTwiceAndLinkedCountsOnceWithTheLargestNumberDetainedOnThatReportsDay() {
		UUID first = UUID.fromString("00000000-0000-4000-8000-000000000001");
		UUID second = UUID.fromString("00000000-0000-4000-8000-000000000002");
		// two reports of one protest: a day apart, one restricted, the numbers differ
		this.facts.add(new IncidentFact(first, false, "editor", Set.of(), first, LocalDate.of(2025, 2, 24), "moscow",
				"protest", null, null, "not-agreed", 12));
		this.facts.add(new IncidentFact(second, true, "editor", Set.of(), first, LocalDate.of(2025, 2, 25), "moscow",
				"protest", null, null, "not-agreed", 30));
		incident(5, "agreed");

		assertThat(ask(ADMIN, "incidents", null, null).total().value()).isEqualTo(2);
		assertThat(ask(ADMIN, "detained", null, null).total().value()).as("the larger report's 30, not 42")
			.isEqualTo(35);
		assertThat(groups(ask(ADMIN, "incidents", "day", null))).as("once, on the day of the report counted")
			.containsExactly(Map.entry("2025-02-24", 1L), Map.entry("2025-02-25", 1L));
		assertThat(groups(ask(ADMIN, "detained", "day", null))).containsExactly(Map.entry("2025-02-24", 5L),
				Map.entry("2025-02-25", 30L));
		assertThat(this.statistics.records(ADMIN, new StatsQuery("incidents", List.of(), null, null, Map.of(), null),
				List.of()))
			.as("the records behind the figure: the report that stands for the incident")
			.doesNotContain(RecordKind.INCIDENT.id(first))
			.contains(RecordKind.INCIDENT.id(second))
			.hasSize(2);
		assertThat(ask(ANALYST, "detained", null, null).total().value())
			.as("who may not see the restricted report counts the other")
			.isEqualTo(17);

		// unlinked: two incidents again
		this.facts.add(new IncidentFact(second, true, "editor", Set.of(), null, LocalDate.of(2025, 2, 25), "moscow",
				"protest", null, null, "not-agreed", 30));
		this.facts.add(new IncidentFact(first, false, "editor", Set.of(), null, LocalDate.of(2025, 2, 24), "moscow",
				"protest", null, null, "not-agreed", 12));
		assertThat(ask(ADMIN, "incidents", null, null).total().value()).isEqualTo(3);
		assertThat(ask(ADMIN, "detained", null, null).total().value()).isEqualTo(47);
	}

	@Test
	void notApplicableIsAGroupOfItsOwnApartFromNotStated() {
		aCase(UUID.randomUUID(), "criminal", "denunciation", "relative", null);
		aCase(UUID.randomUUID(), "criminal", "denunciation", null, null);
		aCase(UUID.randomUUID(), "criminal", "wiretap", Facts.NOT_APPLICABLE, null);

		assertThat(groups(ask(ANALYST, "cases", "informant", null))).containsOnly(Map.entry("relative", 1L),
				Map.entry("null", 1L), Map.entry(Facts.NOT_APPLICABLE, 1L));
	}

	@Test
	void anInquiryIsNoCaseAndChargesNoOne() {
		UUID person = UUID.randomUUID();
		aCase(person, "criminal", "wiretap", Facts.NOT_APPLICABLE, null);
		aCase(UUID.randomUUID(), "inquiry", "denunciation", "relative", null);

		assertThat(ask(ANALYST, "cases", null, null).total().value()).isEqualTo(1);
		assertThat(ask(ANALYST, "persons", null, null).total().value()).isEqualTo(1);
		assertThat(ask(ANALYST, "charges", null, null).total().value()).isEqualTo(1);
	}

	@Test
	void custodyIsCountedAsOfADayAndATermThatRanOutIsFlaggedNotCounted() {
		UUID remanded = aCase(UUID.randomUUID(), "criminal", "wiretap", Facts.NOT_APPLICABLE, null);
		this.facts.add(new CaseEventFact(UUID.randomUUID(), remanded, "measure-of-restraint", LocalDate.of(2025, 3, 6),
				"custody", LocalDate.of(2025, 5, 4)));

		StatsResult inApril = ask(ANALYST, "in-custody", null, LocalDate.of(2025, 4, 1));
		StatsResult today = ask(ANALYST, "in-custody", null, null);

		assertThat(inApril.total().value()).isEqualTo(1);
		assertThat(inApril.total().lapsed()).isZero();
		assertThat(today.total().value()).as("as of today, by default").isZero();
		assertThat(today.total().lapsed()).isEqualTo(1);
		StatsQuery question = new StatsQuery("in-custody", List.of(), null, null, Map.of(), null);
		assertThat(this.statistics.records(ANALYST, question, List.of(), true))
			.containsExactly(RecordKind.CASE.id(remanded));
		assertThat(this.statistics.records(ANALYST, question, List.of(), false)).isEmpty();

		this.facts.add(new CaseEventFact(UUID.randomUUID(), remanded, "extension", LocalDate.of(2025, 5, 2), "custody",
				LocalDate.of(2025, 8, 4)));
		assertThat(ask(ANALYST, "in-custody", null, null).total().value()).as("an extension recorded later counts")
			.isEqualTo(1);
	}

	@Test
	void aRestrictedRecordIsCountedOnlyByThoseWhoMaySeeIt() {
		incident(3, "agreed");
		this.facts.add(new IncidentFact(UUID.randomUUID(), true, "editor", Set.of("analyst-named"), null,
				LocalDate.of(2025, 2, 25), "moscow", "picket", null, null, "agreed", 4));

		assertThat(ask(ANALYST, "detained", null, null).total().value()).isEqualTo(3);
		assertThat(ask(ADMIN, "detained", null, null).total().value()).isEqualTo(7);
		assertThat(ask(new Actor("analyst-named", Role.ANALYST), "detained", null, null).total().value())
			.as("named on it")
			.isEqualTo(7);
	}

	@Test
	void aChangedFactReplacesItsRowAndIsNeverCountedTwice() {
		UUID id = incident(10, "agreed");
		assertThat(ask(ANALYST, "detained", null, null).total().value()).isEqualTo(10);

		this.facts.add(new IncidentFact(id, false, "editor", Set.of(), null, LocalDate.of(2025, 2, 24), "moscow",
				"protest", null, null, "agreed", 12));

		StatsResult after = ask(ANALYST, "detained", null, null);
		assertThat(after.total().value()).isEqualTo(12);
		assertThat(ask(ANALYST, "incidents", null, null).total().value()).isEqualTo(1);
	}

	@Test
	void groupsComeLargestFirstAndEachCountsOnlyItsOwn() {
		incident(1, "agreed");
		incident(2, "not-agreed");
		incident(3, "not-agreed");

		assertThat(groups(ask(ANALYST, "incidents", "agreement", null))).containsExactly(Map.entry("not-agreed", 2L),
				Map.entry("agreed", 1L));
	}

}
