package org.khronika.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every version of a record, oldest first, with the records its versions refer to as far
 * as the reader may see them, for their titles.
 *
 * @param hidden records the versions refer to that the reader may not see
 */
public record History(RecordView record, List<HistoryItem> versions, Map<RecordId, RecordView> referenced,
		Set<RecordId> hidden) {

	public History {
		versions = List.copyOf(versions);
		referenced = Map.copyOf(referenced);
		hidden = Set.copyOf(hidden);
	}

}
