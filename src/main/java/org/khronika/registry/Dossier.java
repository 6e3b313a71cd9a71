package org.khronika.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record with what its page shows around it, all of it readable by whoever asked.
 *
 * @param related the records that refer to this one, by kind, oldest first
 * @param referenced the records this one (and those) refer to, by id, for titles
 * @param hidden the records this one refers to that the reader may not see: they exist,
 * and an edit keeps them
 * @param named the users named on it (on a case: its assigned lawyers)
 */
public record Dossier(RecordView record, Map<RecordKind, List<RecordView>> related,
		Map<RecordId, RecordView> referenced, Set<RecordId> hidden, Set<String> named) {

	public Dossier {
		related = Map.copyOf(related);
		referenced = Map.copyOf(referenced);
		hidden = Set.copyOf(hidden);
		named = Set.copyOf(named);
	}

}
