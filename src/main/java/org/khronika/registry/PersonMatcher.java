package org.khronika.registry;

import java.util.List;

import org.khronika.access.Actor;

/**
 * Finds the persons already recorded that a new person's details may describe, so that a
 * form can offer them before a second record is made. Linkage provides it; the registry's
 * pages only ask.
 */
public interface PersonMatcher {

	/**
	 * The persons {@code actor} may see that {@code details} may describe, each by one of
	 * its records, most likely first, at most {@code limit} (audited as a search); empty
	 * if none.
	 */
	List<RecordView> matches(Actor actor, PersonDetails details, int limit);

	/**
	 * Whether {@link #matches} can find every person now: false while the search index is
	 * still being built at start, when it finds nobody.
	 */
	boolean ready();

}
