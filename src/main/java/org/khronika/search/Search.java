package org.khronika.search;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Detail;
import org.khronika.access.RecordType;
import org.khronika.catalog.Catalog;
import org.khronika.registry.Listing;
import org.khronika.registry.Page;
import org.khronika.registry.RecordFeed;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;
import org.khronika.search.Analysis.Part;

/**
 * Search's API: finds the records a reader may see, by what they typed, with facets, as
 * the results page, the API and the forms' pickers ask. What the reader may not see is
 * never found, counted or suggested: the access policy's rule for each kind filters the
 * index before anything is counted, and the registry shows what was found only through
 * the same rule. A reader who sees public fields only searches public fields only. Every
 * search is audited, the query's words sealed.
 */
public class Search implements RecordFinder, AutoCloseable {

	/**
	 * What a reader asks: the text, the kind and facet values to narrow to, a page.
	 *
	 * @param kind null for every kind
	 * @param facets facet values by facet ({@code region}, {@code year}, {@code article},
	 * {@code status}, {@code role}); unknown facets are ignored
	 */
	public record Request(String text, RecordKind kind, Map<String, String> facets, int page, int size) {

		/** The most results on one page. */
		public static final int MAX_SIZE = 100;

		public Request {
			text = (text == null) ? "" : text;
			facets = Map.copyOf(facets);
			page = Math.max(0, page);
			size = Math.max(1, Math.min(size, MAX_SIZE));
		}

	}

	/** One value of a facet and how many of the found records have it. */
	public record FacetValue(String value, long count) {
	}

	/**
	 * What a search found.
	 *
	 * @param listing the page of records found, as the reader may see them
	 * @param facets the counts of each facet's values over everything found
	 * @param ready false while the index is still being built (then nothing is found)
	 * @param indexed while building: how many records are indexed, of {@code toIndex}
	 * @param leftOut how many of the text's words were not searched for, past the most a
	 * search looks for
	 */
	public record Result(Request request, Listing listing, Map<String, List<FacetValue>> facets, Highlights highlights,
			boolean ready, long indexed, long toIndex, int leftOut) {

		/** The most words a search looks for; those after them are left out. */
		public static final int MOST_WORDS = SearchQuery.MOST_WORDS;

		public long total() {
			return this.listing.page().total();
		}

	}

	private static final Log logger = LogFactory.getLog(Search.class);

	/**
	 * How far a search's results are paged: the first 10,000. A page past them is not
	 * given (a search narrows, or exports everything it found).
	 */
	public static final int MOST_PAGED = 10_000;

	/** The most persons whose cases and incidents a search also finds. */
	private static final int PERSONS_FOLLOWED = 50;

	private final SearchIndex index;

	private final Analysis analysis;

	private final NameKeys names;

	private final Registry registry;

	private final AccessPolicy policy;

	/** How often the index follows the log in the background. */
	private static final long FOLLOW_MILLIS = 1000;

	private volatile Thread building;

	private volatile boolean closed;

	private volatile Thread follower;

	Search(RecordFeed feed, Registry registry, AccessPolicy policy, Catalog catalog, NameKeys names) {
		this.analysis = new Analysis();
		this.names = names;
		this.index = new SearchIndex(feed, new Documents(catalog, this.names), this.analysis);
		this.registry = registry;
		this.policy = policy;
	}

