package org.khronika.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import org.junit.jupiter.api.Test;
import org.khronika.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/** How typed words are read: which of them a record must hold. */
class SearchQueryTest {

	@Test
	void wordsPointingIntoACodeOfLawBesideANumberAreNotRequired() {
		List<String> words = SearchQuery.parse("ч. 2 ст. 207.3 УК РФ").words();

		assertThat(words).containsExactly("ч", "2", "ст", "207.3", "УК", "РФ");
		assertThat(SearchQuery.pointers(words)).as("ч, its part's number, ст and РФ; the article and its code count")
			.containsExactlyInAnyOrder(0, 1, 2, 5);
	}

	@Test
	void aPointerGluedToItsNumberIsReadAsTwoWords() {
		assertThat(SearchQuery.parse("ст.207.3 ч.2").words()).containsExactly("ст", "207.3", "ч", "2");
		assertThat(SearchQuery.parse("А.И. Клоков").words()).as("initials stay initials")
			.containsExactly("А", "И", "Клоков");
	}

	@Test
	void withoutANumberTheSameLettersAreInitialsOrNames() {
		assertThat(SearchQuery.pointers(SearchQuery.parse("Клоков П.").words())).isEmpty();
		assertThat(SearchQuery.pointers(SearchQuery.parse("Часть Пункт").words())).isEmpty();
	}

	@Test
	void aSearchLooksForItsFirstWordsOnlyAndCountsTheRest() {
		String many = java.util.stream.IntStream.range(0, 40)
			.mapToObj(i -> "слово" + i)
			.collect(java.util.stream.Collectors.joining(" "));
		SearchQuery query = SearchQuery.parse(many);
		assertThat(query.words()).hasSize(SearchQuery.MOST_WORDS).startsWith("слово0").endsWith("слово31");
		assertThat(query.leftOut()).isEqualTo(40 - SearchQuery.MOST_WORDS);

		SearchQuery joined = SearchQuery.parse("Клоков " + "ст.".repeat(300) + " Тверь");
		assertThat(joined.words()).as("a word joined by dots or hyphens counts as its pieces")
			.hasSizeLessThanOrEqualTo(SearchQuery.MOST_WORDS)
			.startsWith("Клоков");
		assertThat(joined.leftOut()).isPositive();

		SearchQuery repeated = SearchQuery.parse("Клоков ".repeat(40));
		assertThat(repeated.words()).as("a word typed again and again, cut as any other")
			.hasSize(SearchQuery.MOST_WORDS);

		SearchQuery phrase = SearchQuery.parse("\"" + "слово ".repeat(40) + "\" Клоков");
		assertThat(phrase.phrases()).as("a phrase longer than a search takes is left out whole").isEmpty();
		assertThat(phrase.words()).containsExactly("Клоков");
		assertThat(phrase.leftOut()).isEqualTo(40);

		assertThat(SearchQuery.parse("ч. 2 ст. 207.3 УК РФ Клоков Александр Игоревич Тверь").leftOut())
			.as("a lawyer's longest search")
			.isZero();
	}

	@Test
	void theMostWordsASearchTakesStayWithinTheClausesLuceneRuns() throws IOException {
		// familiar forms, words of many keys each, over public and sealed fields
		String richest = String.join(" ", Collections.nCopies(SearchQuery.MOST_WORDS / 4, "Саша Шура Женя Валя"));
		Query query = SearchQuery.parse(richest)
			.toLucene(new Analysis(), new NameKeys(Catalog.load().givenNames()), EnumSet.allOf(Analysis.Part.class));
		int[] leaves = { 0 };
		emptySearcher().rewrite(query).visit(new QueryVisitor() {

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				leaves[0] += terms.length;
			}

			@Override
			public void visitLeaf(Query leaf) {
				leaves[0]++;
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}

		});
		assertThat(leaves[0]).as("room left for the reader's access rule and the persons a search follows")
			.isLessThan(IndexSearcher.getMaxClauseCount() - 200);
	}

	/** A searcher over nothing, which rewrites a query as a search would. */
	static IndexSearcher emptySearcher() {
		try {
			return new IndexSearcher(new MultiReader());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
