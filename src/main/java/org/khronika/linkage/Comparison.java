package org.khronika.linkage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How two person records compare, field by field, as levels of agreement (the comparison
 * vector of a Fellegi–Sunter model), with the words that show why. Names are compared by
 * their best pair of written forms.
 */
final class Comparison {

	/** The fields compared, and their levels of agreement. */
	enum Field {

		SURNAME("different", "typo", "same"), GIVEN("different", "initial", "familiar", "same", "missing"),
		PATRONYMIC("different", "initial", "same", "missing"), BIRTH_YEAR("different", "near", "same", "missing"),
		REGION("different", "same", "missing"), ARTICLES("different", "shared", "missing");

		final List<String> levels;

		private final java.util.Map<String, Integer> byName = new java.util.HashMap<>();

		Field(String... levels) {
			this.levels = List.of(levels);
			for (int i = 0; i < levels.length; i++) {
				this.byName.put(levels[i], i);
			}
		}

		int level(String name) {
			return this.byName.getOrDefault(name, -1);
		}

	}

	/**
	 * One reason, to be put into words: a code ({@code linkage.reason.CODE}) and the two
	 * values compared.
	 */
	record Reason(String code, String left, String right) {
	}

	/**
	 * A pair's levels (by {@link Field} ordinal), and the reasons.
	 *
	 * @param values by field, the value the two records agree on, as {@link Model} counts
	 * values ({@code k:} and a key, {@code i:} and an initial, a year, a region), where
	 * they agree on one, or for surnames a typo apart {@code t:} and their two keys; else
	 * null
	 * @param fieldReasons the reasons by field, while forms are compared
	 * @param sexDiffers the names say one is a woman and the other a man
	 */
	record Result(int[] levels, List<Reason> reasons, String[] values, java.util.Map<Field, List<Reason>> fieldReasons,
			boolean sexDiffers) {

		Result(int[] levels, String... values) {
			this(levels, List.of(), values, java.util.Map.of(), false);
		}

		/** The value the records agree on in {@code field}, or null. */
		String value(Field field) {
			return this.values[field.ordinal()];
		}

		int level(Field field) {
			return this.levels[field.ordinal()];
		}

		boolean is(Field field, String level) {
			return this.levels[field.ordinal()] == field.level(level);
		}

	}

	private static final List<Field> NAME_FIELDS = List.of(Field.SURNAME, Field.GIVEN, Field.PATRONYMIC);

	private static final List<Field> OTHER_FIELDS = List.of(Field.BIRTH_YEAR, Field.REGION, Field.ARTICLES);

	private Comparison() {
	}

	/**
	 * The comparison of two records. Each part of the name is compared over every pair of
	 * their written forms: the best agreement counts, but a conflict (two patronymics
	 * that differ) outweighs a form that lacks the part, so that a short spelling never
	 * hides a difference a longer one shows.
	 */
	static Result of(PersonRecord left, PersonRecord right) {
		List<Result> combos = new ArrayList<>();
		for (PersonRecord.Name one : left.names()) {
			for (PersonRecord.Name other : right.names()) {
				combos.add(names(one, other, left, right));
			}
		}
		int[] levels = combos.get(0).levels().clone();
		String[] values = combos.get(0).values().clone();
		List<Reason> reasons = new ArrayList<>();
		for (Field field : NAME_FIELDS) {
			Result best = combos.get(0);
			// most records have one written name: nothing to choose between
			for (int i = 1; i < combos.size(); i++) {
				if (preference(field, combos.get(i)) > preference(field, best)) {
					best = combos.get(i);
				}
			}
			levels[field.ordinal()] = best.level(field);
			values[field.ordinal()] = best.value(field);
			reasons.addAll(best.fieldReasons().getOrDefault(field, List.of()));
		}
		Result first = combos.get(0);
		for (Field field : OTHER_FIELDS) {
			reasons.addAll(first.fieldReasons().getOrDefault(field, List.of()));
		}
		PersonRecord.Sex one = left.sex();
		PersonRecord.Sex other = right.sex();
		boolean sexDiffers = one != null && other != null && one != other;
		if (sexDiffers) {
			reasons.add(new Reason("sex-differs", "", ""));
		}
		return new Result(levels, reasons, values, java.util.Map.of(), sexDiffers);
	}

