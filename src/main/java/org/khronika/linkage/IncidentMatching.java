package org.khronika.linkage;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.khronika.registry.IncidentDetails;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordView;

/**
 * Incidents reported twice: two incident records in one region, a day apart at most, are
 * compared on their type, place, participants, sources and number detained. A pair is
 * proposed when something particular to the incident agrees (the place, a participant, a
 * source, the same number detained) and nothing says they are two: a different place or
 * type with no participant or source in common. Its score is the share of the fields
 * compared that agree, not a probability: incidents are too few, and too unlike each
 * other, for a model to estimate weights from them.
 */
final class IncidentMatching {

	/** The share of agreeing fields from which a pair is proposed. */
	static final double THRESHOLD = 0.6;

	/**
	 * An incident as matching reads it: public fields only, its participants by the
	 * person they belong to (linked person records as one).
	 */
	record Incident(String id, Instant createdAt, LocalDate date, String region, String type, String locality,
			Integer detained, Set<String> persons, Set<String> sources) {

		static Incident of(RecordView view, Map<String, String> personClusters) {
			IncidentDetails details = (IncidentDetails) view.details();
			Set<String> persons = new HashSet<>();
			details.persons().forEach(p -> persons.add(personClusters.getOrDefault(p.toString(), p.toString())));
			Set<String> sources = new HashSet<>();
			details.sources().forEach(s -> sources.add(s.toString()));
			return new Incident(view.id().toString(), view.createdAt(), details.date(), details.region(),
					details.type(), details.locality(), details.detained(), persons, sources);
		}

	}

	/** How two incidents compare: the share that agrees, whether to propose, and why. */
	record Result(double score, boolean proposed, List<Linkage.Reason> reasons) {
	}

	private IncidentMatching() {
	}

	/**
	 * The pairs of {@code incidents} that may be one incident, each once, the lesser id
	 * first, leaving out pairs linked already (by {@code clusters}) and pairs rejected.
	 */
	static List<Pair> candidates(Collection<Incident> incidents, Map<String, String> clusters,
			Set<List<String>> rejected) {
		Map<String, List<Incident>> byDay = new HashMap<>();
		for (Incident incident : incidents) {
			byDay.computeIfAbsent(incident.region() + "|" + incident.date().toEpochDay(), k -> new ArrayList<>())
				.add(incident);
		}
		List<Pair> pairs = new ArrayList<>();
		for (Incident incident : incidents) {
			long day = incident.date().toEpochDay();
			// the same day and the day after: each pair a day apart is met once
			for (long other = day; other <= day + 1; other++) {
				for (Incident candidate : byDay.getOrDefault(incident.region() + "|" + other, List.of())) {
					if (other == day && candidate.id().compareTo(incident.id()) <= 0) {
						continue;
					}
					Pair pair = Pair.of(incident, candidate);
					if (!clusters.getOrDefault(pair.left().id(), pair.left().id())
						.equals(clusters.getOrDefault(pair.right().id(), pair.right().id()))
							&& !rejected.contains(List.of(pair.left().id(), pair.right().id()))) {
						pairs.add(pair);
					}
				}
			}
		}
		return pairs;
	}

	/** Two incidents, the lesser id first. */
	record Pair(Incident left, Incident right) {

		static Pair of(Incident one, Incident other) {
			return (one.id().compareTo(other.id()) <= 0) ? new Pair(one, other) : new Pair(other, one);
		}

	}

