package org.khronika.access;

/** How much of a record a role may see once it may see the record at all. */
public enum Detail {

	/** Every field, sealed ones opened. */
	FULL,
	/** Public fields only: no names, contacts, descriptions, notes or references. */
	PUBLIC

}