	/**
	 * How much a form pair's level of a name's part is worth when forms are compared:
	 * agreement of whole words first; then a conflict of whole given names or patronymics
	 * (Алексей is not Артём, whatever an initial A. says); then an initial or a typo that
	 * agrees; then a conflict of initials; then nothing said.
	 */
	private static int preference(Field field, Result combo) {
		String name = field.levels.get(combo.level(field));
		return switch (name) {
			case "same" -> 6;
			case "familiar" -> 5;
			case "typo", "initial" -> 3;
			case "different" -> (field != Field.SURNAME && wholeWords(field, combo)) ? 4 : 2;
			default -> 1;
		};
	}

	/**
	 * Whether a combination's difference in a part of the name is between whole words.
	 */
	private static boolean wholeWords(Field field, Result combo) {
		return combo.fieldReasons()
			.getOrDefault(field, List.of())
			.stream()
			.anyMatch(reason -> reason.left().length() > 2 && reason.right().length() > 2);
	}

	private static Result names(PersonRecord.Name one, PersonRecord.Name other, PersonRecord left, PersonRecord right) {
		int[] levels = new int[Field.values().length];
		String[] values = new String[Field.values().length];
		java.util.Map<Field, List<Reason>> byField = new java.util.EnumMap<>(Field.class);
		List<Reason> reasons = byField.computeIfAbsent(Field.SURNAME, f -> new ArrayList<>());
		NameParts a = one.parts();
		NameParts b = other.parts();
		String surnameKey = null;
		for (String key : one.surnameKeys()) {
			if (surnameKey == null && other.surnameKeys().contains(key)) {
				surnameKey = key;
			}
		}
		if (surnameKey != null && (!Collections.disjoint(one.surnameKeysFine(), other.surnameKeysFine())
				|| closeKeys(one.surnameKeysFine(), other.surnameKeysFine()))) {
			levels[Field.SURNAME.ordinal()] = Field.SURNAME.level("same");
			values[Field.SURNAME.ordinal()] = "k:" + surnameKey;
			reasons.add(new Reason(sameWritten(a.surname(), b.surname()) ? "same" : "transliteration", a.surname(),
					b.surname()));
		}
		else if (surnameKey != null || closeKeys(one.surnameKeys(), other.surnameKeys())) {
			// the consonants agree but not the vowels (Крылов, Королёв): no more than a
			// typo
			levels[Field.SURNAME.ordinal()] = Field.SURNAME.level("typo");
			if (!one.surnameKeys().isEmpty() && !other.surnameKeys().isEmpty()) {
				values[Field.SURNAME.ordinal()] = "t:" + one.surnameKeys().get(0) + " " + other.surnameKeys().get(0);
			}
			reasons.add(new Reason("typo", a.surname(), b.surname()));
		}
		else {
			levels[Field.SURNAME.ordinal()] = Field.SURNAME.level("different");
			reasons.add(new Reason("differs", a.surname(), b.surname()));
		}
		levels[Field.GIVEN.ordinal()] = given(one, other, byField.computeIfAbsent(Field.GIVEN, f -> new ArrayList<>()),
				values);
		levels[Field.PATRONYMIC.ordinal()] = patronymic(one, other,
				byField.computeIfAbsent(Field.PATRONYMIC, f -> new ArrayList<>()), values);
		levels[Field.BIRTH_YEAR.ordinal()] = birthYear(left.birthYear(), right.birthYear(),
				byField.computeIfAbsent(Field.BIRTH_YEAR, f -> new ArrayList<>()));
		if (levels[Field.BIRTH_YEAR.ordinal()] == Field.BIRTH_YEAR.level("same")) {
			values[Field.BIRTH_YEAR.ordinal()] = left.birthYear().toString();
		}
		levels[Field.REGION.ordinal()] = region(left.region(), right.region(),
				byField.computeIfAbsent(Field.REGION, f -> new ArrayList<>()));
		if (levels[Field.REGION.ordinal()] == Field.REGION.level("same")) {
			values[Field.REGION.ordinal()] = left.region();
		}
		levels[Field.ARTICLES.ordinal()] = articles(left, right,
				byField.computeIfAbsent(Field.ARTICLES, f -> new ArrayList<>()));
		return new Result(levels, List.of(), values, byField, false);
	}

