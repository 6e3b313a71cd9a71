package org.khronika.registry;

import java.time.Instant;

/**
 * One version of a record, from its log entry.
 *
 * @param details the record at this version (sealed fields empty if the key was destroyed
 * or they do not open); null for an event that carries no details (shredding)
 * @param unreadable its sealed fields should have opened and did not: the entry or its
 * subject's key was changed outside Khronika
 */
public record HistoryItem(long sequence, String eventType, int version, Instant at, String actor, RecordDetails details,
		boolean unreadable) {
}
