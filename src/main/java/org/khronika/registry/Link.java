package org.khronika.registry;

/**
 * A reference from one record to another: {@code relation} is the code of the target's
 * kind ({@code person}, {@code incident}, {@code case}, {@code source}).
 */
public record Link(String relation, RecordId target) {
}
