package org.khronika.catalog;

/** A region of investigation, by stable code. */
public record Region(String code, Label label) {
}