	/**
	 * Starts building the index in the background, if it is not built or being built, and
	 * then follows the log every second, so that a search rarely has anything to catch up
	 * with; searches meanwhile say how far the building got.
	 */
	public synchronized void buildInBackground() {
		if (this.index.isReady() || this.building != null) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				this.index.catchUp();
			}
			catch (RuntimeException ex) {
				logger.error("the search index could not be built: " + ex.getClass().getSimpleName());
				return;
			}
			finally {
				this.building = null;
			}
			while (!this.closed) {
				try {
					Thread.sleep(FOLLOW_MILLIS);
					this.index.catchUp();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					logger.warn("the search index could not follow the log: " + ex.getClass().getSimpleName());
				}
			}
		}, "khronika-search");
		thread.setDaemon(true);
		this.building = thread;
		this.follower = thread;
		thread.start();
	}

	/** Indexes what changed in the registry since the index last looked, if built. */
	public void follow() {
		if (this.index.isReady()) {
			this.index.catchUp();
		}
	}

	/** Whether the index is built; a search before that builds it first, or waits. */
	public boolean isReady() {
		return this.index.isReady();
	}

	/**
	 * Searches as {@code actor} may. An empty text finds nothing and is not audited.
	 */
	public Result search(Actor actor, Request request) {
		return search(actor, request, (long) request.page() * request.size(), request.size(), Long.MAX_VALUE,
				scope(request));
	}

	/**
	 * Everything a search finds, as {@code actor} may see it, for a file: every record if
	 * there are at most {@code most}, else none (the file is refused, not cut short, and
	 * the total says why), in one read and one audit entry, which says they were
	 * exported. The request's page and size are not used.
	 */
	public Result everything(Actor actor, Request request, int most) {
		return search(actor, request, 0, most, most, scope(request) + ", exported");
	}

	private static String scope(Request request) {
		return (request.kind() != null) ? request.kind().code() : "all";
	}

	private Result search(Actor actor, Request request, long offset, int size, long mostShown, String scope) {
		if (!this.index.isReady() && this.building != null) {
			long[] progress = this.index.progress();
			return new Result(request, empty(request), Map.of(), Highlights.none(), false, progress[0], progress[1], 0);
		}
		this.index.catchUp();
		SearchQuery parsed = SearchQuery.parse(request.text());
		Set<Part> parts = parts(actor);
		Query query = parsed.isEmpty() ? null : parsed.toLucene(this.analysis, this.names, parts);
		if (query == null) {
			return new Result(request, empty(request), Map.of(), Highlights.none(), true, 0, 0, parsed.leftOut());
		}
		Query filter = admitted(actor);
		query = followingPersons(query, filter, parts);
		Map<String, String> drillDown = new LinkedHashMap<>();
		if (request.kind() != null) {
			drillDown.put("kind", request.kind().code());
		}
		request.facets().forEach((facet, value) -> {
			if (Documents.FACETS.contains(facet) && !facet.equals("kind") && !value.isBlank()) {
				drillDown.put(facet, value);
			}
		});
		if (offset >= MOST_PAGED) {
			return new Result(request, empty(request), Map.of(), Highlights.none(), true, 0, 0, parsed.leftOut());
		}
		SearchIndex.Found found = this.index.search(query, filter, drillDown, (int) offset, size);
		List<RecordId> ids = (found.total() > mostShown) ? List.of()
				: found.hits()
					.stream()
					.map(hit -> RecordKind.ofCode(hit.kind()).id(UUID.fromString(hit.id())))
					.toList();
		Listing listing = this.registry.found(actor, ids, request.text(), scope, found.total(), (int) (offset / size),
				size);
		Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
		found.facets()
			.forEach((facet, values) -> facets.put(facet,
					values.stream().map(v -> new FacetValue(v.value(), v.count())).toList()));
		return new Result(request, listing, facets, Highlights.of(parsed, this.analysis, this.names), true, 0, 0,
				parsed.leftOut());
	}

	@Override
	public boolean ready() {
		return this.index.isReady() || this.building == null;
	}

	@Override
	public Listing find(Actor actor, RecordKind kind, String text, int limit) {
		if (!this.index.isReady() && this.building != null) {
			return empty(new Request(text, kind, Map.of(), 0, limit));
		}
		return search(actor, new Request(text, kind, Map.of(), 0, limit)).listing();
	}

	/**
	 * Cases and incidents are also found by their persons' names: the persons the reader
	 * may see that match are looked up first, and the records that refer to them match
	 * too. Never through a person the reader may not see.
	 */
	private Query followingPersons(Query query, Query filter, Set<Part> parts) {
		if (!parts.contains(Part.SEALED)) {
			return query;
		}
		List<String> persons = this.index.best(query, filter, RecordKind.PERSON, PERSONS_FOLLOWED);
		if (persons.isEmpty()) {
			return query;
		}
		BooleanQuery.Builder referring = new BooleanQuery.Builder();
		persons.forEach(id -> referring.add(new TermQuery(new Term(Documents.REFERENCE, id)), Occur.SHOULD));
		return new BooleanQuery.Builder().add(query, Occur.SHOULD)
			.add(new BoostQuery(referring.build(), 0.5f), Occur.SHOULD)
			.build();
	}

	/** The documents {@code actor} may read: each kind's read rule, for that kind. */
	private Query admitted(Actor actor) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (RecordKind kind : RecordKind.values()) {
			RecordType type = RecordType.ofCode(kind.code()).orElseThrow();
			Query rule = ReadRuleQuery.of(this.policy.readRule(actor, type));
			any.add(new BooleanQuery.Builder().add(new TermQuery(new Term(Documents.KIND, kind.code())), Occur.FILTER)
				.add(rule, Occur.FILTER)
				.build(), Occur.SHOULD);
		}
		return any.build();
	}

	private Set<Part> parts(Actor actor) {
		return (this.policy.detail(actor.role()) == Detail.FULL) ? EnumSet.allOf(Part.class) : EnumSet.of(Part.PUBLIC);
	}

	private static Listing empty(Request request) {
		return new Listing(new Page<>(List.of(), request.page(), request.size(), 0), Map.of());
	}

	/** How much memory the index takes, in bytes. */
	public long indexBytes() {
		return this.index.bytes();
	}

	// for the benchmark, which sets a bare Lucene query on the same index beside a search

	SearchIndex index() {
		return this.index;
	}

	Query bareQuery(String text) {
		return SearchQuery.parse(text).toLucene(this.analysis, this.names, EnumSet.allOf(Part.class));
	}

	/** Stops following the log, and frees the index. */
	@Override
	public void close() {
		this.closed = true;
		Thread thread = this.follower;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			this.index.close();
		}
	}

}
