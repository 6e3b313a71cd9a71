package org.khronika.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.khronika.registry.RecordFeed;

/**
 * The search index, in memory only: a Lucene index in a {@link ByteBuffersDirectory},
 * which never touches the disk, built from the registry when it is first needed and kept
 * current by following the log, as statistics do: before each search (and every second in
 * the background) it asks the registry for its log position and, if it moved, re-indexes
 * the records that changed since and their neighbours. Several nodes on one database each
 * keep their own index the same way. Searches run in parallel with each other and with
 * catching up; building and catching up take turns.
 */
final class SearchIndex implements AutoCloseable {

	/** A found record's id and kind. */
	record Hit(String id, String kind) {
	}

	/** One value of a facet and how many found records have it. */
	record FacetCount(String value, long count) {
	}

	/**
	 * What one search found: a page of hits, how many in all, and the counts of each
	 * facet's values over all of them.
	 */
	record Found(List<Hit> hits, long total, Map<String, List<FacetCount>> facets) {
	}

	private static final Log logger = LogFactory.getLog(SearchIndex.class);

	/** The records read from the registry and indexed at once. */
	private static final int BATCH = 1000;

	/** The most values shown of one facet. */
	private static final int FACET_VALUES = 30;

	private final RecordFeed feed;

	private final Documents documents;

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/**
	 * Held while the index is built or brought up to date (package-visible: a test holds
	 * it to keep a build waiting, and sees what searches say meanwhile).
	 */
	final Object catchingUp = new Object();

	private final AtomicLong indexed = new AtomicLong();

	private volatile long total = -1;

	/** The log position the index reflects; -1 before it is built. */
	private volatile long position = -1;

	private volatile FacetState facetState;

