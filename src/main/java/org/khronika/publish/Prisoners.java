package org.khronika.publish;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.khronika.access.Actor;
import org.khronika.catalog.PublicationPlan;
import org.khronika.registry.CaseDetails;
import org.khronika.registry.CaseId;
import org.khronika.registry.Facts;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.stats.Custody;

/**
 * The political prisoners list, by consent only. A person is listed while a case against
 * them that charges one of a methodology's articles holds them in custody or in prison
 * (the custody rule statistics count by), and only if every record of them says they
 * consented to be named publicly and none is restricted or shredded. What an entry shows
 * is fixed here and nothing else from the records is read into it.
 */
public class Prisoners {

	/**
	 * One person on the list.
	 *
	 * @param name the name as the person's record gives it first
	 * @param articles the articles charged (codes) in the cases that list them
	 * @param status the stage of their latest such case (a code)
	 * @param arrested the day of the first detention or custody in those cases, or null
	 * @param court the court named on the latest such case, or null
	 * @param custodyPlace the place of custody named on it, or null
	 * @param letterAddress the facility's postal address, only where the person consented
	 * to receive letters and the place of custody is a facility the plan knows; else null
	 * @param methodologies the codes of the methodologies that list them
	 */
	public record Entry(String name, String region, List<String> articles, String status, LocalDate arrested,
			String court, String custodyPlace, String letterAddress, List<String> methodologies) {

		public Entry {
			articles = List.copyOf(articles);
			methodologies = List.copyOf(methodologies);
		}

		/** Public fields only: a name never reaches a log line or an exception. */
		@Override
		public String toString() {
			return "Entry[" + this.region + ", " + this.articles + ", " + this.methodologies + "]";
		}

	}

	/**
	 * An entry with the id of the person it lists, which the entry itself does not carry.
	 */
	public record Listed(String person, Entry entry) {
	}

	private final Facts facts;

	private final Registry registry;

	private final PublicationPlan plan;

	private final Decisions decisions;

	Prisoners(Facts facts, Registry registry, PublicationPlan plan, Decisions decisions) {
		this.facts = facts;
		this.registry = registry;
		this.plan = plan;
		this.decisions = decisions;
	}

	/** The list on {@code day}, as {@code actor} reads the records, sorted by name. */
	public List<Listed> list(Actor actor, LocalDate day) {
		if (this.plan.methodologies().isEmpty()) {
			return List.of();
		}
		Map<String, String> clusters = this.registry.clusters(RecordKind.PERSON);
		// decisions name a person's record; cases, the least id of the records linked as
		// one
		Map<UUID, Set<String>> decided = new HashMap<>();
		this.decisions.listed()
			.forEach((record, codes) -> decided
				.computeIfAbsent(UUID.fromString(clusters.getOrDefault(record, record)), id -> new TreeSet<>())
				.addAll(codes));
		Map<UUID, Facts.CaseFact> cases = new HashMap<>();
		this.facts.casesAfter(0, fact -> {
			if (!fact.restricted() && !methodologies(fact, decided).isEmpty()) {
				cases.put(fact.id(), fact);
			}
		});
		Map<UUID, List<Custody.Event>> events = new HashMap<>();
		this.facts.caseEventsAfter(0, event -> {
			if (cases.containsKey(event.caseId())) {
				events.computeIfAbsent(event.caseId(), id -> new ArrayList<>())
					.add(new Custody.Event(event.type(), event.day(), event.measure(), event.until()));
			}
		});
		Map<UUID, List<Facts.CaseFact>> holding = new HashMap<>();
		for (Facts.CaseFact fact : cases.values()) {
			List<Custody.Event> deciding = events.getOrDefault(fact.id(), List.of())
				.stream()
				.filter(event -> Custody.TYPES.contains(event.type()))
				.toList();
			if (Custody.on(deciding, fact.outcome(), fact.sentenceMonths(), day).held()) {
				holding.computeIfAbsent(fact.person(), person -> new ArrayList<>()).add(fact);
			}
		}
		List<Listed> entries = new ArrayList<>();
		// the records linked as one person, by that person's least id
		Map<String, Set<String>> members = new HashMap<>();
		clusters.forEach((record, cluster) -> members.computeIfAbsent(cluster, c -> new TreeSet<>()).add(record));
		// every record shown read at once: the persons held and the records linked as
		// them, and the cases holding them
		List<RecordId> personIds = new ArrayList<>();
		holding.keySet().forEach(person -> {
			personIds.add(new PersonId(person));
			members.getOrDefault(person.toString(), Set.of())
				.forEach(member -> personIds.add(new PersonId(UUID.fromString(member))));
		});
		Map<RecordId, RecordView> persons = this.registry.read(actor, RecordKind.PERSON, personIds);
		Map<RecordId, RecordView> held = this.registry.read(actor, RecordKind.CASE,
				holding.values().stream().flatMap(List::stream).map(fact -> (RecordId) new CaseId(fact.id())).toList());
		holding.forEach((person, facts) -> entry(person, facts, members, events, decided, persons, held)
			.ifPresent(entry -> entries.add(new Listed(person.toString(), entry))));
		Collator byName = Collator.getInstance(java.util.Locale.forLanguageTag("ru"));
		entries.sort(Comparator.comparing((Listed listed) -> listed.entry().name(), byName::compare));
		return entries;
	}

