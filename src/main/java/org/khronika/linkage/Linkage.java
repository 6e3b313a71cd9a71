package org.khronika.linkage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.RecordType;
import org.khronika.registry.CaseDetails;
import org.khronika.registry.LinkProposal;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.PersonMatcher;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordFeed;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.search.NameKeys;

/**
 * Linkage's API: finds pairs of person records that may be one person and proposes them,
 * with the reasons; confirms and rejects through the registry, which keeps the decisions
 * in the log; and says which records form one person.
 *
 * <p>
 * A run reads every person record (names opened in memory, never written out), blocks
 * them into candidate pairs by the keys of their surnames (and of their surnames with a
 * letter left out, with the given name's initial, for a typo), and by their given name,
 * patronymic and birth year together, compares each pair field by field, estimates the
 * Fellegi–Sunter model ({@link Model}) from the records and those comparisons, and keeps
 * the pairs whose probability reaches {@value #THRESHOLD} and have something beside the
 * name in common (a birth year within two years, the region, an article). Relatives are
 * never proposed: two records whose given names, patronymics or birth years (by three
 * years or more) plainly differ are two people, whatever else they share. Pairs already
 * linked or rejected are not proposed again.
 *
 * <p>
 * The same run proposes incidents reported twice ({@link IncidentMatching}): they are few
 * and public, and compared by plain rules rather than a model.
 */
public class Linkage implements PersonMatcher {

	/** The probability from which a pair is proposed. */
	public static final double THRESHOLD = 0.9;

	/** A block larger than this is split by the initial of the given name. */
	private static final int BLOCK = 200;

	/** A block of surnames a typo apart larger than this is not compared. */
	private static final int TYPO_BLOCK = 100;

	/**
	 * How a run went: person records, their candidate pairs and proposals; incident
	 * records and their proposals.
	 */
	public record Summary(int persons, long candidates, int proposals, int incidents, int incidentProposals,
			Duration took) {
	}

	/**
	 * Told how far a run has got: its phase, and how much of it is done; from whichever
	 * thread got there.
	 */
	public interface Progress {

		void step(String phase, long done, long total);

	}

	/**
	 * An open proposal as a page shows it: the two records as the reader may see them,
	 * the score (for persons the probability, for incidents the share of fields that
	 * agree), and the reasons, each a message code with its two values.
	 */
	public record Proposal(RecordView left, RecordView right, double probability, List<Reason> reasons) {
	}

	/**
	 * One reason a pair may or may not be one person: the code of its message
	 * ({@code linkage.reason.CODE}) and the two values it compares.
	 */
	public record Reason(String code, String left, String right) {

		/**
		 * The reason in words of {@code labels}' language, regions and articles by their
		 * names: "Klokov = Клоков (transliteration)".
		 */
		public String words(RecordLabels labels) {
			return labels.message("linkage.reason." + this.code, named(this.left, labels), named(this.right, labels));
		}

		private String named(String value, RecordLabels labels) {
			if (value.isEmpty()) {
				return value;
			}
			if (this.code.startsWith("region-")) {
				return labels.region(value);
			}
			if (this.code.startsWith("articles-")) {
				return String.join(", ", java.util.Arrays.stream(value.split(", ")).map(labels::article).toList());
			}
			if (this.code.startsWith("incident-type-")) {
				return labels.term(org.khronika.catalog.Catalog.INCIDENT_TYPES, value);
			}
			if (this.code.startsWith("incident-day-")) {
				return labels.date(java.time.LocalDate.parse(value));
			}
			return value;
		}

	}

	/** A person record and the person it belongs to (the least id of its cluster). */
	public record Member(String record, String cluster) {
	}

	private final RecordFeed feed;

	private final Registry registry;

	private final AccessPolicy policy;

	private final NameKeys names;

	private final RecordFinder finder;

	Linkage(RecordFeed feed, Registry registry, AccessPolicy policy, NameKeys names, RecordFinder finder) {
		this.finder = finder;
		this.feed = feed;
		this.registry = registry;
		this.policy = policy;
		this.names = names;
	}

