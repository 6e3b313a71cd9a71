package org.khronika.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.khronika.catalog.Catalog;

/**
 * Fuzz target (Jazzer, run by {@code FuzzIT}): any text typed into the search box, read
 * as a query and turned into Lucene's query over public and sealed fields, as a search
 * does, and rewritten as a searcher rewrites it before running it, which refuses a query
 * of more clauses than Lucene allows. Nothing a reader types may end in an exception.
 */
public final class SearchQueryFuzzer {

	private static final Analysis ANALYSIS = new Analysis();

	private static final NameKeys NAMES = new NameKeys(Catalog.load().givenNames());

	private static final IndexSearcher SEARCHER = SearchQueryTest.emptySearcher();

	private SearchQueryFuzzer() {
	}

	public static void fuzzerTestOneInput(byte[] data) throws IOException {
		Query query = SearchQuery.parse(new String(data, StandardCharsets.UTF_8))
			.toLucene(ANALYSIS, NAMES, EnumSet.allOf(Analysis.Part.class));
		if (query != null) {
			SEARCHER.rewrite(query);
		}
	}

}
