package org.khronika.stats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The custody rule of the {@code in-custody} measure, as a pure function of one case's
 * events: custody starts with a measure of restraint "custody" and runs until the date
 * the court set; an extension moves that date, or ends custody if it sets another
 * measure; a release ends it; a verdict ends it, unless the case ended in a prison
 * sentence, which runs from the verdict for its months (with no end if they are not
 * known). House arrest is not custody. A measure whose term ran out with no extension or
 * release recorded since is not counted as custody, and is flagged: the record is most
 * likely missing an event.
 */
public final class Custody {

	/** A case event that decides custody, as the facts hold it. */
	public record Event(String type, LocalDate day, String measure, LocalDate until) {
	}

	/**
	 * Where the person stands by one case on a day.
	 *
	 * @param held in custody by this case on the day
	 * @param lapsed the custody term ran out before the day, and nothing was recorded
	 * since
	 */
	public record Status(boolean held, boolean lapsed) {

		static final Status FREE = new Status(false, false);

	}

	/** Events that decide custody, by their type code. */
	public static final List<String> TYPES = List.of("measure-of-restraint", "extension", "release", "verdict");

	private Custody() {
	}

	/**
	 * @param events the case's events that decide custody, in any order
	 * @param outcome the case's outcome code, or null
	 * @param sentenceMonths the case's sentence, or null
	 */
	public static Status on(List<Event> events, String outcome, Integer sentenceMonths, LocalDate day) {
		boolean held = false;
		boolean bySentence = false;
		LocalDate until = null;
		List<Event> ordered = events.stream()
			.sorted(Comparator.comparing(Event::day).thenComparing(e -> TYPES.indexOf(e.type())))
			.toList();
		for (Event event : ordered) {
			if (event.day().isAfter(day)) {
				break;
			}
			switch (event.type()) {
				case "measure-of-restraint", "extension" -> {
					held = "custody".equals(event.measure());
					until = event.until();
					bySentence = false;
				}
				case "release" -> held = false;
				case "verdict" -> {
					held = "sentence-real".equals(outcome);
					until = (held && sentenceMonths != null) ? event.day().plusMonths(sentenceMonths) : null;
					bySentence = held;
				}
				default -> {
				}
			}
		}
		if (held && until != null && until.isBefore(day)) {
			// a sentence served is an end; a measure's term that ran out is a gap in the
			// record
			return new Status(false, !bySentence);
		}
		return held ? new Status(true, false) : Status.FREE;
	}

}
