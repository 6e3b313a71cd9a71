package org.khronika.stats;

import java.util.function.Consumer;

import org.khronika.registry.Facts;
import org.khronika.registry.Facts.CaseEventFact;
import org.khronika.registry.Facts.CaseFact;
import org.khronika.registry.Facts.IncidentFact;

/**
 * Where statistics read the facts from: the registry's typed tables ({@link #of(Facts)}),
 * or, for the scan's unit tests, facts held in memory. After {@link #position()} moves,
 * the {@code …After} methods with the old position give every fact that changed.
 */
interface FactSource {

	long position();

	void incidentsAfter(long after, Consumer<IncidentFact> consumer);

	void casesAfter(long after, Consumer<CaseFact> consumer);

	void caseEventsAfter(long after, Consumer<CaseEventFact> consumer);

	static FactSource of(Facts facts) {
		return new FactSource() {

			@Override
			public long position() {
				return facts.position();
			}

			@Override
			public void incidentsAfter(long after, Consumer<IncidentFact> consumer) {
				facts.incidentsAfter(after, consumer);
			}

			@Override
			public void casesAfter(long after, Consumer<CaseFact> consumer) {
				facts.casesAfter(after, consumer);
			}

			@Override
			public void caseEventsAfter(long after, Consumer<CaseEventFact> consumer) {
				facts.caseEventsAfter(after, consumer);
			}

		};
	}

}