	private static int given(PersonRecord.Name one, PersonRecord.Name other, List<Reason> reasons, String[] values) {
		NameParts a = one.parts();
		NameParts b = other.parts();
		if (a.given() != null && b.given() != null) {
			boolean typo = !(one.givenKnown() && other.givenKnown())
					&& closeKeys(one.givenKeysFine(), other.givenKeysFine());
			String same = common(one.givenKeysFine(), other.givenKeysFine());
			if (same != null || typo) {
				reasons.add(new Reason(sameWritten(a.given(), b.given()) ? "same" : "transliteration", a.given(),
						b.given()));
				values[Field.GIVEN.ordinal()] = "k:" + ((same != null) ? same : one.givenKeysFine().get(0));
				return Field.GIVEN.level("same");
			}
			String full = common(one.givenFullKeys(), other.givenKeysFine());
			full = (full != null) ? full : common(one.givenKeysFine(), other.givenFullKeys());
			full = (full != null) ? full : common(one.givenFullKeys(), other.givenFullKeys());
			if (full != null) {
				reasons.add(new Reason("familiar", a.given(), b.given()));
				values[Field.GIVEN.ordinal()] = "k:" + full;
				return Field.GIVEN.level("familiar");
			}
			reasons.add(new Reason("given-differs", a.given(), b.given()));
			return Field.GIVEN.level("different");
		}
		if (a.givenInitial() != null && b.givenInitial() != null) {
			// Саша may be written А. (Александра), as well as С.
			String same = one.givenInitials()
				.stream()
				.filter(x -> other.givenInitials()
					.stream()
					.anyMatch(y -> sameInitial(x, y, loose(a, a.given()), loose(b, b.given()))))
				.findFirst()
				.orElse(null);
			if (same != null) {
				values[Field.GIVEN.ordinal()] = "i:" + same;
				reasons.add(new Reason("initial", written(a.given(), a.givenInitial()),
						written(b.given(), b.givenInitial())));
				return Field.GIVEN.level("initial");
			}
			reasons.add(new Reason("given-differs", written(a.given(), a.givenInitial()),
					written(b.given(), b.givenInitial())));
			return Field.GIVEN.level("different");
		}
		reasons.add(new Reason("given-missing", "", ""));
		return Field.GIVEN.level("missing");
	}

	private static int patronymic(PersonRecord.Name one, PersonRecord.Name other, List<Reason> reasons,
			String[] values) {
		NameParts a = one.parts();
		NameParts b = other.parts();
		if (a.patronymic() != null && b.patronymic() != null) {
			String same = common(one.patronymicKeys(), other.patronymicKeys());
			if (same != null) {
				values[Field.PATRONYMIC.ordinal()] = "k:" + same;
				reasons.add(new Reason(sameWritten(a.patronymic(), b.patronymic()) ? "same" : "transliteration",
						a.patronymic(), b.patronymic()));
				return Field.PATRONYMIC.level("same");
			}
			reasons.add(new Reason("patronymic-differs", a.patronymic(), b.patronymic()));
			return Field.PATRONYMIC.level("different");
		}
		if (a.patronymicInitial() != null && b.patronymicInitial() != null) {
			if (sameInitial(a.patronymicInitial(), b.patronymicInitial(), loose(a, a.patronymic()),
					loose(b, b.patronymic()))) {
				values[Field.PATRONYMIC.ordinal()] = "i:" + a.patronymicInitial();
				reasons.add(new Reason("initial", written(a.patronymic(), a.patronymicInitial()),
						written(b.patronymic(), b.patronymicInitial())));
				return Field.PATRONYMIC.level("initial");
			}
			reasons.add(new Reason("patronymic-differs", written(a.patronymic(), a.patronymicInitial()),
					written(b.patronymic(), b.patronymicInitial())));
			return Field.PATRONYMIC.level("different");
		}
		return Field.PATRONYMIC.level("missing");
	}

