package org.khronika.access;

import java.util.Objects;
import java.util.Set;

/**
 * What the policy needs to know about one record, handed over by whoever holds it.
 *
 * @param type the record's kind
 * @param createdBy the login that recorded it
 * @param restricted only admins and the named users may see it, whatever their role
 * @param named the users named on the record (on a case: the lawyers assigned to it)
 * @param assignees the users named on the case(s) the record belongs to: for a case its
 * own named users, for a case event its case's, for a person those of every case against
 * them; empty for other kinds
 * @param enclosing the facts of the record this one is part of (a case event's case), or
 * null: it is visible only where that one is
 */
public record RecordFacts(RecordType type, String createdBy, boolean restricted, Set<String> named,
		Set<String> assignees, RecordFacts enclosing) {

	public RecordFacts {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(createdBy, "createdBy");
		named = Set.copyOf(named);
		assignees = Set.copyOf(assignees);
	}

}
