package org.khronika.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import org.khronika.catalog.GivenName;

/**
 * Keys under which one word of a name matches its spellings in any script. A word is
 * transliterated to Latin letters (ICU, any script), and then reduced to the sounds that
 * every common transliteration of Russian and Ukrainian keeps apart: vowels, soft signs
 * and {@code й} are left out (Юрий, Yuri, Iurii, Jurij: {@code r}), and each consonant
 * that systems spell differently becomes one symbol ({@code ш}, {@code sh}, {@code sch},
 * {@code š}; {@code ц}, {@code ts}, {@code tz}, {@code c}; {@code в}, {@code v},
 * {@code w}, {@code ff}). So Клоков, Klokov, Klokow and Klokoff all give {@code klkv}. A
 * Latin {@code ch} may stand for {@code ч} (English), {@code х} (German) or {@code ш}
 * (French), so it gives a key for each.
 *
 * <p>
 * A familiar form of a given name also gives the keys of the full names it stands for, as
 * the catalog lists them: Саша and Sasha give {@code lksndr}, Александр's key. Keys are
 * made for matching, never shown. Thread-safe.
 */
public final class NameKeys {

	/**
	 * Symbols of the consonants transliterations disagree on: {@code ш щ ж}, {@code ч},
	 * {@code х}, {@code ц} (the spellings below use the same letters).
	 */
	private static final char SH = 'S';

	private static final char CH = 'C';

	private static final char KH = 'H';

	private static final char TS = 'Z';

