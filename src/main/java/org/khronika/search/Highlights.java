package org.khronika.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.khronika.search.Analysis.Part;

/**
 * Marks the words of a shown text that a search matched: a word is marked when it is one
 * of the words searched for as written, shares a lemma or stem with one, or is a name
 * that matches one across scripts and familiar forms. The text itself is never changed; a
 * page shows the marked parts with {@code <mark>}.
 */
public final class Highlights {

	/** A piece of a shown text, and whether the search matched it. */
	public record Segment(String text, boolean marked) {
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

	private static final Highlights NONE = new Highlights(null, null, Set.of(), Set.of());

	private final Analysis analysis;

	private final NameKeys names;

	private final Set<String> terms;

	private final Set<String> nameKeys;

	private Highlights(Analysis analysis, NameKeys names, Set<String> terms, Set<String> nameKeys) {
		this.analysis = analysis;
		this.names = names;
		this.terms = terms;
		this.nameKeys = nameKeys;
	}

	/** Highlights that mark nothing. */
	static Highlights none() {
		return NONE;
	}

	static Highlights of(SearchQuery query, Analysis analysis, NameKeys names) {
		Set<String> terms = new HashSet<>();
		Set<String> keys = new HashSet<>();
		List<String> words = new ArrayList<>(query.words());
		query.phrases().forEach(phrase -> words.addAll(NameKeys.words(phrase)));
		for (String word : words) {
			for (String language : Analysis.TEXTS) {
				analysis.terms(Analysis.field(Part.PUBLIC, language), word)
					.forEach(term -> terms.add(language + ":" + term));
			}
			if (word.length() > 1) {
				keys.addAll(names.keys(word));
			}
		}
		return new Highlights(analysis, names, Set.copyOf(terms), Set.copyOf(keys));
	}

	/** {@code text} in pieces, the matched words marked. */
	public List<Segment> segments(String text) {
		List<Segment> segments = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return segments;
		}
		if (this.analysis == null) {
			segments.add(new Segment(text, false));
			return segments;
		}
		Matcher word = WORD.matcher(text);
		int at = 0;
		while (word.find()) {
			if (matches(word.group())) {
				if (word.start() > at) {
					segments.add(new Segment(text.substring(at, word.start()), false));
				}
				segments.add(new Segment(word.group(), true));
				at = word.end();
			}
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), false));
		}
		return segments;
	}

	private boolean matches(String word) {
		for (String language : Analysis.TEXTS) {
			for (String term : this.analysis.terms(Analysis.field(Part.PUBLIC, language), word)) {
				if (this.terms.contains(language + ":" + term)) {
					return true;
				}
			}
		}
		if (word.length() > 1 && !this.nameKeys.isEmpty()) {
			for (String key : this.names.keys(word)) {
				if (this.nameKeys.contains(key)) {
					return true;
				}
			}
		}
		return false;
	}

}
