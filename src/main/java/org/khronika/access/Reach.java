package org.khronika.access;

/**
 * How far a role reaches into the records of one kind, before restriction and naming are
 * applied (see {@link AccessPolicy#mayRead}).
 */
public enum Reach {

	/** Every record of the kind. */
	EVERY,
	/** The records the user recorded. */
	OWN,
	/** The records of the cases the user is named on (assigned to). */
	ASSIGNED,
	/** None. */
	NONE

}
