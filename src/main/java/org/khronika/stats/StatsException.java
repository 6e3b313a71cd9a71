package org.khronika.stats;

/**
 * A statistics question that cannot be answered as asked: an unknown measure, a dimension
 * the measure's records lack, a malformed date or filter. The message says which and what
 * is allowed.
 */
public class StatsException extends RuntimeException {

	public StatsException(String message) {
		super(message);
	}

}
