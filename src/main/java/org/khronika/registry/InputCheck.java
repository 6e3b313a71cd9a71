package org.khronika.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.LawArticle;

/**
 * Collects the problems of one input, field by field, against the catalog and the
 * registry (for references). Every check trims text and turns blank text into null.
 */
final class InputCheck {

	static final int NAME_MAX = 200;

	static final int SHORT_TEXT_MAX = 300;

	static final int LONG_TEXT_MAX = 20_000;

	private final Catalog catalog;

	private final java.util.function.Predicate<RecordId> visible;

	private final Clock clock;

	private final List<FieldProblem> problems = new ArrayList<>();

	InputCheck(Catalog catalog, java.util.function.Predicate<RecordId> visible, Clock clock) {
		this.catalog = catalog;
		this.visible = visible;
		this.clock = clock;
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

	<D extends RecordDetails> Validated<D> result(java.util.function.Supplier<D> details) {
		return this.problems.isEmpty() ? new Validated<>(details.get(), List.of())
				: new Validated<>(null, this.problems);
	}

	void reject(String field, String code, Object... arguments) {
		this.problems.add(FieldProblem.of(field, code, arguments));
	}

	boolean hasProblem(String field) {
		return this.problems.stream().anyMatch(p -> p.field().equals(field));
	}

	String text(String field, String value, int max, boolean required) {
		String text = (value != null) ? value.strip() : null;
		if (text == null || text.isEmpty()) {
			if (required) {
				reject(field, "required");
			}
			return null;
		}
		if (text.length() > max) {
			reject(field, "too_long", max);
			return null;
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			reject(field, "control_characters");
			return null;
		}
		return text;
	}

	Integer range(String field, Integer value, int min, int max, boolean required) {
		if (value == null) {
			if (required) {
				reject(field, "required");
			}
			return null;
		}
		if (value < min || value > max) {
			reject(field, "out_of_range", min, max);
			return null;
		}
		return value;
	}

	LocalDate date(String field, LocalDate value, boolean required) {
		if (value == null) {
			if (required) {
				reject(field, "required");
			}
			return null;
		}
		if (value.isBefore(LocalDate.of(1900, 1, 1))) {
			reject(field, "date_too_early");
			return null;
		}
		return value;
	}

	/** A date of something that has happened: not after today. */
	LocalDate pastDate(String field, LocalDate value, boolean required) {
		LocalDate date = date(field, value, required);
		if (date != null && date.isAfter(LocalDate.now(this.clock))) {
			reject(field, "date_in_future");
			return null;
		}
		return date;
	}

	int currentYear() {
		return LocalDate.now(this.clock).getYear();
	}

	String term(String field, String vocabulary, String value, boolean required) {
		String code = text(field, value, SHORT_TEXT_MAX, required);
		if (code != null && !this.catalog.vocabulary(vocabulary).contains(code)) {
			reject(field, "unknown_term", code);
			return null;
		}
		return code;
	}

	String region(String field, String value, boolean required) {
		String text = text(field, value, SHORT_TEXT_MAX, required);
		if (text == null) {
			return null;
		}
		Optional<String> code = this.catalog.findRegion(text).map(r -> r.code());
		if (code.isEmpty()) {
			reject(field, "unknown_region", text);
			return null;
		}
		return code.get();
	}

	List<LawArticle> articles(String field, List<String> values) {
		List<LawArticle> articles = new ArrayList<>();
		List<String> given = nonBlank(values);
		for (int i = 0; i < given.size(); i++) {
			Optional<LawArticle> article = this.catalog.findArticle(given.get(i));
			if (article.isEmpty()) {
				reject(field + "[" + i + "]", "unknown_article", given.get(i));
			}
			else if (!articles.contains(article.get())) {
				articles.add(article.get());
			}
		}
		return articles;
	}

	/**
	 * References to existing records of {@code kind}, in the order given, without
	 * repeats.
	 */
	<T extends RecordId> List<T> references(String field, List<String> values, RecordKind kind,
			Function<UUID, T> factory) {
		List<T> ids = new ArrayList<>();
		List<String> given = nonBlank(values);
		if (given.size() > 1000) {
			reject(field, "too_many", 1000);
			return ids;
		}
		for (int i = 0; i < given.size(); i++) {
			T id = reference(field + "[" + i + "]", given.get(i), kind, factory, true);
			if (id != null && !ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	<T extends RecordId> T reference(String field, String value, RecordKind kind, Function<UUID, T> factory,
			boolean required) {
		String text = text(field, value, 64, required);
		if (text == null) {
			return null;
		}
		Optional<UUID> uuid = RecordId.parseUuid(text);
		T id = uuid.map(factory).orElse(null);
		if (id == null || !this.visible.test(id)) {
			reject(field, "no_such_record", kind.code(), text);
			return null;
		}
		return id;
	}

	static List<String> nonBlank(List<String> values) {
		return (values == null) ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
	}

}