	private static int birthYear(Integer a, Integer b, List<Reason> reasons) {
		if (a == null || b == null) {
			reasons.add(new Reason("born-missing", Objects.toString(a, ""), Objects.toString(b, "")));
			return Field.BIRTH_YEAR.level("missing");
		}
		// a year or two apart is one person written by two reports that each got the year
		// from an age (1987 and 1988, or 1986 and 1988 for a man born in 1987)
		int apart = Math.abs(a - b);
		reasons.add(new Reason((apart == 0) ? "born-same" : (apart <= 2) ? "born-near" : "born-differs", a.toString(),
				b.toString()));
		return Field.BIRTH_YEAR.level((apart == 0) ? "same" : (apart <= 2) ? "near" : "different");
	}

	private static int region(String a, String b, List<Reason> reasons) {
		if (a == null || b == null) {
			return Field.REGION.level("missing");
		}
		reasons.add(new Reason(a.equals(b) ? "region-same" : "region-differs", a, b));
		return Field.REGION.level(a.equals(b) ? "same" : "different");
	}

	private static int articles(PersonRecord left, PersonRecord right, List<Reason> reasons) {
		if (left.articles().isEmpty() || right.articles().isEmpty()) {
			return Field.ARTICLES.level("missing");
		}
		List<String> shared = new ArrayList<>(left.articles());
		shared.retainAll(right.articles());
		Collections.sort(shared);
		reasons
			.add(new Reason(shared.isEmpty() ? "articles-differ" : "articles-shared", String.join(", ", shared), ""));
		return Field.ARTICLES.level(shared.isEmpty() ? "different" : "shared");
	}

	/**
	 * Whether two initials may be one name's: the same letter, or a lone Latin J, Y or I
	 * ({@code looseA}, {@code looseB}) and a name that starts with a glide and a vowel,
	 * which transliterations write as J, Y or I (German Jelena, J.; ICAO Iuliia, I.;
	 * Елена, Е.). An initial taken from a written name, or a Cyrillic one, is its letter
	 * only: Иван is not О.
	 */
	static boolean sameInitial(String a, String b, boolean looseA, boolean looseB) {
		return a.equals(b) || (looseA && alike(a).contains(b)) || (looseB && alike(b).contains(a));
	}

	/**
	 * Whether a part of a name is a lone initial in Latin letters (the part itself,
	 * {@code word}, is not written out), which may stand for a glide.
	 */
	private static boolean loose(NameParts parts, String word) {
		return word == null && !parts.written()
			.chars()
			.anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
	}

	/**
	 * The initials a name written with {@code initial} may have elsewhere: itself, and
	 * for J., Y. (read as i) and I., which may stand for a glide, the vowels of names
	 * that start with one (Е, Ё, Ю, Я).
	 */
	static List<String> alike(String initial) {
		return (initial.equals("j") || initial.equals("i")) ? List.of(initial, "e", "o", "u", "a") : List.of(initial);
	}

	/** A key both lists hold, or null. */
	private static String common(java.util.Collection<String> one, java.util.Collection<String> other) {
		for (String key : one) {
			if (other.contains(key)) {
				return key;
			}
		}
		return null;
	}

	private static String written(String word, String initial) {
		return (word != null) ? word : initial.toUpperCase(java.util.Locale.ROOT) + ".";
	}

	private static boolean sameWritten(String a, String b) {
		return a.equalsIgnoreCase(b);
	}

	/**
	 * Whether two sets of keys come within one edit of each other (keys of four or more).
	 */
	static boolean closeKeys(List<String> one, List<String> other) {
		for (String a : one) {
			for (String b : other) {
				if (a.length() >= 4 && b.length() >= 4 && withinOneEdit(a, b)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Levenshtein distance at most one, with a swap of neighbours counted as one. */
	static boolean withinOneEdit(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (a.length() == b.length()) {
			if (i == a.length()) {
				return true;
			}
			if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
				return true;
			}
			return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
					&& a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
		}
		String longer = (a.length() > b.length()) ? a : b;
		String shorter = (a.length() > b.length()) ? b : a;
		return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
	}

}