	/** The most keys one word gives before its familiar-form expansions. */
	private static final int MAX_VARIANTS = 8;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’ʼ`][\\p{L}\\p{M}]+)*");

	// the spellings a given name's fine keys are made from, compiled once: linkage takes
	// every name of a hundred thousand records apart
	private static final Pattern SOFT_YA = Pattern.compile("[ьъ]?я");

	private static final Pattern SOFT_YU = Pattern.compile("[ьъ]?ю");

	private static final Pattern SOFT_YE = Pattern.compile("[ьъ]е");

	private static final Pattern YO = Pattern.compile("[ьъ]?ё");

	private static final Pattern PRIME_GLIDE = Pattern.compile("ʹ(?=[aeou])");

	private static final Pattern LETTER_GLIDE = Pattern.compile("[yji](?=[aeou])");

	private static final Pattern GLIDE_AFTER_VOWEL = Pattern.compile("(?<=[aeouy])J");

	private static final Pattern GLIDE_AT_START = Pattern.compile("^J(?=e)");

	private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Any-Latin; Lower"));

	/**
	 * The same for words in Cyrillic and Latin letters only, nearly all of them: three
	 * times faster, as it need not find out each run of letters' script.
	 */
	private static final ThreadLocal<Transliterator> CYRILLIC_TO_LATIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Lower; Cyrillic-Latin"));

	/**
	 * Russian in Latin letters as the English press writes it: BGN/PCGN without its
	 * marks.
	 */
	private static final ThreadLocal<Transliterator> ENGLISH = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII"));

	/**
	 * Latin spellings, longest first, and what they stand for; a spelling with several
	 * readings gives a key for each.
	 */
	private static final List<Map.Entry<String, List<String>>> SPELLINGS = List.of(spelling("schtsch", "S"),
			spelling("shtch", "S"), spelling("chtch", "S"), spelling("shch", "S"), spelling("tsch", "C"),
			spelling("dzh", "dS"), spelling("sch", "S"), spelling("tch", "C"), spelling("kh", "H"), spelling("zh", "S"),
			spelling("sh", "S"), spelling("ch", "C", "H", "S"), spelling("ts", "Z"), spelling("tz", "Z"),
			spelling("ph", "v"), spelling("ck", "k"), spelling("gh", "g"));

	private final Map<String, Set<String>> fullNames;

	/** The full names a familiar form stands for, as written, by the form's key. */
	private final Map<String, Set<String>> fullNamesWritten;

	/**
	 * The fine keys of the full names a familiar form stands for, by the form's key.
	 */
	private final Map<String, Set<String>> fullNamesFine;

	/** The keys of every full given name the catalog lists. */
	private final Set<String> catalogNameKeys;

	private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

	/** Keys made from the catalog's given names and their forms. */
	public NameKeys(List<GivenName> givenNames) {
		Map<String, Set<String>> full = new HashMap<>();
		Map<String, Set<String>> written = new HashMap<>();
		for (GivenName name : givenNames) {
			Set<String> nameKeys = new LinkedHashSet<>(spellingKeys(name.name()));
			for (String form : name.forms()) {
				for (String formKey : formKeys(form)) {
					full.computeIfAbsent(formKey, k -> new LinkedHashSet<>()).addAll(nameKeys);
					written.computeIfAbsent(formKey, k -> new LinkedHashSet<>()).add(name.name());
				}
			}
		}
		this.fullNames = Map.copyOf(full);
		this.fullNamesWritten = Map.copyOf(written);
		Map<String, Set<String>> fine = new HashMap<>();
		written.forEach((formKey, names) -> names
			.forEach(name -> fine.computeIfAbsent(formKey, k -> new LinkedHashSet<>()).addAll(givenNameKeys(name))));
		this.fullNamesFine = Map.copyOf(fine);
		Set<String> given = new java.util.HashSet<>();
		givenNames.forEach(name -> given.addAll(givenNameKeys(name.name())));
		this.catalogNameKeys = Set.copyOf(given);
	}

	/** The words of a name as written: letters, with apostrophes inside a word kept. */
	public static List<String> words(String name) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(name);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	/**
	 * Every key of one word: its spellings' keys, then the keys of the full names it is a
	 * familiar form of. Empty for a word of vowels only.
	 */
	public List<String> keys(String word) {
		return this.cache.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> {
			Set<String> keys = new LinkedHashSet<>(spellingKeys(w));
			for (String key : formKeys(w)) {
				keys.addAll(this.fullNames.getOrDefault(key, Set.of()));
			}
			keys.remove("");
			return List.copyOf(keys);
		});
	}

	/**
	 * The keys of the full names {@code word} is a familiar form of (Саша: Александр's
	 * and Александра's); empty if it is none.
	 */
	public Set<String> fullNameKeys(String word) {
		Set<String> keys = new LinkedHashSet<>();
		formKeys(word).forEach(key -> keys.addAll(this.fullNames.getOrDefault(key, Set.of())));
		return keys;
	}

	/**
	 * The full given names {@code word} is a familiar form of, as the catalog writes them
	 * (Саша: Александр, Александра); empty if it is none.
	 */
	public Set<String> fullNames(String word) {
		Set<String> names = new LinkedHashSet<>();
		formKeys(word).forEach(key -> names.addAll(this.fullNamesWritten.getOrDefault(key, Set.of())));
		return names;
	}

	/**
	 * The fine keys ({@link #givenNameKeys}) of the full given names {@code word} is a
	 * familiar form of; empty if it is none.
	 */
	public Set<String> fullNameFineKeys(String word) {
		Set<String> keys = new LinkedHashSet<>();
		formKeys(word).forEach(key -> keys.addAll(this.fullNamesFine.getOrDefault(key, Set.of())));
		return keys;
	}

	/**
	 * Whether the word is a given name the catalog lists, or a form of one, by its fine
	 * keys: Ilina is a surname, not Алина.
	 */
	public boolean isGivenName(String word) {
		return isFamiliarForm(word) || givenNameKeys(word).stream().anyMatch(this.catalogNameKeys::contains);
	}

	/** Whether the word is a familiar form of a given name the catalog knows. */
	public boolean isFamiliarForm(String word) {
		return formKeys(word).stream().anyMatch(this.fullNames::containsKey);
	}

	/**
	 * The first letter of a word as an initial is written in any script: a vowel stays a
	 * vowel ({@code Ю}, {@code Yu}, {@code Ju}: {@code u}), a consonant becomes its key's
	 * first symbol.
	 */
	public static String initial(String word) {
		String known = word.isEmpty() ? null : CYRILLIC_INITIALS.get(Character.toLowerCase(word.charAt(0)));
		return (known != null) ? known : initialOf(word);
	}

	/**
	 * The initial of each Cyrillic letter whose initial does not depend on the letters
	 * after it (not й: Йосиф starts with o): an index of a million names asks for each
	 * word's initial, and transliterating the word only for its first letter was a fifth
	 * of the time.
	 */
	private static final Map<Character, String> CYRILLIC_INITIALS = cyrillicInitials();

	private static Map<Character, String> cyrillicInitials() {
		Map<Character, String> initials = new HashMap<>();
		for (char c = 'а'; c <= 'я'; c++) {
			addInitial(initials, c);
		}
		for (char c : "ёєіїґў".toCharArray()) {
			addInitial(initials, c);
		}
		return Map.copyOf(initials);
	}

	private static void addInitial(Map<Character, String> initials, char letter) {
		String alone = initialOf(String.valueOf(letter));
		if (!alone.isEmpty() && alone.equals(initialOf(letter + "ар")) && alone.equals(initialOf(letter + "ор"))
				&& alone.equals(initialOf(letter + "ин"))) {
			initials.put(letter, alone);
		}
	}

	private static String initialOf(String word) {
		String latin = latin(word);
		if (latin.isEmpty()) {
			return "";
		}
		String start = latin.replaceFirst("^[yji](?=[aeiou])", "");
		char first = start.charAt(0);
		if ("aeiouy".indexOf(first) >= 0) {
			return String.valueOf((first == 'y') ? 'i' : first);
		}
		List<String> keys = spellingKeys(word);
		return keys.get(0).isEmpty() ? String.valueOf(first) : keys.get(0).substring(0, 1);
	}

	/** The keys of one spelling, without familiar forms. */
	public static List<String> spellingKeys(String word) {
		return keys(latin(word), false);
	}

	/**
	 * The keys a place's word is spelt by in any script (Москва, Moskva; Ярославль,
	 * Jaroslawl): as a given name's, its vowels kept, since places differ by little more
	 * (Иваново is not Иванов); none for a word without letters.
	 */
	public static List<String> placeKeys(String word) {
		return givenNameKeys(word).stream().filter(key -> !key.isEmpty()).toList();
	}

	/**
	 * The keys a familiar form is looked up by: a given name's fine keys, as they keep
	 * the vowels (Нина is not Аня) and the glide (Яна is not Аня).
	 */
	static List<String> formKeys(String word) {
		return givenNameKeys(word);
	}

	/**
	 * The keys a given name is told apart from another by, for linkage: its vowels kept,
	 * and a {@code й} before a vowel kept too (Яна is not Аня, Лена is not Алина),
	 * doubled letters as one.
	 */
	public static List<String> givenNameKeys(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.indexOf('ё') < 0) {
			return fineKeys(lower);
		}
		// ё is written yo (Artyom, Lyosha) and as often e (Artem, Fedor): a key for each
		Set<String> keys = new LinkedHashSet<>(fineKeys(lower.replace('ё', 'е')));
		keys.addAll(fineKeys(YO.matcher(lower).replaceAll("jo")));
		return List.copyOf(keys);
	}

	private static List<String> fineKeys(String lower) {
		// я and ю are a glide and a vowel in every Latin spelling but ICU's
		String spelled = lower;
		spelled = SOFT_YA.matcher(spelled).replaceAll("ja");
		spelled = SOFT_YU.matcher(spelled).replaceAll("ju");
		spelled = SOFT_YE.matcher(spelled).replaceAll("je");
		// French writes у as ou (Lioubov)
		String glides = latin(spelled).replace("ou", "u");
		glides = PRIME_GLIDE.matcher(glides).replaceAll("J");
		glides = LETTER_GLIDE.matcher(glides).replaceAll("J");
		// Мария, Maria, Mariya: an i before the glide is the glide's
		glides = glides.replace("iJ", "J");
		// after a vowel, and before e at the start, spellings differ on the glide:
		// Зоя, Zoya, Zoa; Елена, Yelena, Elena
		glides = GLIDE_AFTER_VOWEL.matcher(glides).replaceAll("");
		glides = GLIDE_AT_START.matcher(glides).replaceAll("");
		// and after a consonant too: Alyeksyey, Aleksej; Vasilyevich, Vasilevich
		glides = glides.replace("Je", "e");
		return keys(glides, true);
	}

	private static List<String> keys(String latin, boolean vowels) {
		List<StringBuilder> variants = new ArrayList<>(List.of(new StringBuilder()));
		int i = 0;
		while (i < latin.length()) {
			List<String> readings = null;
			int length = 1;
			for (Map.Entry<String, List<String>> spelling : SPELLINGS) {
				if (latin.startsWith(spelling.getKey(), i)) {
					readings = spelling.getValue();
					length = spelling.getKey().length();
					break;
				}
			}
			if (readings == null) {
				readings = letter(latin, i, vowels);
			}
			if (readings.size() > 1 && variants.size() < MAX_VARIANTS) {
				List<StringBuilder> next = new ArrayList<>();
				for (StringBuilder variant : variants) {
					readings.forEach(reading -> next.add(new StringBuilder(variant).append(reading)));
				}
				variants = next;
			}
			else {
				String reading = readings.get(0);
				variants.forEach(variant -> variant.append(reading));
			}
			i += length;
		}
		Set<String> keys = new LinkedHashSet<>();
		for (StringBuilder variant : variants) {
			keys.add(collapse(variant));
		}
		return List.copyOf(keys);
	}

	/**
	 * The readings of one Latin letter at {@code i}: nothing for signs, and for vowels
	 * unless {@code vowels}; a letter systems read differently has several ({@code z} is
	 * з in English, ц in German; {@code c} is ц in ISO 9 and Czech, к in English).
	 */
	private static List<String> letter(String latin, int i, boolean vowels) {
		char c = latin.charAt(i);
		char next = (i + 1 < latin.length()) ? latin.charAt(i + 1) : ' ';
		switch (c) {
			case 'a', 'e', 'o', 'u':
				return List.of(vowels ? String.valueOf(c) : "");
			case 'i', 'y', 'j':
				return List.of(vowels ? "i" : "");
			case 'w', 'f':
				return List.of("v");
			case 'q':
				return List.of("k");
			case 'x':
				return List.of("ks");
			case 'z':
				return List.of("s", String.valueOf(TS));
			case 'h':
				return List.of(String.valueOf(KH));
			case 'c':
				return ("eiy".indexOf(next) >= 0) ? List.of(String.valueOf(TS)) : List.of("k", String.valueOf(TS));
			case 'š', 'ŝ', 'ž':
				return List.of(String.valueOf(SH));
			case 'č':
				return List.of(String.valueOf(CH));
			case 'J':
				return List.of("J");
			default:
				// soft and hard signs (ʹ ʺ), apostrophes and anything else not a Latin
				// letter
				return List.of((c >= 'a' && c <= 'z') ? String.valueOf(c) : "");
		}
	}

	/** ISO 9's â and û as the ja and ju they stand for. */
	private static String glides(String word) {
		return word.replace("â", "ja").replace("Â", "Ja").replace("û", "ju").replace("Û", "Ju");
	}

	/**
	 * {@code text} as the English press spells Russian names: BGN/PCGN without its
	 * diacritics and primes (Соловьёв Наталья, Solovyev Natalya). Case kept.
	 */
	public static String english(String text) {
		return ENGLISH.get().transliterate(text).replace("'", "");
	}

	/** Lowercase Latin letters, keeping the marks of č, š, ŝ and ž and no others. */
	public static String latin(String word) {
		// ICU writes ц as c, which in Latin spellings is also k; ts is what it means.
		// ISO 9 writes я and ю as â and û, which are no a and u: ja and ju, whether a
		// word came spelt so or ICU spelt it so (Юлия is julija, not ulia; Яна not Аня)
		String latin = glides((cyrillicOrLatin(word) ? CYRILLIC_TO_LATIN : TO_LATIN).get()
			.transliterate(glides(word.replace("ц", "ts").replace("Ц", "Ts"))));
		StringBuilder kept = new StringBuilder(latin.length());
		// plain letters and the Czech-style ones keep as they are; others lose their
		// marks
		for (char c : Normalizer.normalize(latin, Normalizer.Form.NFC).toCharArray()) {
			if (c < 0x80 || c == 'č' || c == 'š' || c == 'ŝ' || c == 'ž') {
				kept.append(c);
			}
			else {
				for (char plain : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toCharArray()) {
					if (Character.getType(plain) != Character.NON_SPACING_MARK) {
						kept.append(plain);
					}
				}
			}
		}
		return kept.toString();
	}

	private static boolean cyrillicOrLatin(String word) {
		return word.codePoints().allMatch(c -> switch (Character.UnicodeScript.of(c)) {
			case CYRILLIC, LATIN, COMMON, INHERITED -> true;
			default -> false;
		});
	}

	/** Repeated symbols as one: {@code Anna}, {@code nn}: {@code n}. */
	private static String collapse(CharSequence symbols) {
		StringBuilder key = new StringBuilder(symbols.length());
		for (int i = 0; i < symbols.length(); i++) {
			char c = symbols.charAt(i);
			if (key.length() == 0 || key.charAt(key.length() - 1) != c) {
				key.append(c);
			}
		}
		return key.toString();
	}

	private static Map.Entry<String, List<String>> spelling(String latin, String... readings) {
		return Map.entry(latin, List.of(readings));
	}

}
