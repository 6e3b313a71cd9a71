package org.khronika.stats;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;

import org.khronika.registry.Facts;
import org.khronika.registry.RecordKind;
import org.khronika.stats.FactTable.Encoding;

/**
 * The registry's facts in memory, kept up with the projection: before each question it
 * asks the registry for the log position the facts reflect, and if it moved, reads the
 * rows that changed since (by their {@code last_seq}) and updates them in place. The
 * first question reads every row. Several nodes on one database each keep their own copy
 * the same way. Questions read under a shared lock; catching up takes it exclusively.
 */
final class FactCache {

	private final FactSource facts;

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final FactTable incidents = new FactTable(incidentColumns(), List.of());

	private final FactTable cases = new FactTable(caseColumns(), List.of("article"));

	private long position = -1;

	/** The events that decide custody, by case, then by event. */
	private final Map<UUID, Map<UUID, Custody.Event>> custody = new HashMap<>();

	/**
	 * The case each event belongs to, so that an event moved to another case leaves the
	 * first.
	 */
	private final Map<UUID, UUID> caseOfEvent = new HashMap<>();

	FactCache(FactSource facts) {
		this.facts = facts;
	}

	private static Map<String, Encoding> incidentColumns() {
		Map<String, Encoding> columns = dates();
		for (String name : List.of("region", "type", "topic", "organiser", "agreement", "incident")) {
			columns.put(name, Encoding.CODE);
		}
		columns.put("detained", Encoding.NUMBER);
		return columns;
	}

	private static Map<String, Encoding> caseColumns() {
		Map<String, Encoding> columns = dates();
		for (String name : List.of("region", "kind", "trigger", "informant", "status", "outcome", "person")) {
			columns.put(name, Encoding.CODE);
		}
		columns.put("sentence-months", Encoding.NUMBER);
		return columns;
	}

	private static Map<String, Encoding> dates() {
		Map<String, Encoding> columns = new LinkedHashMap<>();
		columns.put("day", Encoding.DAY);
		columns.put("month", Encoding.MONTH);
		columns.put("year", Encoding.YEAR);
		return columns;
	}

	/**
	 * Runs {@code question} over the current facts of {@code kind} (incidents or cases);
	 * returns its answer and the log position it reflects.
	 */
	<T> T read(RecordKind kind, BiFunction<FactTable, Long, T> question) {
		catchUp();
		this.lock.readLock().lock();
		try {
			return question.apply((kind == RecordKind.INCIDENT) ? this.incidents : this.cases, this.position);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** The log position the facts in memory reflect. */
	long position() {
		this.lock.readLock().lock();
		try {
			return this.position;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Reads what changed since the last question. The position is read first: a row
	 * written after it is read again next time, which is harmless.
	 */
	void catchUp() {
		long current = this.facts.position();
		if (current == position()) {
			return;
		}
		this.lock.writeLock().lock();
		try {
			if (current == this.position) {
				return;
			}
			this.facts.incidentsAfter(this.position, this::put);
			this.facts.casesAfter(this.position, this::put);
			Set<UUID> changed = new HashSet<>();
			this.facts.caseEventsAfter(this.position, event -> {
				boolean decides = Custody.TYPES.contains(event.type()) && event.day() != null;
				UUID before = decides ? this.caseOfEvent.put(event.id(), event.caseId())
						: this.caseOfEvent.remove(event.id());
				if (before != null) {
					// it may have moved to another case, or stopped deciding custody
					this.custody.getOrDefault(before, new HashMap<>()).remove(event.id());
					changed.add(before);
				}
				if (decides) {
					this.custody.computeIfAbsent(event.caseId(), c -> new HashMap<>())
						.put(event.id(), new Custody.Event(event.type(), event.day(), event.measure(), event.until()));
					changed.add(event.caseId());
				}
			});
			for (UUID caseId : changed) {
				this.cases.custody(this.cases.row(caseId),
						List.copyOf(this.custody.getOrDefault(caseId, Map.of()).values()));
			}
			this.position = current;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private void put(Facts.IncidentFact fact) {
		FactTable table = this.incidents;
		int row = table.row(fact.id());
		table.access(row, fact.restricted(), fact.createdBy(), fact.named());
		table.date(row, fact.date());
		table.code(row, "region", fact.region());
		table.code(row, "type", fact.type());
		table.code(row, "topic", fact.topic());
		table.code(row, "organiser", fact.organiser());
		table.code(row, "agreement", fact.agreement());
		table.number(row, "detained", fact.detained());
		table.code(row, "incident", (fact.incident() != null) ? fact.incident().toString() : null);
	}

	private void put(Facts.CaseFact fact) {
		FactTable table = this.cases;
		int row = table.row(fact.id());
		table.access(row, fact.restricted(), fact.createdBy(), fact.named());
		table.date(row, fact.opened());
		table.code(row, "region", fact.region());
		table.code(row, "kind", fact.kind());
		table.code(row, "trigger", fact.trigger());
		table.code(row, "informant", fact.informant());
		table.code(row, "status", fact.status());
		table.code(row, "outcome", fact.outcome());
		table.code(row, "person", fact.person().toString());
		table.codes(row, "article", fact.charges());
		table.amount(row, fact.fineAmount());
		table.number(row, "sentence-months", fact.sentenceMonths());
	}

}
