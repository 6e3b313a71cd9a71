package org.khronika.registry;

import java.util.Objects;

/**
 * A proposal that two person records are one person: their ids, the lesser first, and the
 * probability the linkage model gives it. It changes nothing until someone confirms it
 * ({@link Registry#link}).
 */
public record LinkProposal(PersonId left, PersonId right, double probability) {

	public LinkProposal {
		Objects.requireNonNull(left, "left");
		Objects.requireNonNull(right, "right");
		if (left.toString().compareTo(right.toString()) > 0) {
			PersonId first = right;
			right = left;
			left = first;
		}
	}

}
