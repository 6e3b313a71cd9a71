package org.khronika.catalog;

/** One entry of a controlled vocabulary: a stable code and its label. */
public record Term(String code, Label label) {
}