	private Optional<Entry> entry(UUID person, List<Facts.CaseFact> held, Map<String, Set<String>> linked,
			Map<UUID, List<Custody.Event>> events, Map<UUID, Set<String>> decided, Map<RecordId, RecordView> persons,
			Map<RecordId, RecordView> cases) {
		List<PersonDetails> records = new ArrayList<>();
		PersonDetails first = null;
		Set<String> members = new TreeSet<>(linked.getOrDefault(person.toString(), Set.of()));
		members.add(person.toString());
		for (String member : members) {
			Optional<RecordView> view = Optional.ofNullable(persons.get(new PersonId(UUID.fromString(member))));
			if (view.isEmpty() || view.get().restricted() || view.get().shredded() || view.get().redacted()
					|| !(view.get().details() instanceof PersonDetails details) || !details.mayBeNamed()) {
				return Optional.empty();
			}
			records.add(details);
			if (member.equals(person.toString())) {
				first = details;
			}
		}
		if (first == null || first.displayName().isEmpty()) {
			return Optional.empty();
		}
		boolean letters = records.stream().allMatch(PersonDetails::mayReceiveLetters);
		Set<String> articles = new TreeSet<>();
		Set<String> listedBy = new LinkedHashSet<>();
		LocalDate arrested = null;
		Facts.CaseFact latest = null;
		CaseDetails latestDetails = null;
		for (Facts.CaseFact fact : held) {
			Optional<RecordView> view = Optional.ofNullable(cases.get(new CaseId(fact.id())));
			if (view.isEmpty() || view.get().restricted() || view.get().redacted()
					|| !(view.get().details() instanceof CaseDetails details)) {
				continue;
			}
			List<String> methodologies = methodologies(fact, decided);
			listedBy.addAll(methodologies);
			// the articles that list them; on a decision, every article of the case
			fact.charges()
				.stream()
				.filter(article -> this.plan.methodologies()
					.stream()
					.anyMatch(m -> methodologies.contains(m.code()) && (m.decided() || m.articles().contains(article))))
				.forEach(articles::add);
			for (Custody.Event event : events.getOrDefault(fact.id(), List.of())) {
				boolean custody = "detention".equals(event.type())
						|| ("measure-of-restraint".equals(event.type()) && "custody".equals(event.measure()));
				if (custody && (arrested == null || event.day().isBefore(arrested))) {
					arrested = event.day();
				}
			}
			if (latest == null
					|| (fact.opened() != null && (latest.opened() == null || fact.opened().isAfter(latest.opened())))) {
				latest = fact;
				latestDetails = details;
			}
		}
		if (latest == null) {
			return Optional.empty();
		}
		String place = latestDetails.custodyPlace();
		String address = (letters && place != null) ? this.plan.facilities().get(place.strip()) : null;
		return Optional.of(new Entry(first.displayName(), first.region(), List.copyOf(articles), latest.status(),
				arrested, latestDetails.court(), place, address, List.copyOf(listedBy)));
	}

	/**
	 * The codes of the methodologies that list the person of case {@code fact} by it: by
	 * its charges, or by an editors' decision on its person.
	 */
	private List<String> methodologies(Facts.CaseFact fact, Map<UUID, Set<String>> decided) {
		Set<String> decisions = decided.getOrDefault(fact.person(), Set.of());
		return this.plan.methodologies()
			.stream()
			.filter(methodology -> methodology.decided() ? decisions.contains(methodology.code())
					: fact.charges().stream().anyMatch(methodology.articles()::contains))
			.map(PublicationPlan.Methodology::code)
			.toList();
	}

}
