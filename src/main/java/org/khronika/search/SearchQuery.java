package org.khronika.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * hold (the town, when the record names the region) does not hide it; nor do the words
 * that point into a code of law beside an article's number ("ч. 2 ст. 207.3 УК РФ"). The
 * words are matched in the parts of records the reader may search: public fields only, or
 * sealed ones too.
 */
final class SearchQuery {

	private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern TOKEN = Pattern
		.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’ʼ`\\-/.:№#][\\p{L}\\p{M}\\p{N}]+)*");

	private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

	private static final Pattern GLUED = Pattern.compile("(\\p{L}+)\\.(\\p{N}[\\p{N}.]*)");

	private static final Pattern INITIALS = Pattern.compile("\\p{L}{1,2}(?:\\.\\p{L}{1,2})+");

	/** The words of {@link #POINTERS} after which a number is a part, not an article. */
	private static final Set<String> PART_POINTERS = Set.of("ч", "часть", "части", "п", "пункт", "пункта", "part",
			"para");

	/**
	 * Words that only point into a code of law, as lawyers write a charge ("ч. 2 ст.
	 * 207.3 УК РФ", "art. 20.3.3"): beside a number they rank what is found but are not
	 * required, since records hold the article, not these words.
	 */
	private static final Set<String> POINTERS = Stream
		.concat(PART_POINTERS.stream(),
				Stream.of("ст", "статья", "статьи", "статье", "статью", "статьей", "статьёй", "рф", "art", "article"))
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * The most words a search looks for, a phrase's words counted: more than a name, a
	 * place and a charge take, and few enough that the query stays within Lucene's
	 * clauses. A phrase or word that does not fit in what is left is left out whole.
	 */
	static final int MOST_WORDS = 32;

	/** The shortest name key a typo is tolerated in. */
	private static final int FUZZY_FROM = 4;

	private final String text;

	private final List<String> phrases = new ArrayList<>();

	private final List<String> words = new ArrayList<>();

	private int leftOut;

	private SearchQuery(String text) {
		this.text = text;
	}

	/** The search {@code text} asks for, read; never null. */
	static SearchQuery parse(String text) {
		SearchQuery query = new SearchQuery((text == null) ? "" : text.strip());
		Matcher phrase = PHRASE.matcher(query.text);
		StringBuilder rest = new StringBuilder();
		int room = MOST_WORDS;
		while (phrase.find()) {
			String words = phrase.group(1).strip();
			int count = pieces(words);
			if (count > room) {
				query.leftOut += count;
			}
			else if (count > 0) {
				query.phrases.add(words);
				room -= count;
			}
			phrase.appendReplacement(rest, " ");
		}
		phrase.appendTail(rest);
		Matcher token = TOKEN.matcher(rest);
		while (token.find()) {
			String word = token.group();
			Matcher glued = GLUED.matcher(word);
			if (INITIALS.matcher(word).matches()) {
				query.words.addAll(List.of(word.split("\\.")));
			}
			else if (glued.matches() && POINTERS.contains(glued.group(1).toLowerCase(Locale.ROOT))) {
				// "ст.207.3", "ч.2": the pointer and the number, as if typed apart
				query.words.addAll(List.of(glued.group(1), glued.group(2)));
			}
			else {
				query.words.add(word);
			}
		}
		List<String> kept = new ArrayList<>();
		for (String word : query.words) {
			int count = pieces(word);
			if (count > room) {
				query.leftOut += count;
			}
			else {
				kept.add(word);
				room -= count;
			}
		}
		query.words.clear();
		query.words.addAll(kept);
		return query;
	}

	/**
	 * How many words {@code text} counts as: its runs of letters and digits, as a word
	 * joined by hyphens or dots ("Санкт-Петербург", "207.3") is analysed in pieces.
	 */
	private static int pieces(String text) {
		return (int) PIECE.matcher(text).results().count();
	}

	/**
	 * How many of the text's words are not searched for, past the first
	 * {@link #MOST_WORDS}.
	 */
	int leftOut() {
		return this.leftOut;
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
		// everyone whose names start with А and И; so do the words pointing into a code
		// of law
		boolean wholeWords = this.words.stream().anyMatch(word -> word.length() > 1);
		Set<Integer> pointers = pointers(this.words);
		List<Query> wordQueries = new ArrayList<>();
		List<Query> ranking = new ArrayList<>();
		for (int i = 0; i < this.words.size(); i++) {
			String word = this.words.get(i);
			Query query = word(analysis, names, parts, word);
			if (query != null) {
				((pointers.contains(i) || (wholeWords && word.length() == 1)) ? ranking : wordQueries).add(query);
			}
		}
		if (wordQueries.isEmpty()) {
			wordQueries.addAll(ranking);
			ranking.clear();
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
		ranking.forEach(ranks -> query.add(ranks, Occur.SHOULD));
		return query.build();
	}

	/**
	 * The positions of the words that point into a code of law, and of the parts' numbers
	 * after them; none unless the words hold a number (alone, "П" is an initial).
	 */
	static Set<Integer> pointers(List<String> words) {
		Set<Integer> pointers = new HashSet<>();
		if (words.stream().noneMatch(word -> word.chars().anyMatch(Character::isDigit))) {
			return pointers;
		}
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i).toLowerCase(Locale.ROOT);
			if (POINTERS.contains(word)) {
				pointers.add(i);
				if (PART_POINTERS.contains(word) && i + 1 < words.size() && words.get(i + 1).matches("\\d{1,2}")) {
					pointers.add(i + 1);
				}
			}
		}
		return pointers;
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
		Query place = parts.contains(Part.PUBLIC) ? place(word) : null;
		if (place != null) {
			any.add(place, Occur.SHOULD);
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
	 * A place as spelt in any script ("Moskva", "Sankt-Peterburg"): each of its words by
	 * one of its keys; null if a word has none.
	 */
	private static Query place(String word) {
		BooleanQuery.Builder every = new BooleanQuery.Builder();
		for (String part : NameKeys.words(word)) {
			List<String> keys = NameKeys.placeKeys(part);
			if (keys.isEmpty()) {
				return null;
			}
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			keys.forEach(key -> any.add(new TermQuery(new Term(Documents.PLACE, key)), Occur.SHOULD));
			every.add(any.build(), Occur.MUST);
		}
		BooleanQuery built = every.build();
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