	/**
	 * Scores every person record against its candidates and replaces the proposals; then
	 * the incidents, if {@code actor} may record them.
	 * @throws AccessRefused unless {@code actor} may record persons and see their names
	 */
	public Summary run(Actor actor, Progress progress) {
		requireLinker(actor);
		long started = System.nanoTime();
		List<RecordView> incidents = new ArrayList<>();
		Map<String, PersonRecord> persons = persons(progress, incidents);
		Set<List<String>> decided = new HashSet<>(this.registry.rejectedLinks(RecordKind.PERSON));
		Map<String, String> clusters = this.registry.clusters(RecordKind.PERSON);
		Scoring scoring = score(persons, clusters, decided, progress);
		List<LinkProposal> proposals = scoring.proposals();
		progress.step("save", 0, proposals.size());
		this.registry.replaceLinkProposals(actor, RecordKind.PERSON, proposals);
		int incidentProposals = this.policy.mayCreate(actor, RecordType.INCIDENT).isGranted()
				? proposeIncidents(actor, incidents, progress) : 0;
		progress.step("proposals", proposals.size() + incidentProposals, proposals.size() + incidentProposals);
		return new Summary(persons.size(), scoring.candidates(), proposals.size(), incidents.size(), incidentProposals,
				Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * The candidate pairs a run compared, the proposals it made of them, and the model it
	 * estimated.
	 */
	record Scoring(long candidates, List<LinkProposal> proposals, Model model) {
	}

	/**
	 * The proposals among {@code persons}: the candidate pairs compared, the model
	 * estimated from them, and the likely pairs kept that are not already one person
	 * ({@code clusters}), not decided against ({@code decided}) and consistent with each
	 * other. Reads nothing but its arguments.
	 */
	static Scoring score(Map<String, PersonRecord> persons, Map<String, String> clusters, Set<List<String>> decided,
			Progress progress) {
		return score(persons, clusters, decided, progress, THRESHOLD);
	}

	/** {@link #score}, from the probability {@code threshold} on. */
	static Scoring score(Map<String, PersonRecord> persons, Map<String, String> clusters, Set<List<String>> decided,
			Progress progress, double threshold) {
		List<String[]> pairs = candidates(persons, progress);
		Model counting = Model.counting(persons.values());
		// each pair's comparison is kept as two numbers, not as itself: a run compares
		// millions of pairs. They are compared on every core: a comparison reads only
		// its two records
		int[] packed = new int[pairs.size()];
		double[] agreedLogU = new double[pairs.size()];
		java.util.concurrent.atomic.AtomicLong compared = new java.util.concurrent.atomic.AtomicLong();
		java.util.stream.IntStream.range(0, pairs.size()).parallel().forEach(i -> {
			long done = compared.incrementAndGet();
			if (done % 100_000 == 0) {
				progress.step("compare", done, pairs.size());
			}
			Comparison.Result result = Comparison.of(persons.get(pairs.get(i)[0]), persons.get(pairs.get(i)[1]));
			// plainly two people are never proposed, and are left out of the estimate,
			// where they would make a class of their own (the same given name,
			// patronymic and year under another surname)
			if (relatives(result)) {
				packed[i] = Model.APART;
			}
			else {
				packed[i] = Model.pack(result);
				agreedLogU[i] = counting.agreedLogU(result);
			}
		});
		progress.step("estimate", 0, java.util.Arrays.stream(packed).filter(code -> code != Model.APART).count());
		Model model = counting.estimated(packed, agreedLogU);
		List<LinkProposal> likely = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i++) {
			String[] pair = pairs.get(i);
			String left = clusters.getOrDefault(pair[0], pair[0]);
			String right = clusters.getOrDefault(pair[1], pair[1]);
			if (packed[i] == Model.APART || left.equals(right) || decided.contains(List.of(pair[0], pair[1]))) {
				continue;
			}
			double probability = model.probability(packed[i], agreedLogU[i]);
			if (probability >= threshold && corroborated(packed[i])) {
				likely.add(new LinkProposal(id(pair[0]), id(pair[1]), probability));
			}
		}
		progress.step("consistent", 0, likely.size());
		return new Scoring(pairs.size(), consistent(likely, persons, clusters), model);
	}

	/**
	 * Compares the incidents a day apart at most in each region and replaces their
	 * proposals.
	 * @return how many were proposed
	 */
	private int proposeIncidents(Actor actor, List<RecordView> views, Progress progress) {
		progress.step("incidents", 0, views.size());
		Map<String, String> persons = this.registry.clusters(RecordKind.PERSON);
		List<IncidentMatching.Incident> incidents = views.stream()
			.map(view -> IncidentMatching.Incident.of(view, persons))
			.toList();
		List<LinkProposal> proposals = new ArrayList<>();
		for (IncidentMatching.Pair pair : IncidentMatching.candidates(incidents,
				this.registry.clusters(RecordKind.INCIDENT),
				new HashSet<>(this.registry.rejectedLinks(RecordKind.INCIDENT)))) {
			IncidentMatching.Result result = IncidentMatching.compare(pair.left(), pair.right());
			if (result.proposed()) {
				proposals.add(new LinkProposal(IncidentMatching.id(pair.left().id()),
						IncidentMatching.id(pair.right().id()), result.score()));
			}
		}
		this.registry.replaceLinkProposals(actor, RecordKind.INCIDENT, proposals);
		return proposals.size();
	}

	/**
	 * The proposals that can all be confirmed together, the most probable first: a
	 * proposal that would make one person of two records that plainly name two people
	 * (the father through his son's misspelt record, two namesakes through a record with
	 * initials only) is left out, as confirming it would chain them.
	 */
	private static List<LinkProposal> consistent(List<LinkProposal> likely, Map<String, PersonRecord> persons,
			Map<String, String> clusters) {
		Map<String, List<String>> members = new HashMap<>();
		Map<String, String> personOf = new HashMap<>();
		for (String id : persons.keySet()) {
			String cluster = clusters.getOrDefault(id, id);
			personOf.put(id, cluster);
			members.computeIfAbsent(cluster, c -> new ArrayList<>()).add(id);
		}
		List<LinkProposal> sorted = new ArrayList<>(likely);
		sorted.sort(java.util.Comparator.comparingDouble(LinkProposal::probability).reversed());
		List<LinkProposal> kept = new ArrayList<>();
		for (LinkProposal proposal : sorted) {
			String one = personOf.get(proposal.left().toString());
			String other = personOf.get(proposal.right().toString());
			if (one.equals(other)) {
				kept.add(proposal);
				continue;
			}
			List<String> ones = members.get(one);
			List<String> others = members.get(other);
			boolean conflict = ones.stream()
				.anyMatch(a -> others.stream().anyMatch(b -> twoPeople(Comparison.of(persons.get(a), persons.get(b)))));
			if (conflict) {
				continue;
			}
			kept.add(proposal);
			ones.addAll(others);
			others.forEach(id -> personOf.put(id, one));
			members.remove(other);
		}
		return kept;
	}

	/**
	 * Two records that plainly name two people: a woman and a man, or given names,
	 * patronymics or birth years (three years or more apart) that differ. Relatives share
	 * a surname, a region and often a patronymic's root; they differ in one of these.
	 */
	static boolean relatives(Comparison.Result result) {
		return twoPeople(result) || result.is(Comparison.Field.SURNAME, "different");
	}

	/**
	 * Two records of a would-be person that cannot be one: their sex, given names,
	 * patronymics or birth years differ. Surnames may: each report may misspell the name
	 * its own way, and two typos apart are still one person.
	 */
	private static boolean twoPeople(Comparison.Result result) {
		return result.sexDiffers() || result.is(Comparison.Field.GIVEN, "different")
				|| result.is(Comparison.Field.PATRONYMIC, "different")
				|| result.is(Comparison.Field.BIRTH_YEAR, "different");
	}

	/**
	 * Whether something beside the name says it is one person: a birth year within two
	 * years, the region, or a case under the same article. A name alone, patronymic
	 * included, is not enough: namesakes are common, and a wrong merge is worse than a
	 * missed one.
	 */
	static boolean corroborated(Comparison.Result result) {
		return corroborated(Model.pack(result));
	}

	private static boolean corroborated(int packed) {
		int born = Model.level(packed, Comparison.Field.BIRTH_YEAR);
		return born == Comparison.Field.BIRTH_YEAR.level("same") || born == Comparison.Field.BIRTH_YEAR.level("near")
				|| Model.level(packed, Comparison.Field.REGION) == Comparison.Field.REGION.level("same")
				|| Model.level(packed, Comparison.Field.ARTICLES) == Comparison.Field.ARTICLES.level("shared");
	}

	/**
	 * The person records, their names taken apart; the incident records are put into
	 * {@code incidents} on the way.
	 */
	private Map<String, PersonRecord> persons(Progress progress, List<RecordView> incidents) {
		Map<String, RecordView> views = new LinkedHashMap<>();
		Map<String, Set<String>> articles = new HashMap<>();
		long total = this.feed.count();
		long[] read = { 0 };
		this.feed.all(2000, items -> {
			for (RecordFeed.Item item : items) {
				RecordView view = item.view();
				if (view.kind() == RecordKind.PERSON && !view.shredded()) {
					views.put(view.id().toString(), view);
				}
				else if (view.kind() == RecordKind.INCIDENT) {
					incidents.add(view);
				}
				else if (view.kind() == RecordKind.CASE) {
					CaseDetails details = (CaseDetails) view.details();
					articles.computeIfAbsent(details.person().toString(), k -> new HashSet<>())
						.addAll(details.charges());
				}
			}
			read[0] += items.size();
			progress.step("read", read[0], total);
		});
		// names are taken apart on every core, each written name once (reports repeat
		// them): transliteration is most of a read's time. The names live for this run
		// only, so a name shredded since is not kept.
		progress.step("names", 0, views.size());
		Map<String, PersonRecord.Name> taken = new java.util.concurrent.ConcurrentHashMap<>();
		List<PersonRecord> records = views.values()
			.parallelStream()
			.map(view -> record(view, articles.getOrDefault(view.id().toString(), Set.of()), taken))
			.toList();
		Map<String, PersonRecord> persons = new LinkedHashMap<>();
		records.forEach(record -> persons.put(record.id(), record));
		return persons;
	}

	private PersonRecord record(RecordView view, Set<String> articles) {
		return record(view, articles, new HashMap<>());
	}

	private PersonRecord record(RecordView view, Set<String> articles, Map<String, PersonRecord.Name> taken) {
		PersonDetails details = (PersonDetails) view.details();
		List<PersonRecord.Name> written = details.names()
			.stream()
			.map(name -> taken.computeIfAbsent(name, n -> PersonRecord.Name.of(n, this.names)))
			.toList();
		return new PersonRecord(view.id().toString(), view.createdAt(), written, details.birthYear(), details.region(),
				articles);
	}

	/**
	 * The candidate pairs, each once, the lesser id first: records that share a surname
	 * key (split by the given name's initial where many do); that share a given name's
	 * initial and a surname key with a letter left out, unless many do (a surname
	 * misspelt); or that share a given name, patronymic and birth year (a surname
	 * misspelt past both).
	 */
	static List<String[]> candidates(Map<String, PersonRecord> persons, Progress progress) {
		progress.step("block", 0, 0);
		Map<String, List<String>> blocks = new HashMap<>();
		for (PersonRecord person : persons.values()) {
			Set<String> keys = new LinkedHashSet<>();
			for (PersonRecord.Name name : person.names()) {
				for (String surname : name.surnameKeys()) {
					keys.add("s:" + surname);
					// a surname with a letter changed, left out, added or swapped shares
					// a key with one letter left out (Клоков, Крокова, Клкова), with the
					// given name's initial
					if (surname.length() >= 4) {
						for (String initial : name.givenInitials()) {
							keys.add("d:" + surname + "|" + initial);
							for (int at = 0; at < surname.length(); at++) {
								keys.add("d:" + surname.substring(0, at) + surname.substring(at + 1) + "|" + initial);
							}
						}
					}
				}
				if (!name.givenKeys().isEmpty() && !name.patronymicKeys().isEmpty() && person.birthYear() != null) {
					keys.add("g:" + name.givenKeys().get(0) + "|" + name.patronymicKeys().get(0) + "|"
							+ person.birthYear());
				}
			}
			keys.forEach(key -> blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(person.id()));
		}
		// a pair is two indexes into the ids in order, packed into a long: sorting them
		// puts the pairs that several blocks share side by side, to be kept once
		String[] ids = persons.keySet().stream().sorted().toArray(String[]::new);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			index.put(ids[i], i);
		}
		long[] packed = new long[1024];
		int count = 0;
		long done = 0;
		for (Map.Entry<String, List<String>> entry : blocks.entrySet()) {
			List<String> block = entry.getValue();
			if (entry.getKey().startsWith("d:") && block.size() > TYPO_BLOCK) {
				// the typos of a common surname: too many to compare, too common to tell
				continue;
			}
			for (List<String> part : split(block, persons)) {
				int[] members = part.stream().mapToInt(index::get).toArray();
				for (int i = 0; i < members.length; i++) {
					for (int j = i + 1; j < members.length; j++) {
						if (count == packed.length) {
							packed = java.util.Arrays.copyOf(packed, packed.length * 2);
						}
						int a = Math.min(members[i], members[j]);
						int b = Math.max(members[i], members[j]);
						packed[count++] = ((long) a << 32) | b;
					}
				}
			}
			if (++done % 10_000 == 0) {
				progress.step("block", done, blocks.size());
			}
		}
		java.util.Arrays.parallelSort(packed, 0, count);
		List<String[]> pairs = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			if (k == 0 || packed[k] != packed[k - 1]) {
				pairs.add(new String[] { ids[(int) (packed[k] >>> 32)], ids[(int) packed[k]] });
			}
		}
		return pairs;
	}

	/**
	 * A large block in parts by the initial of the given name; a record without a given
	 * name goes into every part.
	 */
	private static Collection<List<String>> split(List<String> block, Map<String, PersonRecord> persons) {
		if (block.size() <= BLOCK) {
			return List.of(block);
		}
		Map<String, Set<String>> parts = new TreeMap<>();
		List<String> unknown = new ArrayList<>();
		for (String id : block) {
			// a familiar form goes with its full names' initials too (Саша: С. and А.)
			Set<String> initials = new HashSet<>();
			persons.get(id).names().forEach(name -> initials.addAll(name.givenInitials()));
			if (initials.isEmpty()) {
				unknown.add(id);
			}
			for (String initial : initials) {
				// J. or I. may be Елена, Юлия, Яна too
				Comparison.alike(initial)
					.forEach(letter -> parts.computeIfAbsent(letter, k -> new LinkedHashSet<>()).add(id));
			}
		}
		parts.values().forEach(part -> part.addAll(unknown));
		return parts.values().stream().map(part -> (List<String>) new ArrayList<>(part)).toList();
	}

	/**
	 * The open proposals whose two records {@code actor} may see, most probable first,
	 * with the records (the one recorded first on the left) and the reasons (the records'
	 * reads are audited).
	 * @throws AccessRefused unless {@code actor} may record persons and see their names
	 */
	public List<Proposal> proposals(Actor actor, int limit) {
		requireLinker(actor, RecordKind.PERSON);
		return shown(actor, RecordKind.PERSON, limit,
				(left, right) -> reasons(Comparison.of(record(left, articles(actor, (PersonId) left.id())),
						record(right, articles(actor, (PersonId) right.id())))));
	}

	/**
	 * The open proposals that two incident records are one incident whose two records
	 * {@code actor} may see, the best first, with the records (the one recorded first on
	 * the left) and the reasons.
	 * @throws AccessRefused unless {@code actor} may record incidents
	 */
	public List<Proposal> incidentProposals(Actor actor, int limit) {
		requireLinker(actor, RecordKind.INCIDENT);
		Map<String, String> persons = this.registry.clusters(RecordKind.PERSON);
		return shown(actor, RecordKind.INCIDENT, limit,
				(left, right) -> IncidentMatching
					.compare(IncidentMatching.Incident.of(left, persons), IncidentMatching.Incident.of(right, persons))
					.reasons());
	}

	/**
	 * The open proposals of {@code kind} as {@code actor} may see both their records, the
	 * one recorded first on the left, with {@code reasons}' reasons. Every record shown
	 * is read at once: one audit entry for the page.
	 */
	private List<Proposal> shown(Actor actor, RecordKind kind, int limit,
			java.util.function.BiFunction<RecordView, RecordView, List<Reason>> reasons) {
		List<Proposal> shown = new ArrayList<>();
		List<LinkProposal> open = this.registry.openLinkProposals(actor, kind, limit);
		// both sides of every proposal in one read
		Map<RecordId, RecordView> records = this.registry.read(actor, kind,
				open.stream()
					.flatMap(proposal -> java.util.stream.Stream.of(proposal.left(), proposal.right()))
					.toList());
		for (LinkProposal proposal : open) {
			RecordView left = records.get(proposal.left());
			RecordView right = records.get(proposal.right());
			if (left == null || right == null) {
				continue;
			}
			if (right.createdAt().isBefore(left.createdAt())) {
				RecordView first = right;
				right = left;
				left = first;
			}
			shown.add(new Proposal(left, right, proposal.probability(), reasons.apply(left, right)));
		}
		return shown;
	}

	/**
	 * How many proposals of {@code kind} are open: the figures of persons (incidents) may
	 * change when they are decided.
	 */
	public long openProposals(RecordKind kind) {
		return this.registry.openLinkProposalCount(kind);
	}

	/**
	 * The reasons two person records may or may not be one person, as {@code actor} may
	 * read them; empty if they may not read both.
	 */
	public List<Reason> explain(Actor actor, PersonId left, PersonId right) {
		requireLinker(actor);
		RecordView one = this.registry.read(actor, left).orElse(null);
		RecordView other = this.registry.read(actor, right).orElse(null);
		if (one == null || other == null) {
			return List.of();
		}
		return reasons(Comparison.of(record(one, articles(actor, left)), record(other, articles(actor, right))));
	}

	private Set<String> articles(Actor actor, PersonId person) {
		Set<String> articles = new HashSet<>();
		for (RecordView record : this.registry.recordsMentioning(actor, person)) {
			if (record.details() instanceof CaseDetails details && details.person().equals(person)) {
				articles.addAll(details.charges());
			}
		}
		return articles;
	}

	private static List<Reason> reasons(Comparison.Result result) {
		return result.reasons().stream().map(r -> new Reason(r.code(), r.left(), r.right())).toList();
	}

	@Override
	public boolean ready() {
		return this.finder.ready();
	}

	/**
	 * The persons a new record's details may describe: those the search finds by its
	 * names that are not plainly other people and whose surname and given name agree (the
	 * same, a familiar form, an initial), the closest first, a person of several records
	 * by the closest of them.
	 */
	@Override
	public List<RecordView> matches(Actor actor, PersonDetails details, int limit) {
		if (details.names().isEmpty()) {
			return List.of();
		}
		PersonRecord draft = new PersonRecord("", java.time.Instant.EPOCH,
				details.names().stream().map(name -> PersonRecord.Name.of(name, this.names)).toList(),
				details.birthYear(), details.region(), Set.of());
		record Scored(RecordView view, int rank) {
		}
		Map<RecordId, RecordView> found = new LinkedHashMap<>();
		for (String written : details.names()) {
			for (RecordView view : this.finder.find(actor, RecordKind.PERSON, written, 20).page().items()) {
				if (!view.redacted() && !view.shredded()) {
					found.putIfAbsent(view.id(), view);
				}
			}
		}
		// two records linked as one person are offered once, by the one closer to the
		// new record
		Map<RecordId, String> persons = this.registry.clustersOf(found.keySet());
		Map<String, Scored> scored = new LinkedHashMap<>();
		for (RecordView candidate : found.values()) {
			Comparison.Result result = Comparison.of(draft, record(candidate, Set.of()));
			boolean surname = !result.is(Comparison.Field.SURNAME, "different");
			boolean given = result.is(Comparison.Field.GIVEN, "same") || result.is(Comparison.Field.GIVEN, "familiar")
					|| result.is(Comparison.Field.GIVEN, "initial");
			if (surname && given && !relatives(result)) {
				int rank = (result.is(Comparison.Field.GIVEN, "same") ? 2 : 1)
						+ (result.is(Comparison.Field.PATRONYMIC, "same") ? 2 : 0)
						+ (result.is(Comparison.Field.BIRTH_YEAR, "same") ? 2
								: result.is(Comparison.Field.BIRTH_YEAR, "near") ? 1 : 0)
						+ (result.is(Comparison.Field.REGION, "same") ? 1 : 0);
				scored.merge(persons.get(candidate.id()), new Scored(candidate, rank),
						(kept, other) -> (other.rank() > kept.rank()) ? other : kept);
			}
		}
		return scored.values()
			.stream()
			.sorted(java.util.Comparator.comparingInt(Scored::rank).reversed())
			.limit(limit)
			.map(Scored::view)
			.toList();
	}

	/**
	 * Links two person records as one person (a {@code person.linked} entry), or two
	 * incident records as one incident.
	 * @throws AccessRefused unless {@code actor} may record persons (incidents)
	 */
	public SaveResult confirm(Actor actor, RecordId left, RecordId right) {
		requireLinker(actor, left.kind());
		return this.registry.link(actor, left, right);
	}

	/**
	 * The message code that says why a decision on a pair of {@code kind} records was
	 * refused: a pair linked already (said as {@code confirming} or rejecting meets it),
	 * a record with itself, or the refusal's own words.
	 */
	public static String refusalMessage(SaveResult.Refused refused, RecordKind kind, boolean confirming) {
		return switch (refused.refusal()) {
			case EXISTS -> (confirming ? "linkage.linkedAlready." : "linkage.unlinkFirst.") + kind.code();
			case INVALID ->
				refused.problems().isEmpty() ? refused.refusal().code() : refused.problems().get(0).messageCode();
			default -> refused.refusal().code();
		};
	}

	/**
	 * Records that two person records are not one person, or two incident records not one
	 * incident; never proposed again.
	 * @throws AccessRefused unless {@code actor} may record persons (incidents)
	 */
	public SaveResult reject(Actor actor, RecordId left, RecordId right) {
		requireLinker(actor, left.kind());
		return this.registry.rejectLink(actor, left, right);
	}

	/**
	 * Every person record and the person it belongs to: by the links confirmed, and with
	 * {@code proposed} also as if every open proposal were confirmed. Ids only.
	 * @throws AccessRefused unless {@code actor} may record persons and see their names
	 */
	public List<Member> members(Actor actor, boolean proposed) {
		requireLinker(actor);
		Map<String, String> parent = new HashMap<>();
		List<String> records = this.feed.ids(RecordKind.PERSON);
		records.forEach(id -> parent.put(id, id));
		this.registry.clusters(RecordKind.PERSON).forEach((record, cluster) -> union(parent, record, cluster));
		if (proposed) {
			for (LinkProposal proposal : this.registry.openLinkProposals(actor, RecordKind.PERSON, Integer.MAX_VALUE)) {
				if (proposal.probability() >= THRESHOLD) {
					union(parent, proposal.left().toString(), proposal.right().toString());
				}
			}
		}
		return records.stream().sorted().map(id -> new Member(id, find(parent, id))).toList();
	}

	private static String find(Map<String, String> parent, String id) {
		String root = id;
		while (!parent.get(root).equals(root)) {
			root = parent.get(root);
		}
		String node = id;
		while (!parent.get(node).equals(root)) {
			String next = parent.get(node);
			parent.put(node, root);
			node = next;
		}
		return root;
	}

	private static void union(Map<String, String> parent, String a, String b) {
		if (!parent.containsKey(a) || !parent.containsKey(b)) {
			return;
		}
		String rootA = find(parent, a);
		String rootB = find(parent, b);
		if (!rootA.equals(rootB)) {
			// the least id names the person, as the registry's clusters do
			if (rootA.compareTo(rootB) < 0) {
				parent.put(rootB, rootA);
			}
			else {
				parent.put(rootA, rootB);
			}
		}
	}

	/** Linkage reads every person's names: for those who record persons, no one else. */
	void requireLinker(Actor actor) {
		requireLinker(actor, RecordKind.PERSON);
	}

	/**
	 * Proposals of {@code kind} are shown to, and decided by, those who record that kind.
	 */
	void requireLinker(Actor actor, RecordKind kind) {
		AccessRefused.unless(
				this.policy.mayCreate(actor, (kind == RecordKind.INCIDENT) ? RecordType.INCIDENT : RecordType.PERSON));
	}

	/** Whether {@code actor} may see and decide proposals of {@code kind}. */
	public boolean mayLink(Actor actor, RecordKind kind) {
		return this.policy.mayCreate(actor, (kind == RecordKind.INCIDENT) ? RecordType.INCIDENT : RecordType.PERSON)
			.isGranted();
	}

	private static PersonId id(String id) {
		return new PersonId(UUID.fromString(id));
	}

}
