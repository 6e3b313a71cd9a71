package org.khronika.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.catalog.PublicationPlan;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EntryIdentity;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.LogEntry;
import org.khronika.eventlog.PendingEntry;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Editors' decisions to list a person on the prisoners list under a methodology that
 * lists by decision, each with written reasons. A decision is recorded in the log
 * ({@code prisoners.listed}: person, methodology and day in its public part, the reasons
 * in its sealed part, sealed under the person's own key; {@code prisoners.unlisted}:
 * person and methodology) and kept in {@code prisoner_decision}, the reasons there the
 * same sealed bytes, so that the deep check tells a row changed without a key and
 * {@link #rebuild} restores it. (Entries written before 7 December 2026 carried neither
 * day nor reasons: their rows are checked by person and methodology only.) A decision
 * lists a person only while a case holds them and only if they consented to be named,
 * like every methodology ({@link Prisoners}).
 */
public class Decisions implements org.khronika.registry.DeepCheck.Part {

	/** The most characters of reasons. */
	public static final int MAX_REASONS = 4000;

	private static final Log logger = LogFactory.getLog(Decisions.class);

	private static final String STREAM = "publication";

	private static final String LISTED = "prisoners.listed";

	private static final String UNLISTED = "prisoners.unlisted";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A decision as the editors see it on {@code /publish}.
	 *
	 * @param reasons the reasons written, or null if they do not open (changed outside
	 * Khronika)
	 */
	public record Decision(String person, String name, String methodology, String reasons, String decidedBy,
			LocalDate decidedOn) {

		/** The person and methodology only: reasons and names never reach a log line. */
		@Override
		public String toString() {
			return "Decision[" + this.person + ", " + this.methodology + "]";
		}

	}

	/** A decision refused, with the message code that says why. */
	public static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String code;

		Refused(String code) {
			super(code);
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	private final EventLog log;

	private final JdbcTemplate jdbc;

	private final Sealer sealer;

	private final AccessPolicy policy;

	private final Registry registry;

	private final PublicationPlan plan;

	private final Clock clock;

	Decisions(EventLog log, JdbcTemplate jdbc, Sealer sealer, AccessPolicy policy, Registry registry,
			PublicationPlan plan, Clock clock) {
		this.log = log;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.policy = policy;
		this.registry = registry;
		this.plan = plan;
		this.clock = clock;
	}

	/** The methodologies that list by decision. */
	public List<PublicationPlan.Methodology> methodologies() {
		return this.plan.methodologies().stream().filter(PublicationPlan.Methodology::decided).toList();
	}

	/**
	 * Lists {@code person} under {@code methodology} for {@code reasons}, replacing an
	 * earlier decision on the same.
	 * @throws AccessRefused unless {@code actor} may publish
	 * @throws Refused for a methodology that does not list by decision, reasons blank or
	 * too long, or a person {@code actor} cannot read
	 */
	public void list(Actor actor, PersonId person, String methodology, String reasons) {
		AccessRefused.unless(this.policy.may(actor, Capability.PUBLISH));
		if (methodologies().stream().noneMatch(m -> m.code().equals(methodology))) {
			throw new Refused("publish.decision.methodology");
		}
		if (reasons == null || reasons.isBlank() || reasons.length() > MAX_REASONS) {
			throw new Refused("publish.decision.reasons");
		}
		if (name(actor, person).isEmpty()) {
			throw new Refused("publish.decision.person");
		}
		String today = LocalDate.now(this.clock).toString();
		byte[] sealed = this.sealer.seal(person.toString(), reasons.strip().getBytes(StandardCharsets.UTF_8),
				associated(person, methodology));
		Map<String, String> fields = new java.util.TreeMap<>();
		fields.put("person", person.toString());
		fields.put("methodology", methodology);
		fields.put("decidedOn", today);
		this.log.write(appender -> {
			appender.append(new PendingEntry(EntryIdentity.next(STREAM), LISTED, 2, actor.login(),
					JSON.writeValueAsString(fields), sealed));
			put(person.toString(), methodology, sealed, actor.login(), today);
			return null;
		});
	}

	/**
	 * Takes {@code person} off the list under {@code methodology}; nothing if they were
	 * not on it.
	 * @throws AccessRefused unless {@code actor} may publish
	 */
	public void unlist(Actor actor, PersonId person, String methodology) {
		AccessRefused.unless(this.policy.may(actor, Capability.PUBLISH));
		if (listed().getOrDefault(person.toString(), Set.of()).contains(methodology)) {
			this.log.write(appender -> {
				appender.append(new PendingEntry(EntryIdentity.next(STREAM), UNLISTED, 1, actor.login(),
						JSON.writeValueAsString(Map.of("person", person.toString(), "methodology", methodology)),
						null));
				this.jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ? AND methodology = ?",
						person.toString(), methodology);
				return null;
			});
		}
	}

