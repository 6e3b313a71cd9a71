package org.khronika.cli;

import java.util.Locale;

/**
 * A count with its noun, as the commands print them (in English only): "1 row", "0 rows",
 * "1,234 rows". The pages' messages count in their own way, in each language.
 */
final class Counts {

	private Counts() {
	}

	/**
	 * {@code count}, its thousands grouped, and {@code one} if it is 1, else
	 * {@code many}.
	 */
	static String of(long count, String one, String many) {
		return String.format(Locale.ROOT, "%,d %s", count, (count == 1) ? one : many);
	}

}
