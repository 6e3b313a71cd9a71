package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;

import org.khronika.eventlog.LogEntry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects the public fields of incidents and cases into the typed tables
 * {@code fact_incident} and {@code fact_case} that statistics count, and the events that
 * decide custody into {@code fact_case_event}. Called by {@link RecordProjection} for
 * every registry event it applies, in the same transaction, so the facts are always
 * exactly the records. Needs no key: it reads public parts only.
 */
final class FactProjection {

	/** Case event types that change whether the person is in custody. */
	private static final List<String> CUSTODY_EVENTS = List.of("measure-of-restraint", "extension", "verdict",
			"release");

	private final JdbcTemplate jdbc;

	FactProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void apply(LogEntry entry, RegistryEvent event) {
		String id = event.recordId().toString();
		long seq = entry.sequence();
		if (event instanceof RegistryEvent.WithDetails withDetails) {
			RecordDetails details = withDetails.details();
			if (details instanceof IncidentDetails incident) {
				incident(id, incident, entry.actor(), seq);
			}
			else if (details instanceof CaseDetails courtCase) {
				courtCase(id, courtCase, entry.actor(), seq);
				custody(id, seq);
			}
			else if (details instanceof CaseEventDetails caseEvent) {
				caseEvent(id, caseEvent, seq);
			}
		}
		else if (event instanceof RegistryEvent.AccessSet access) {
			for (String table : List.of("fact_incident", "fact_case")) {
				this.jdbc.update("UPDATE " + table + " SET restricted = ?, last_seq = ? WHERE id = ?",
						access.restricted(), seq, id);
			}
		}
	}

	private void incident(String id, IncidentDetails d, String actor, long seq) {
		int updated = this.jdbc.update(
				"UPDATE fact_incident SET day = ?, region = ?, type = ?, topic = ?, organiser = ?, agreement = ?, "
						+ "detained = ?, last_seq = ? WHERE id = ?",
				day(d.date()), d.region(), d.type(), d.topic(), d.organiser(), d.agreement(), d.detained(), seq, id);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO fact_incident (id, day, region, type, topic, organiser, agreement, detained, "
							+ "restricted, created_by, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
					id, day(d.date()), d.region(), d.type(), d.topic(), d.organiser(), d.agreement(), d.detained(),
					actor, seq);
		}
	}

	private void courtCase(String id, CaseDetails d, String actor, long seq) {
		String charges = String.join(" ", d.charges());
		int updated = this.jdbc
			.update("UPDATE fact_case SET person = ?, opened = ?, region = ?, kind = ?, charges = ?, trigger_code = ?, "
					+ "informant = ?, status = ?, outcome = ?, fine_amount = ?, sentence_months = ?, last_seq = ? WHERE id = ?",
					d.person().toString(), day(d.opened()), d.region(), d.caseKind(), charges, d.trigger(),
					d.informant(), d.status(), d.outcome(), d.fineAmount(), d.sentenceMonths(), seq, id);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO fact_case (id, person, opened, region, kind, charges, trigger_code, informant, status, "
							+ "outcome, fine_amount, sentence_months, restricted, created_by, last_seq) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
					id, d.person().toString(), day(d.opened()), d.region(), d.caseKind(), charges, d.trigger(),
					d.informant(), d.status(), d.outcome(), d.fineAmount(), d.sentenceMonths(), actor, seq);
		}
	}

	private void caseEvent(String id, CaseEventDetails d, long seq) {
		List<String> before = this.jdbc.queryForList("SELECT case_id FROM fact_case_event WHERE id = ?", String.class,
				id);
		this.jdbc.update("DELETE FROM fact_case_event WHERE id = ?", id);
		if (CUSTODY_EVENTS.contains(d.type())) {
			this.jdbc.update(
					"INSERT INTO fact_case_event (id, case_id, type, day, measure, until, last_seq) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
					id, d.caseId().toString(), d.type(), day(d.date()), d.measure(), day(d.until()), seq);
		}
		before.stream().filter(c -> !c.equals(d.caseId().toString())).forEach(c -> custody(c, seq));
		if (CUSTODY_EVENTS.contains(d.type()) || !before.isEmpty()) {
			custody(d.caseId().toString(), seq);
		}
	}

	/**
	 * Works out from the case's events when its person was last taken into custody and
	 * until when, as the metric {@code in-custody} defines it: custody starts with a
	 * measure of restraint {@code custody} and runs until the date the court set; an
	 * extension moves that date (or ends custody if it sets another measure); a release
	 * ends it; a verdict ends it, unless the case's outcome is a prison sentence, which
	 * runs for its months from the verdict (no end if the months are unknown).
	 */
	private void custody(String caseId, long seq) {
		List<Object[]> sentence = this.jdbc.query("SELECT outcome, sentence_months FROM fact_case WHERE id = ?",
				(rs, n) -> new Object[] { rs.getString(1), Facts.integer(rs, 2) }, caseId);
		if (sentence.isEmpty()) {
			return;
		}
		boolean prison = "sentence-real".equals(sentence.get(0)[0]);
		Integer sentenceMonths = (Integer) sentence.get(0)[1];
		String since = null;
		String until = null;
		List<String[]> events = this.jdbc.query(
				"SELECT type, day, measure, until FROM fact_case_event WHERE case_id = ? ORDER BY day, last_seq",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) }, caseId);
		for (String[] e : events) {
			String type = e[0];
			String eventDay = e[1];
			String measure = e[2];
			if (type.equals("measure-of-restraint") || (type.equals("extension") && measure != null)) {
				boolean custody = "custody".equals(measure);
				since = custody ? ((since != null) ? since : eventDay) : null;
				until = custody ? e[3] : null;
			}
			else if (type.equals("extension") && since != null) {
				until = e[3];
			}
			else if (type.equals("release")) {
				since = null;
				until = null;
			}
			else if (type.equals("verdict")) {
				if (prison && eventDay != null) {
					since = (since != null) ? since : eventDay;
					until = (sentenceMonths != null) ? LocalDate.parse(eventDay).plusMonths(sentenceMonths).toString()
							: null;
				}
				else {
					since = null;
					until = null;
				}
			}
		}
		this.jdbc.update("UPDATE fact_case SET custody_since = ?, custody_until = ?, last_seq = ? WHERE id = ?", since,
				until, seq, caseId);
	}

	void clear() {
		this.jdbc.update("DELETE FROM fact_case_event");
		this.jdbc.update("DELETE FROM fact_case");
		this.jdbc.update("DELETE FROM fact_incident");
	}

	private static String day(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