	/**
	 * Every decision, with the person's name and the reasons as {@code actor} may read
	 * them (a person they may not see is left out). The persons are read together, in one
	 * audited read, not one each.
	 * @throws AccessRefused unless {@code actor} may publish
	 */
	public List<Decision> all(Actor actor) {
		AccessRefused.unless(this.policy.may(actor, Capability.PUBLISH));
		record Row(PersonId person, String methodology, byte[] reasons, String decidedBy, LocalDate decidedOn) {
		}
		List<Row> rows = this.jdbc.query(
				"SELECT person_id, methodology, reasons, decided_by, decided_on FROM prisoner_decision "
						+ "ORDER BY decided_on DESC, person_id",
				(rs, n) -> new Row(new PersonId(java.util.UUID.fromString(rs.getString(1))), rs.getString(2),
						rs.getBytes(3), rs.getString(4), LocalDate.parse(rs.getString(5))));
		Map<RecordId, RecordView> persons = this.registry.read(actor, RecordKind.PERSON,
				rows.stream().map(Row::person).toList());
		List<Row> named = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Row row : rows) {
			Optional.ofNullable(persons.get(row.person())).flatMap(Decisions::name).ifPresent(name -> {
				named.add(row);
				names.add(name);
			});
		}
		List<Sealer.Opened> reasons = named.isEmpty() ? List.of()
				: this.sealer.openAll(named.stream()
					.map(row -> new Sealer.Sealed(row.person().toString(), row.reasons(),
							associated(row.person(), row.methodology())))
					.toList());
		List<Decision> decisions = new ArrayList<>();
		for (int i = 0; i < named.size(); i++) {
			Row row = named.get(i);
			Sealer.Opened opened = reasons.get(i);
			if (opened.unreadable()) {
				logger.error("the reasons of the decision listing " + row.person() + " (" + row.methodology()
						+ ") do not open (" + opened.failure()
						+ "); verify-log --deep names the row if the table was changed, and rebuild restores it from "
						+ "the log (a decision made before 7 December 2026 has its reasons nowhere else: the person "
						+ "should be listed again with their reasons)");
			}
			if (opened.plaintext() != null || opened.unreadable()) {
				decisions.add(new Decision(row.person().toString(), names.get(i), row.methodology(),
						opened.unreadable() ? null : new String(opened.plaintext(), StandardCharsets.UTF_8),
						row.decidedBy(), row.decidedOn()));
			}
		}
		return decisions;
	}

	/**
	 * How many persons a decision lists now, each once whatever the methodologies: a
	 * count, no names.
	 */
	public int count() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(DISTINCT person_id) FROM prisoner_decision",
				Integer.class);
		return (count == null) ? 0 : count;
	}

	/**
	 * Who is listed by decision: person record ids, each with its methodologies' codes.
	 */
	Map<String, Set<String>> listed() {
		Map<String, Set<String>> listed = new HashMap<>();
		this.jdbc.query("SELECT person_id, methodology FROM prisoner_decision",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> listed
					.computeIfAbsent(rs.getString(1), id -> new HashSet<>())
					.add(rs.getString(2)));
		return listed;
	}

	/**
	 * The decisions in the table against the log's ({@code verify-log --deep}): each
	 * listing the log does not make, which would put a person on the public list with no
	 * editor's decision, each listing the log makes that the table lacks, and each whose
	 * reasons, editor or day are not those its entry recorded.
	 */
	@Override
	public List<String> differences(List<org.khronika.access.AuditTrail.AccountChange> none) {
		return differences();
	}

	/** As {@link #differences(List)}: the prisoner decisions keep no credentials. */
	public List<String> differences() {
		Map<String, Logged> logged = logged();
		List<String> differences = new ArrayList<>();
		Set<String> held = new HashSet<>();
		this.jdbc.query("SELECT person_id, methodology, reasons, decided_by, decided_on FROM prisoner_decision "
				+ "ORDER BY person_id, methodology", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					String decision = rs.getString(1) + " / " + rs.getString(2);
					held.add(decision);
					Logged entry = logged.get(decision);
					if (entry == null) {
						differences.add("prisoner_decision row " + decision
								+ " is not what the log makes it (the log has no such decision)");
					}
					else if (entry.reasons() != null && !(java.util.Arrays.equals(entry.reasons(), rs.getBytes(3))
							&& entry.decidedBy().equals(rs.getString(4))
							&& rs.getString(5).equals(entry.decidedOn()))) {
						differences
							.add("prisoner_decision row " + decision + " is not what the log makes it (it differs)");
					}
				});
		new java.util.TreeSet<>(logged.keySet()).stream()
			.filter(decision -> !held.contains(decision))
			.forEach(
					decision -> differences.add("prisoner_decision row " + decision + " is missing: the log makes it"));
		return differences;
	}

	/**
	 * Rebuilds {@code prisoner_decision} from the log, in one transaction: removes each
	 * row the log does not make and writes each decision whose entry carries its reasons
	 * as the entry recorded it. A decision recorded before entries carried reasons is
	 * left as the table holds it, and cannot be restored if the table lost it (the deep
	 * check goes on naming it: list the person again).
	 * @return the number of decisions written from the log
	 */
	public int rebuild() {
		return this.log.write(appender -> {
			Map<String, Logged> logged = logged();
			List<String[]> held = this.jdbc.query("SELECT person_id, methodology FROM prisoner_decision",
					(rs, n) -> new String[] { rs.getString(1), rs.getString(2) });
			for (String[] row : held) {
				if (!logged.containsKey(row[0] + " / " + row[1])) {
					this.jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ? AND methodology = ?", row[0],
							row[1]);
				}
			}
			int written = 0;
			for (Logged entry : logged.values()) {
				if (entry.reasons() != null) {
					put(entry.person(), entry.methodology(), entry.reasons(), entry.decidedBy(), entry.decidedOn());
					written++;
				}
			}
			return written;
		});
	}

	/**
	 * A decision as the {@code prisoners.listed} entry that made it last recorded it.
	 *
	 * @param decidedOn the day, or null for an entry from before entries carried it
	 * @param reasons the sealed reasons, or null for an entry from before entries carried
	 * them
	 */
	private record Logged(String person, String methodology, String decidedBy, String decidedOn, byte[] reasons) {
	}

	/**
	 * The decisions the log makes, each by "person / methodology", as the entry that
	 * listed the person last recorded it.
	 */
	private Map<String, Logged> logged() {
		Map<String, Logged> logged = new HashMap<>();
		for (LogEntry entry : this.log.stream(STREAM)) {
			boolean listed = entry.type().equals(LISTED);
			if (listed || entry.type().equals(UNLISTED)) {
				Map<String, Object> fields = JSON.readValue(entry.publicPart(),
						new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
						});
				String person = String.valueOf(fields.get("person"));
				String methodology = String.valueOf(fields.get("methodology"));
				String decision = person + " / " + methodology;
				if (listed) {
					logged.put(decision, new Logged(person, methodology, entry.actor(),
							(String) fields.get("decidedOn"), entry.isSealed() ? entry.sealedPart() : null));
				}
				else {
					logged.remove(decision);
				}
			}
		}
		return logged;
	}

	private Optional<String> name(Actor actor, PersonId person) {
		return this.registry.read(actor, person).flatMap(Decisions::name);
	}

	/**
	 * A person's name, if the record is whole: not shredded, nor hidden from the reader.
	 */
	private static Optional<String> name(RecordView view) {
		return Optional.of(view)
			.filter(v -> !v.shredded() && !v.redacted())
			.map(RecordView::details)
			.filter(PersonDetails.class::isInstance)
			.map(details -> ((PersonDetails) details).displayName());
	}

	/** Writes the decision's row, replacing any earlier one on the same. */
	private void put(String person, String methodology, byte[] reasons, String decidedBy, String decidedOn) {
		this.jdbc.update("DELETE FROM prisoner_decision WHERE person_id = ? AND methodology = ?", person, methodology);
		this.jdbc.update("INSERT INTO prisoner_decision (person_id, methodology, reasons, decided_by, decided_on) "
				+ "VALUES (?, ?, ?, ?, ?)", person, methodology, reasons, decidedBy, decidedOn);
	}

	private static byte[] associated(PersonId person, String methodology) {
		return ("prisoner_decision:" + person + ":" + methodology).getBytes(StandardCharsets.UTF_8);
	}

}
