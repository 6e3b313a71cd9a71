package org.khronika.registry;

import java.util.Map;

/**
 * A page of records with the records they refer to (for their titles), all readable by
 * whoever asked.
 */
public record Listing(Page<RecordView> page, Map<RecordId, RecordView> referenced) {

	public Listing {
		referenced = Map.copyOf(referenced);
	}

}
