package org.khronika.catalog;

/**
 * A region of investigation, by stable code.
 *
 * @param centre its administrative centre, by which people often name it (Тверь for
 * Тверская область); null for a city that is a region itself, or a region without one
 */
public record Region(String code, Label label, Label centre) {
}