	private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
	}

	SearchIndex(RecordFeed feed, Documents documents, Analysis analysis) {
		this.feed = feed;
		this.documents = documents;
		try {
			IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer()).setRAMBufferSizeMB(128)
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
			this.writer = new IndexWriter(this.directory, config);
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the index has been built and follows the log. */
	boolean isReady() {
		return this.position >= 0;
	}

	/** How many records have been indexed so far while building, and of how many. */
	long[] progress() {
		return new long[] { this.indexed.get(), this.total };
	}

	/**
	 * Builds the index from every record if it is not built, then indexes what changed
	 * since the last call.
	 */
	void catchUp() {
		long current = this.feed.position();
		if (current == this.position) {
			return;
		}
		synchronized (this.catchingUp) {
			if (this.position < 0) {
				build(current);
			}
			else if (current != this.position) {
				update(current);
			}
		}
	}

	/**
	 * Builds the index from every record: one thread reads and opens the records from the
	 * registry, batch by batch, while this one and one more per further core turn them
	 * into documents and index them (the writer takes documents from several threads at
	 * once; making them is most of the time).
	 */
	private void build(long current) {
		long started = System.nanoTime();
		this.total = this.feed.count();
		this.indexed.set(0);
		java.util.concurrent.BlockingQueue<List<RecordFeed.Item>> batches = new java.util.concurrent.ArrayBlockingQueue<>(
				4);
		List<RecordFeed.Item> end = List.of();
		RuntimeException[] failed = { null };
		Thread reader = new Thread(() -> {
			try {
				this.feed.all(BATCH, items -> put(batches, items));
			}
			catch (RuntimeException ex) {
				failed[0] = ex;
			}
			finally {
				put(batches, end);
			}
		}, "khronika-search-read");
		reader.setDaemon(true);
		List<Thread> indexers = new ArrayList<>();
		try {
			this.writer.deleteAll();
			reader.start();
			for (int i = 1; i < Runtime.getRuntime().availableProcessors(); i++) {
				Thread indexer = new Thread(() -> {
					try {
						index(batches, end);
					}
					catch (IOException | RuntimeException | InterruptedException ex) {
						failed[0] = (ex instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException("the search index was not built", ex);
					}
				}, "khronika-search-index-" + i);
				indexer.setDaemon(true);
				indexers.add(indexer);
				indexer.start();
			}
			index(batches, end);
			for (Thread indexer : indexers) {
				indexer.join();
			}
			if (failed[0] != null) {
				throw failed[0];
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the search index was not built: interrupted", ex);
		}
		this.position = current;
		logger.info("search index built: " + this.indexed.get() + " records in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/**
	 * Indexes batches until the end, which it puts back for the other indexing threads.
	 */
	private void index(java.util.concurrent.BlockingQueue<List<RecordFeed.Item>> batches, List<RecordFeed.Item> end)
			throws IOException, InterruptedException {
		while (true) {
			List<RecordFeed.Item> items = batches.take();
			if (items == end) {
				batches.put(end);
				return;
			}
			List<Document> batch = new ArrayList<>(items.size());
			items.forEach(item -> batch.add(this.documents.of(item)));
			this.writer.addDocuments(batch);
			this.indexed.addAndGet(items.size());
		}
	}

	private static void put(java.util.concurrent.BlockingQueue<List<RecordFeed.Item>> batches,
			List<RecordFeed.Item> items) {
		try {
			batches.put(items);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private void update(long current) {
		Set<String> changed = this.feed.changedAfter(this.position);
		try {
			for (RecordFeed.Item item : this.feed.load(changed)) {
				this.writer.updateDocument(new Term(Documents.ID, item.view().id().toString()),
						this.documents.of(item));
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.position = current;
	}

	/**
	 * The hits of {@code query} among the documents {@code filter} admits, narrowed to
	 * the facet values {@code drillDown} names: the page from {@code offset}, the total,
	 * and the facets' counts over every hit. The filter decides what exists for the
	 * reader: nothing it does not admit is found or counted.
	 */
	Found search(Query query, Query filter, Map<String, String> drillDown, int offset, int size) {
		Query admitted = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
		DrillDownQuery drilled = new DrillDownQuery(this.documents.facetsConfig(), admitted);
		drillDown.forEach(drilled::add);
		IndexSearcher searcher = acquire();
		try {
			FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, drilled,
					Math.max(1, offset + size), new FacetsCollectorManager());
			Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
			long total = 0;
			SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
			if (state != null) {
				Facets counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
				for (FacetResult facet : counts.getAllDims(FACET_VALUES)) {
					List<FacetCount> values = new ArrayList<>();
					for (LabelAndValue value : facet.labelValues) {
						values.add(new FacetCount(value.label, value.value.longValue()));
					}
					facets.put(facet.dim, values);
					if (facet.dim.equals("kind")) {
						total = facet.value.longValue();
					}
				}
			}
			StoredFields stored = searcher.storedFields();
			List<Hit> hits = new ArrayList<>();
			ScoreDoc[] docs = result.topDocs().scoreDocs;
			for (int i = offset; i < docs.length; i++) {
				Document document = stored.document(docs[i].doc);
				hits.add(new Hit(document.get(Documents.ID), document.get(Documents.KIND)));
			}
			Map<String, List<FacetCount>> ordered = new LinkedHashMap<>();
			for (String dim : Documents.FACETS) {
				if (facets.containsKey(dim)) {
					ordered.put(dim, facets.get(dim));
				}
			}
			return new Found(hits, total, ordered);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/**
	 * The ids of the best {@code limit} records of {@code kind} that {@code query} finds
	 * among those {@code filter} admits: no total, no facets, so that the search may skip
	 * what cannot make the top.
	 */
	List<String> best(Query query, Query filter, org.khronika.registry.RecordKind kind, int limit) {
		Query admitted = new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(filter, Occur.FILTER)
			.add(new TermQuery(new Term(Documents.KIND, kind.code())), Occur.FILTER)
			.build();
		IndexSearcher searcher = acquire();
		try {
			StoredFields stored = searcher.storedFields();
			List<String> ids = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(admitted, limit).scoreDocs) {
				ids.add(stored.document(doc.doc).get(Documents.ID));
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/** The facets' ordinals of this reader, made once per reader; null if none. */
	private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
		FacetState current = this.facetState;
		if (current != null && current.reader() == reader) {
			return current.state();
		}
		if (reader.numDocs() == 0) {
			return null;
		}
		SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader,
				this.documents.facetsConfig());
		this.facetState = new FacetState(reader, state);
		return state;
	}

	IndexSearcher acquire() {
		try {
			return this.searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void release(IndexSearcher searcher) {
		try {
			this.searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How much memory the index takes, in bytes. */
	long bytes() {
		try {
			long bytes = 0;
			for (String file : this.directory.listAll()) {
				bytes += this.directory.fileLength(file);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.searchers.close();
			this.writer.close();
			this.directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