	/** How {@code one} and {@code other} compare. */
	static Result compare(Incident one, Incident other) {
		List<Linkage.Reason> reasons = new ArrayList<>();
		double agree = 0;
		int compared = 0;
		long apart = Math.abs(one.date().toEpochDay() - other.date().toEpochDay());
		compared++;
		if (apart == 0) {
			agree++;
			reasons.add(new Linkage.Reason("incident-day-same", one.date().toString(), ""));
		}
		else {
			agree += (apart == 1) ? 0.5 : 0;
			reasons.add(new Linkage.Reason((apart == 1) ? "incident-day-near" : "incident-day-differs",
					one.date().toString(), other.date().toString()));
		}
		boolean sameRegion = one.region().equals(other.region());
		reasons.add(sameRegion ? new Linkage.Reason("region-same", one.region(), "")
				: new Linkage.Reason("region-differs", one.region(), other.region()));
		boolean sameType = one.type().equals(other.type());
		compared++;
		agree += sameType ? 1 : 0;
		reasons.add(sameType ? new Linkage.Reason("incident-type-same", one.type(), "")
				: new Linkage.Reason("incident-type-differs", one.type(), other.type()));
		Boolean samePlace = samePlace(one.locality(), other.locality());
		if (samePlace != null) {
			compared++;
			agree += samePlace ? 1 : 0;
			reasons.add(new Linkage.Reason(samePlace ? "incident-place-same" : "incident-place-differs",
					one.locality().strip(), other.locality().strip()));
		}
		int sharedPersons = shared(one.persons(), other.persons());
		if (!one.persons().isEmpty() && !other.persons().isEmpty()) {
			compared++;
			agree += (sharedPersons > 0) ? 1 : 0;
			reasons.add((sharedPersons > 0)
					? new Linkage.Reason("incident-persons-shared", String.valueOf(sharedPersons), "")
					: new Linkage.Reason("incident-persons-differ", "", ""));
		}
		int sharedSources = shared(one.sources(), other.sources());
		if (sharedSources > 0) {
			// reports of one incident often cite different sources: only a shared one
			// says
			// something
			compared++;
			agree++;
			reasons.add(new Linkage.Reason("incident-sources-shared", String.valueOf(sharedSources), ""));
		}
		boolean sameDetained = false;
		if (one.detained() != null && other.detained() != null) {
			compared++;
			sameDetained = one.detained().equals(other.detained());
			agree += sameDetained ? 1 : 0;
			reasons.add(sameDetained ? new Linkage.Reason("incident-detained-same", one.detained().toString(), "")
					: new Linkage.Reason("incident-detained-differs", one.detained().toString(),
							other.detained().toString()));
		}
		boolean together = sharedPersons > 0 || sharedSources > 0;
		boolean particular = together || Boolean.TRUE.equals(samePlace) || (sameDetained && one.detained() > 0);
		boolean apartPlainly = Boolean.FALSE.equals(samePlace) || !sameType;
		double score = agree / compared;
		boolean proposed = sameRegion && apart <= 1 && particular && (together || !apartPlainly) && score >= THRESHOLD;
		return new Result(score, proposed, reasons);
	}

	private static int shared(Set<String> one, Set<String> other) {
		int shared = 0;
		for (String id : one) {
			if (other.contains(id)) {
				shared++;
			}
		}
		return shared;
	}

	/** Words that name no place by themselves: a square, a street, "near". */
	private static final Set<String> GENERIC = Set.of("площадь", "пл", "улица", "ул", "проспект", "пр", "просп",
			"переулок", "пер", "бульвар", "бул", "набережная", "наб", "шоссе", "ш", "дом", "д", "город", "г", "метро",
			"м", "станция", "ст", "у", "возле", "около", "на", "в", "во", "перед", "памятник", "памятника", "square",
			"sq", "street", "st", "avenue", "ave", "prospekt", "near", "at", "the", "of", "metro", "station", "in",
			"on", "by");

	/**
	 * Whether two places are one: more than half the words of the shorter in the other,
	 * ignoring case, ё, punctuation, order and words such as "площадь" or "улица" that
	 * name no place alone ("Манежная площадь" and "Москва, Манежная пл."; not "Пушкинская
	 * площадь"); null if either names no place.
	 */
	static Boolean samePlace(String one, String other) {
		if (one == null || other == null || one.isBlank() || other.isBlank()) {
			return null;
		}
		Set<String> a = words(one);
		Set<String> b = words(other);
		if (a.isEmpty() || b.isEmpty()) {
			return null;
		}
		Set<String> common = new HashSet<>(a);
		common.retainAll(b);
		return common.size() * 2 > Math.min(a.size(), b.size());
	}

	private static Set<String> words(String place) {
		String plain = Normalizer.normalize(place, Normalizer.Form.NFC)
			.toLowerCase(Locale.ROOT)
			.replace('ё', 'е')
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
		Set<String> words = new HashSet<>();
		for (String word : plain.split(" ")) {
			if (!word.isEmpty() && !GENERIC.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	/** The ids a record stands for, for {@link Linkage}'s proposals. */
	static RecordId id(String id) {
		return org.khronika.registry.RecordKind.INCIDENT.id(java.util.UUID.fromString(id));
	}

}
