package org.khronika.registry;

/**
 * A reference from one record to another: {@code relation} is {@code person},
 * {@code case} or {@code source}.
 */
public record Link(String relation, RecordId target) {

	static final String PERSON = "person";

	static final String CASE = "case";

	static final String SOURCE = "source";

}
