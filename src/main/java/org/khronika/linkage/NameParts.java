package org.khronika.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.khronika.search.NameKeys;

/**
 * One written name of a person taken apart: surname, given name, patronymic, or their
 * initials, whatever the word order ("Клоков Александр Игоревич", "Sasha Klokov", "Klokow
 * A."). A patronymic is known by its ending, a given name by the catalog of given names
 * and their forms; what is left is the surname (a word with a surname's ending first, if
 * there are several).
 *
 * @param written the name as written
 * @param surname the surname as written, or null
 * @param given the given name as written, or null
 * @param givenInitial the initial of the given name (from the name, or written as one),
 * or null
 * @param patronymic the patronymic as written, or null
 * @param patronymicInitial its initial, or null
 */
record NameParts(String written, String surname, String given, String givenInitial, String patronymic,
		String patronymicInitial) {

	private static final Pattern PATRONYMIC = Pattern
		.compile(".*(vich|vitch|witsch|wich|vna|wna|ichna|itschna|ičn|ich|itch|itsch|ič)$");

	private static final Pattern SURNAME_ENDING = Pattern.compile(
			".*(ov|ev|ow|ew|off|eff|in|yn|ina|yna|sky|ski|skiy|skij|skaya|skaja|ova|eva|owa|ewa|enko|uk|yuk|iuk|ak)$");

	static NameParts parse(String written, NameKeys names) {
		List<String> words = NameKeys.words(written);
		List<String> initials = new ArrayList<>();
		List<String> rest = new ArrayList<>();
		String patronymic = null;
		String given = null;
		for (String word : words) {
			String latin = NameKeys.latin(word).toLowerCase(Locale.ROOT);
			if (word.length() <= 2 && words.size() > 1) {
				initials.add(NameKeys.initial(word));
			}
			else if (patronymic == null && latin.length() > 5 && PATRONYMIC.matcher(latin).matches()
					&& !names.isGivenName(word)) {
				patronymic = word;
			}
			else if (given == null && names.isGivenName(word)) {
				given = word;
			}
			else {
				rest.add(word);
			}
		}
		String surname = null;
		for (String word : rest) {
			if (SURNAME_ENDING.matcher(NameKeys.latin(word)).matches()) {
				surname = word;
				break;
			}
		}
		if (surname == null && !rest.isEmpty()) {
			surname = rest.get(0);
		}
		if (given == null) {
			for (String word : rest) {
				if (!word.equals(surname)) {
					given = word;
					break;
				}
			}
		}
		String givenInitial = (given != null) ? NameKeys.initial(given) : initials.isEmpty() ? null : initials.get(0);
		String patronymicInitial = (patronymic != null) ? NameKeys.initial(patronymic)
				: (initials.size() > ((given != null) ? 0 : 1)) ? initials.get((given != null) ? 0 : 1) : null;
		return new NameParts(written, surname, given, givenInitial, patronymic, patronymicInitial);
	}

}
