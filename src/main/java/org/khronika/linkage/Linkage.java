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
 * them into candidate pairs by the keys of their surnames and by their given name,
 * patronymic and birth year together, compares each pair field by field, estimates the
 * Fellegi–Sunter weights from those comparisons, and keeps the pairs whose probability
 * reaches {@value #THRESHOLD} and have something beside the name in common (a birth year
 * within a year, the region, an article). Relatives are never proposed: two records whose
 * given names, patronymics or birth years (by two years or more) plainly differ are two
 * people, whatever else they share. Pairs already linked or rejected are not proposed
 * again.
 */
public class Linkage implements PersonMatcher {

	/** The probability from which a pair is proposed. */
	public static final double THRESHOLD = 0.99;

	/** A block larger than this is split by the initial of the given name. */
	private static final int BLOCK = 200;

	/** How a run went. */
	public record Summary(int persons, long candidates, int proposals, Duration took) {
	}

	/** Told how far a run has got: its phase, and how much of it is done. */
	public interface Progress {

		void step(String phase, long done, long total);

	}

	/**
	 * An open proposal as a page shows it: the two records as the reader may see them,
	 * the probability, and the reasons, each a message code with its two values.
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
	 * Scores every person record against its candidates and replaces the proposals.
	 * @throws AccessRefused unless {@code actor} may record persons and see their names
	 */
	public Summary run(Actor actor, Progress progress) {
		requireLinker(actor);
		long started = System.nanoTime();
		Map<String, PersonRecord> persons = persons(progress);
		Set<List<String>> decided = new HashSet<>(this.registry.rejectedLinks());
		Map<String, String> clusters = this.registry.clusters();
		List<String[]> pairs = candidates(persons, progress);
		List<Comparison.Result> results = new ArrayList<>(pairs.size());
		List<int[]> vectors = new ArrayList<>(pairs.size());
		long compared = 0;
		for (String[] pair : pairs) {
			Comparison.Result result = Comparison.of(persons.get(pair[0]), persons.get(pair[1]));
			results.add(result);
			vectors.add(result.levels());
			if (++compared % 100_000 == 0) {
				progress.step("compare", compared, pairs.size());
			}
		}
		Map<String, Integer> surnames = new HashMap<>();
		for (PersonRecord person : persons.values()) {
			Set<String> keys = new HashSet<>();
			person.names().forEach(name -> keys.addAll(name.surnameKeys()));
			keys.forEach(key -> surnames.merge(key, 1, Integer::sum));
		}
		Model model = Model.estimate(vectors, surnames, persons.size());
		List<LinkProposal> proposals = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i++) {
			String[] pair = pairs.get(i);
			Comparison.Result result = results.get(i);
			String left = clusters.getOrDefault(pair[0], pair[0]);
			String right = clusters.getOrDefault(pair[1], pair[1]);
			if (left.equals(right) || decided.contains(List.of(pair[0], pair[1])) || relatives(result)) {
				continue;
			}
			double probability = model.probability(result);
			if (probability >= THRESHOLD && corroborated(result)) {
				proposals.add(new LinkProposal(id(pair[0]), id(pair[1]), probability));
			}
		}
		this.registry.replaceLinkProposals(actor, proposals);
		progress.step("proposals", proposals.size(), proposals.size());
		return new Summary(persons.size(), pairs.size(), proposals.size(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Two records that plainly name two people: a woman and a man, or given names,
	 * patronymics or birth years (two years or more apart) that differ. Relatives share a
	 * surname, a region and often a patronymic's root; they differ in one of these.
	 */
	static boolean relatives(Comparison.Result result) {
		return result.sexDiffers() || result.is(Comparison.Field.GIVEN, "different")
				|| result.is(Comparison.Field.PATRONYMIC, "different")
				|| result.is(Comparison.Field.BIRTH_YEAR, "different")
				|| result.is(Comparison.Field.SURNAME, "different");
	}

	/**
	 * Whether something beside the name says it is one person: a birth year within a
	 * year, the region, or a case under the same article. A name alone, patronymic
	 * included, is not enough: namesakes are common, and a wrong merge is worse than a
	 * missed one.
	 */
	static boolean corroborated(Comparison.Result result) {
		return result.is(Comparison.Field.BIRTH_YEAR, "same") || result.is(Comparison.Field.BIRTH_YEAR, "off-by-one")
				|| result.is(Comparison.Field.REGION, "same") || result.is(Comparison.Field.ARTICLES, "shared");
	}

	private Map<String, PersonRecord> persons(Progress progress) {
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
				else if (view.kind() == RecordKind.CASE) {
					CaseDetails details = (CaseDetails) view.details();
					articles.computeIfAbsent(details.person().toString(), k -> new HashSet<>())
						.addAll(details.charges());
				}
			}
			read[0] += items.size();
			progress.step("read", read[0], total);
		});
		Map<String, PersonRecord> persons = new LinkedHashMap<>();
		views.forEach((id, view) -> persons.put(id, record(view, articles.getOrDefault(id, Set.of()))));
		return persons;
	}

	private PersonRecord record(RecordView view, Set<String> articles) {
		PersonDetails details = (PersonDetails) view.details();
		List<PersonRecord.Name> written = details.names()
			.stream()
			.map(name -> PersonRecord.Name.of(name, this.names))
			.toList();
		return new PersonRecord(view.id().toString(), view.createdAt(), written, details.birthYear(), details.region(),
				articles);
	}

	/**
	 * The candidate pairs, each once, the lesser id first: records that share a surname
	 * key (split by the given name's initial where many do), or share a given name,
	 * patronymic and birth year (a surname misspelt past its key).
	 */
	private static List<String[]> candidates(Map<String, PersonRecord> persons, Progress progress) {
		Map<String, List<String>> blocks = new HashMap<>();
		for (PersonRecord person : persons.values()) {
			Set<String> keys = new LinkedHashSet<>();
			for (PersonRecord.Name name : person.names()) {
				for (String surname : name.surnameKeys()) {
					keys.add("s:" + surname);
				}
				if (!name.givenKeys().isEmpty() && !name.patronymicKeys().isEmpty() && person.birthYear() != null) {
					keys.add("g:" + name.givenKeys().get(0) + "|" + name.patronymicKeys().get(0) + "|"
							+ person.birthYear());
				}
			}
			keys.forEach(key -> blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(person.id()));
		}
		Set<String> seen = new HashSet<>();
		List<String[]> pairs = new ArrayList<>();
		long done = 0;
		for (List<String> block : blocks.values()) {
			for (List<String> part : split(block, persons)) {
				for (int i = 0; i < part.size(); i++) {
					for (int j = i + 1; j < part.size(); j++) {
						String a = part.get(i);
						String b = part.get(j);
						String[] pair = (a.compareTo(b) < 0) ? new String[] { a, b } : new String[] { b, a };
						if (seen.add(pair[0] + pair[1])) {
							pairs.add(pair);
						}
					}
				}
			}
			if (++done % 10_000 == 0) {
				progress.step("block", done, blocks.size());
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
		Map<String, List<String>> parts = new TreeMap<>();
		List<String> unknown = new ArrayList<>();
		for (String id : block) {
			Set<String> initials = new HashSet<>();
			persons.get(id).names().forEach(name -> {
				if (name.parts().givenInitial() != null) {
					initials.add(name.parts().givenInitial());
				}
			});
			if (initials.isEmpty()) {
				unknown.add(id);
			}
			initials.forEach(initial -> parts.computeIfAbsent(initial, k -> new ArrayList<>()).add(id));
		}
		parts.values().forEach(part -> part.addAll(unknown));
		return parts.values();
	}

	/**
	 * The open proposals whose two records {@code actor} may see, most probable first,
	 * with the records (the one recorded first on the left) and the reasons (the records'
	 * reads are audited).
	 * @throws AccessRefused unless {@code actor} may record persons and see their names
	 */
	public List<Proposal> proposals(Actor actor, int limit) {
		requireLinker(actor);
		List<Proposal> shown = new ArrayList<>();
		for (LinkProposal proposal : this.registry.openLinkProposals(actor, limit)) {
			RecordView left = this.registry.read(actor, proposal.left()).orElse(null);
			RecordView right = this.registry.read(actor, proposal.right()).orElse(null);
			if (left == null || right == null) {
				continue;
			}
			if (right.createdAt().isBefore(left.createdAt())) {
				// the record made first on the left
				RecordView first = right;
				right = left;
				left = first;
			}
			Comparison.Result result = Comparison.of(record(left, articles(actor, (PersonId) left.id())),
					record(right, articles(actor, (PersonId) right.id())));
			shown.add(new Proposal(left, right, proposal.probability(), reasons(result)));
		}
		return shown;
	}

	/**
	 * How many proposals are open: the persons figures may change when they are decided.
	 */
	public long openProposals() {
		return this.registry.openLinkProposalCount();
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

	/**
	 * The persons a new record's details may describe: those the search finds by its
	 * names that are not plainly other people and whose surname and given name agree (the
	 * same, a familiar form, an initial), the closest first.
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
		List<Scored> scored = new ArrayList<>();
		for (String written : details.names()) {
			for (RecordView found : this.finder.find(actor, RecordKind.PERSON, written, 20).page().items()) {
				if (found.redacted() || found.shredded()
						|| scored.stream().anyMatch(s -> s.view().id().equals(found.id()))) {
					continue;
				}
				Comparison.Result result = Comparison.of(draft, record(found, Set.of()));
				boolean surname = !result.is(Comparison.Field.SURNAME, "different");
				boolean given = result.is(Comparison.Field.GIVEN, "same")
						|| result.is(Comparison.Field.GIVEN, "familiar")
						|| result.is(Comparison.Field.GIVEN, "initial");
				if (surname && given && !relatives(result)) {
					int rank = (result.is(Comparison.Field.GIVEN, "same") ? 2 : 1)
							+ (result.is(Comparison.Field.PATRONYMIC, "same") ? 2 : 0)
							+ (result.is(Comparison.Field.BIRTH_YEAR, "same") ? 2
									: result.is(Comparison.Field.BIRTH_YEAR, "off-by-one") ? 1 : 0)
							+ (result.is(Comparison.Field.REGION, "same") ? 1 : 0);
					scored.add(new Scored(found, rank));
				}
			}
		}
		return scored.stream()
			.sorted(java.util.Comparator.comparingInt(Scored::rank).reversed())
			.limit(limit)
			.map(Scored::view)
			.toList();
	}

	/**
	 * Links two person records as one person (a {@code person.linked} entry).
	 * @throws AccessRefused unless {@code actor} may record persons
	 */
	public SaveResult confirm(Actor actor, PersonId left, PersonId right) {
		requireLinker(actor);
		return this.registry.link(actor, left, right);
	}

	/**
	 * Records that two person records are not one person; never proposed again.
	 * @throws AccessRefused unless {@code actor} may record persons
	 */
	public SaveResult reject(Actor actor, PersonId left, PersonId right) {
		requireLinker(actor);
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
		this.registry.clusters().forEach((record, cluster) -> union(parent, record, cluster));
		if (proposed) {
			for (LinkProposal proposal : this.registry.openLinkProposals(actor, Integer.MAX_VALUE)) {
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
	private void requireLinker(Actor actor) {
		AccessRefused.unless(this.policy.mayCreate(actor, RecordType.PERSON));
	}

	private static PersonId id(String id) {
		return new PersonId(UUID.fromString(id));
	}

}
