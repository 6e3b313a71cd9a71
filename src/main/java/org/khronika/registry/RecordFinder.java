package org.khronika.registry;

import java.util.List;

import org.khronika.access.Actor;

/**
 * Finds the records a form's link field may point to from what the editor typed: the
 * forms' pickers search rather than list every record. Search provides it; the registry's
 * pages only ask.
 */
public interface RecordFinder {

	/**
	 * The records of {@code kind} matching {@code text} that {@code actor} may see, best
	 * first, at most {@code limit}, with the records they refer to (audited as a search).
	 * An empty text finds nothing.
	 */
	Listing find(Actor actor, RecordKind kind, String text, int limit);

	/**
	 * Whether a search can find every record now: false while the index is still being
	 * built at start, when {@link #find} finds nothing (which is not "nobody").
	 */
	boolean ready();

}
