package org.khronika.registry;

import java.time.LocalDate;

import org.khronika.catalog.Catalog;

/**
 * What a kind's rules may know beyond the record itself: the day, the catalog, and other
 * records' public fields.
 */
record RuleContext(LocalDate today, Catalog catalog, RecordLookup lookup) {
}
