package org.khronika.registry;

import java.util.List;
import java.util.Optional;

/**
 * Other records as a kind's rules may read them: public fields only, whoever asks (a rule
 * relates records; it shows nothing to anyone).
 */
interface RecordLookup {

	/** A record and its id. */
	record Found(RecordId id, RecordDetails details) {
	}

	/** The public fields of record {@code id}, or empty if there is no such record. */
	Optional<RecordDetails> find(RecordId id);

	/** The records of {@code kind} that refer to {@code target}, public fields only. */
	List<Found> referring(RecordId target, RecordKind kind);

}
