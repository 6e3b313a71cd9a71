package org.khronika.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.khronika.search.Analysis.Part;

/**
 * What a reader typed, read as a search: words, which may be in any order, in any script,
 * familiar forms of names, initials, with a typo; {@code "quoted phrases"}, which must
 * appear as written; and numbers such as case numbers, whole. Most of the words must
 * match (all of one or two, all but a third of more), so that a word the record does not
 * hold (the town, when the record names the region) does not hide it. The words are
 * matched in the parts of records the reader may search: public fields only, or sealed
 * ones too.
 */
final class SearchQuery {

	private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern TOKEN = Pattern
		.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’ʼ`\\-/.:№#][\\p{L}\\p{M}\\p{N}]+)*");

	private static final Pattern INITIALS = Pattern.compile("\\p{L}{1,2}(?:\\.\\p{L}{1,2})+");

	/** The shortest name key a typo is tolerated in. */
	private static final int FUZZY_FROM = 4;

	private final String text;

	private final List<String> phrases = new ArrayList<>();

	private final List<String> words = new ArrayList<>();

	private SearchQuery(String text) {
		this.text = text;
	}

	/** The search {@code text} asks for, read; never null. */
	static SearchQuery parse(String text) {
		SearchQuery query = new SearchQuery((text == null) ? "" : text.strip());
		Matcher phrase = PHRASE.matcher(query.text);
		StringBuilder rest = new StringBuilder();
		while (phrase.find()) {
			if (!phrase.group(1).isBlank()) {
				query.phrases.add(phrase.group(1).strip());
			}
			phrase.appendReplacement(rest, " ");
		}
		phrase.appendTail(rest);
		Matcher token = TOKEN.matcher(rest);
		while (token.find()) {
			String word = token.group();
			if (INITIALS.matcher(word).matches()) {
				query.words.addAll(List.of(word.split("\\.")));
			}
			else {
				query.words.add(word);
			}
		}
		return query;
	}

	/** Whether there is anything to search for. */
	boolean isEmpty() {
		return this.words.isEmpty() && this.phrases.isEmpty();
	}

	List<String> words() {
		return List.copyOf(this.words);
	}

	List<String> phrases() {
		return List.copyOf(this.phrases);
	}

	/**
	 * The Lucene query over the {@code parts} of records; null if nothing in the text can
	 * match there.
	 */
	Query toLucene(Analysis analysis, NameKeys names, Set<Part> parts) {
		List<Query> required = new ArrayList<>();
		for (String phrase : this.phrases) {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			for (Part part : parts) {
				Query exact = terms(analysis, Analysis.field(part, Analysis.EXACT), phrase);
				if (exact != null) {
					any.add(exact, Occur.SHOULD);
				}
			}
			BooleanQuery built = any.build();
			if (built.clauses().isEmpty()) {
				return null;
			}
			required.add(built);
		}
		// initials rank what the words find: "Клоков А. И." must find a Клоков, not
		// everyone whose names start with А and И
		boolean wholeWords = this.words.stream().anyMatch(word -> word.length() > 1);
		List<Query> wordQueries = new ArrayList<>();
		List<Query> initials = new ArrayList<>();
		for (String word : this.words) {
			Query query = word(analysis, names, parts, word);
			if (query != null) {
				((wholeWords && word.length() == 1) ? initials : wordQueries).add(query);
			}
		}
		if (wordQueries.isEmpty()) {
			wordQueries.addAll(initials);
			initials.clear();
		}
		if (required.isEmpty() && wordQueries.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		required.forEach(q -> query.add(q, Occur.MUST));
		if (!wordQueries.isEmpty()) {
			BooleanQuery.Builder most = new BooleanQuery.Builder();
			wordQueries.forEach(q -> most.add(q, Occur.SHOULD));
			int count = wordQueries.size();
			most.setMinimumNumberShouldMatch((count <= 2) ? count : count - count / 3);
			BooleanQuery.Builder wordsOrWhole = new BooleanQuery.Builder().add(most.build(), Occur.SHOULD);
			if (parts.contains(Part.SEALED) && this.words.size() > 1) {
				// a case number typed with spaces, or in pieces the tokenizer split
				String whole = Documents.ident(String.join("", this.words));
				wordsOrWhole.add(new BoostQuery(new TermQuery(new Term(Documents.IDENT, whole)), 4), Occur.SHOULD);
			}
			query.add(wordsOrWhole.build(), Occur.MUST);
		}
		initials.forEach(initial -> query.add(initial, Occur.SHOULD));
		return query.build();
	}

	/** Every way one word can match: as text, as a name, as an initial, whole. */
	private static Query word(Analysis analysis, NameKeys names, Set<Part> parts, String word) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (Part part : parts) {
			for (String language : Analysis.TEXTS) {
				Query text = terms(analysis, Analysis.field(part, language), word);
				if (text != null) {
					any.add(language.equals(Analysis.EXACT) ? new BoostQuery(text, 1.5f) : text, Occur.SHOULD);
				}
			}
		}
		if (parts.contains(Part.SEALED)) {
			any.add(new BoostQuery(new TermQuery(new Term(Documents.IDENT, Documents.ident(word))), 4), Occur.SHOULD);
			if (NameKeys.words(word).size() == 1) {
				List<String> keys = names.keys(word);
				for (String key : keys) {
					any.add(new BoostQuery(new TermQuery(new Term(Documents.NAME, key)), 3), Occur.SHOULD);
				}
				Set<String> spelled = new LinkedHashSet<>(NameKeys.spellingKeys(word));
				for (String key : spelled) {
					if (key.length() >= FUZZY_FROM) {
						any.add(new FuzzyQuery(new Term(Documents.NAME, key), (key.length() >= 8) ? 2 : 1, 1),
								Occur.SHOULD);
					}
				}
				String initial = NameKeys.initial(word);
				if (!initial.isEmpty()) {
					if (word.length() == 1) {
						any.add(new BoostQuery(new TermQuery(new Term(Documents.LETTER, initial)), 0.5f), Occur.SHOULD);
						any.add(new BoostQuery(new TermQuery(new Term(Documents.INITIAL, initial)), 0.5f),
								Occur.SHOULD);
					}
					else {
						any.add(new BoostQuery(new TermQuery(new Term(Documents.INITIAL, initial)), 0.3f),
								Occur.SHOULD);
					}
				}
			}
		}
		BooleanQuery built = any.build();
		return built.clauses().isEmpty() ? null : built;
	}

	/**
	 * What {@code text} gives in {@code field}: a term, the forms one word may have
	 * (several lemmas), or a phrase; null if nothing.
	 */
	private static Query terms(Analysis analysis, String field, String text) {
		return new QueryBuilder(analysis.analyzer()).createPhraseQuery(field, text);
	}

}
