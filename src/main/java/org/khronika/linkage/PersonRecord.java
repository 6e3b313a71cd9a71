package org.khronika.linkage;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.khronika.search.NameKeys;

/**
 * A person record as linkage compares it: its written names taken apart, with the keys
 * each part matches by, and its public facts.
 *
 * @param articles the law articles of the cases against the person
 */
record PersonRecord(String id, Instant createdAt, List<Name> names, Integer birthYear, String region,
		Set<String> articles) {

	/**
	 * The person's sex as their names show it (a surname's, given name's or patronymic's
	 * ending), or null if they do not say or disagree.
	 */
	Sex sex() {
		Sex found = null;
		for (Name name : this.names) {
			Sex sex = name.sex();
			if (sex != null) {
				if (found != null && found != sex) {
					return null;
				}
				found = sex;
			}
		}
		return found;
	}

	enum Sex {

		FEMALE, MALE

	}

	/**
	 * One written name, taken apart, with the keys of its parts.
	 *
	 * @param givenKeysFine the keys the given name is told apart by, finer than its
	 * search keys
	 * @param givenFullKeys the fine keys of the full names the given name is a familiar
	 * form of
	 * @param givenKnown the given name is one the catalog lists (or a form of one), so a
	 * letter more or less makes another name of it, not a typo (Мария, Дарья)
	 * @param givenInitials the initials the given name may be written with: its own, and
	 * those of the full names a familiar form stands for (Саша: С. and А.)
	 * @param surnameKeysFine the surname's keys with its vowels, which tell apart
	 * surnames whose consonants agree (Крылов, Королёв)
	 */
	record Name(NameParts parts, List<String> surnameKeys, List<String> surnameKeysFine, List<String> givenKeys,
			List<String> givenKeysFine, Set<String> givenFullKeys, boolean givenKnown, Set<String> givenInitials,
			List<String> patronymicKeys, Sex sex) {

		private static final java.util.regex.Pattern FEMALE_SURNAME = java.util.regex.Pattern
			.compile(".*(ova|eva|owa|ewa|ina|yna|aya|aja|skaia|kaya|kaja)$");

		private static final java.util.regex.Pattern MALE_SURNAME = java.util.regex.Pattern
			.compile(".*(ov|ev|ow|ew|off|eff|in|yn|ski|sky|skiy|skij|skii|ii|iy|ij)$");

		private static final java.util.regex.Pattern LYUBOV = java.util.regex.Pattern.compile("l[iy]?j?o?u?bo[vw]");

		private static final java.util.regex.Pattern NOT_LATIN = java.util.regex.Pattern.compile("[^a-z]");

		/** Men's given names that end as women's do. */
		private static final Set<String> MEN_IN_A = Set.of("nikita", "ila", "ilia", "ilya", "ilja", "danila", "foma",
				"savva", "kuzma", "luka", "iliya", "ilija");

		static Name of(String written, NameKeys names) {
			NameParts parts = NameParts.parse(written, names);
			Set<String> fullNames = (parts.given() != null) ? names.fullNameFineKeys(parts.given()) : Set.of();
			Set<String> initials = new java.util.LinkedHashSet<>();
			if (parts.givenInitial() != null) {
				initials.add(parts.givenInitial());
			}
			if (parts.given() != null) {
				names.fullNames(parts.given()).forEach(full -> initials.add(NameKeys.initial(full)));
			}
			return new Name(parts, keys(parts.surname()),
					(parts.surname() != null) ? NameKeys.givenNameKeys(parts.surname()) : List.of(),
					keys(parts.given()), (parts.given() != null) ? NameKeys.givenNameKeys(parts.given()) : List.of(),
					ordered(fullNames), parts.given() != null && names.isGivenName(parts.given()), ordered(initials),
					keys((parts.patronymic() != null) ? patronymicStem(parts.patronymic()) : null), sex(parts, names));
		}

		/**
		 * The set as it is ordered (the catalog's order), unmodifiable: a comparison
		 * takes the first full name or initial two names share, so a set whose order
		 * changes from one start to the next (as {@code Set.copyOf}'s does) would make a
		 * run's proposals differ from the last run's over the same records.
		 */
		private static Set<String> ordered(Set<String> set) {
			return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(set));
		}

		private static Sex sex(NameParts parts, NameKeys names) {
			Set<Sex> said = new java.util.HashSet<>();
			if (parts.patronymic() != null) {
				String latin = latin(parts.patronymic());
				said.add((latin.endsWith("na")) ? Sex.FEMALE : Sex.MALE);
			}
			if (parts.surname() != null) {
				String latin = latin(parts.surname());
				if (FEMALE_SURNAME.matcher(latin).matches()) {
					said.add(Sex.FEMALE);
				}
				else if (MALE_SURNAME.matcher(latin).matches()) {
					said.add(Sex.MALE);
				}
			}
			if (parts.given() != null && !names.isFamiliarForm(parts.given())) {
				String latin = latin(parts.given());
				if ((latin.endsWith("a") && !MEN_IN_A.contains(latin)) || LYUBOV.matcher(latin).matches()) {
					said.add(Sex.FEMALE);
				}
				else if (!latin.endsWith("a") && !latin.endsWith("o") && !latin.endsWith("e")) {
					said.add(Sex.MALE);
				}
			}
			return (said.size() == 1) ? said.iterator().next() : null;
		}

		private static String latin(String word) {
			return NOT_LATIN.matcher(NameKeys.latin(word)).replaceAll("");
		}

		private static List<String> keys(String word) {
			return (word == null) ? List.of() : NameKeys.spellingKeys(word);
		}

		/**
		 * A patronymic without its male or female ending, in Latin letters: Игоревич,
		 * Игоревна, Igorevitch and Igorevič alike.
		 */
		private static String patronymicStem(String patronymic) {
			String latin = NameKeys.latin(patronymic).toLowerCase(java.util.Locale.ROOT);
			for (String ending : List.of("vich", "vitch", "witsch", "wich", "vič", "vna", "wna", "ichna", "itschna",
					"ična", "ich", "itch", "itsch", "ič")) {
				if (latin.endsWith(ending) && latin.length() > ending.length() + 2) {
					return latin.substring(0, latin.length() - ending.length());
				}
			}
			return latin;
		}

	}

}
