package org.khronika.registry;

import java.time.Instant;

/**
 * One version of a record, from its log entry.
 *
 * @param details the record at this version (sealed fields empty if the key was
 * destroyed); null for an event that carries no details (shredding)
 */
public record HistoryItem(long sequence, String eventType, int version, Instant at, String actor,
		RecordDetails details) {
}
