package org.khronika.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record with what its page shows around it, all of it readable by whoever asked.
 *
 * @param related the records that refer to this one, by kind, oldest first
 * @param referenced the records this one (and those) refer to, by id, for titles
 * @param restricted only admins and the named users see the record
 * @param named the users named on it (on a case: its assigned lawyers)
 */
public record Dossier(RecordView record, Map<RecordKind, List<RecordView>> related,
		Map<RecordId, RecordView> referenced, boolean restricted, Set<String> named) {

	public Dossier {
		related = Map.copyOf(related);
		referenced = Map.copyOf(referenced);
		named = Set.copyOf(named);
	}

}
