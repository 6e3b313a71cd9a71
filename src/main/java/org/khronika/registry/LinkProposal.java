package org.khronika.registry;

import java.util.Objects;

/**
 * A proposal that two person records are one person, or two incident records one
 * incident: their ids, the lesser first, and its score: for persons the probability the
 * linkage model gives it, for incidents the share of the fields compared that agree. It
 * changes nothing until someone confirms it ({@link Registry#link}).
 */
public record LinkProposal(RecordId left, RecordId right, double probability) {

	public LinkProposal {
		Objects.requireNonNull(left, "left");
		Objects.requireNonNull(right, "right");
		RegistryEvent.requireLinkable(left, right);
		if (left.toString().compareTo(right.toString()) > 0) {
			RecordId first = right;
			right = left;
			left = first;
		}
	}

}
