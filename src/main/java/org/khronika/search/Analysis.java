package org.khronika.search;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import morfologik.stemming.Dictionary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * The index's text fields and how each is analysed. Every text is indexed three times,
 * through Russian morphology (morfologik, with the Russian dictionary LanguageTool
 * ships), Ukrainian morphology (morfologik) and the English stemmer, and once as written
 * (lowercase, ё as е) for phrases and numbers. Public and sealed fields go to separate
 * fields ({@code p.} and {@code s.}), so that a reader who sees public fields only
 * searches only those.
 */
final class Analysis {

	/** Where a field's text comes from: the public or the sealed part of a record. */
	enum Part {

		PUBLIC("p."), SEALED("s.");

		final String prefix;

		Part(String prefix) {
			this.prefix = prefix;
		}

	}

	static final String RUSSIAN = "ru";

	static final String UKRAINIAN = "uk";

	static final String ENGLISH = "en";

	static final String EXACT = "exact";

	/** The languages each text is analysed in, with the words as written. */
	static final List<String> TEXTS = List.of(RUSSIAN, UKRAINIAN, ENGLISH, EXACT);

	private static final String DICTIONARY = "/org/languagetool/resource/ru/russian.dict";

	private static final NormalizeCharMap YO;

	static {
		NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
		map.add("ё", "е");
		map.add("Ё", "Е");
		YO = map.build();
	}

	private final Analyzer analyzer;

	private final Analyzer exact;

	Analysis() {
		Dictionary russian = russianDictionary();
		this.exact = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
			}

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return yoAsYe(reader);
			}
		};
		Analyzer russianAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream lemmas = new MorfologikFilter(new LowerCaseFilter(tokenizer), russian);
				return new TokenStreamComponents(tokenizer, new LowerCaseFilter(lemmas));
			}

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return yoAsYe(reader);
			}
		};
		Analyzer ukrainian = new UkrainianMorfologikAnalyzer();
		Analyzer english = new EnglishAnalyzer();
		Map<String, Analyzer> fields = new java.util.HashMap<>();
		for (Part part : Part.values()) {
			fields.put(part.prefix + RUSSIAN, russianAnalyzer);
			fields.put(part.prefix + UKRAINIAN, ukrainian);
			fields.put(part.prefix + ENGLISH, english);
			fields.put(part.prefix + EXACT, this.exact);
		}
		this.analyzer = new PerFieldAnalyzerWrapper(this.exact, fields);
	}

	private static Dictionary russianDictionary() {
		URL dictionary = Analysis.class.getResource(DICTIONARY);
		if (dictionary == null) {
			throw new IllegalStateException("the Russian morphology dictionary is missing: " + DICTIONARY);
		}
		try {
			return Dictionary.read(dictionary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the Russian morphology dictionary cannot be read", ex);
		}
	}

	/** ё read as е, as most texts write it. */
	private static Reader yoAsYe(Reader reader) {
		return new MappingCharFilter(YO, reader);
	}

	/** The analyzer of every text field, by its name. */
	Analyzer analyzer() {
		return this.analyzer;
	}

	/** The field of {@code language} ({@link #TEXTS}) in {@code part}. */
	static String field(Part part, String language) {
		return part.prefix + language;
	}

	/** The terms {@code text} gives in {@code field}, in order, without repeats. */
	Set<String> terms(String field, String text) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = this.analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
