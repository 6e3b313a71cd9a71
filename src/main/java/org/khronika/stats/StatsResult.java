package org.khronika.stats;

import java.time.LocalDate;
import java.util.List;

import org.khronika.catalog.Dimension;
import org.khronika.catalog.Metric;

/**
 * The answer to a {@link StatsQuery}: one row per group, in display order, and the total
 * over every record counted (not the sum of the rows: a case under two articles is in two
 * rows, and a person in several groups is one person in the total).
 *
 * @param position the log position the figures reflect
 * @param day the day the figures were computed on, or were asked about (the day of
 * {@code in-custody})
 */
public record StatsResult(StatsQuery query, Metric metric, List<Dimension> dimensions, List<Row> rows, Figure total,
		long position, LocalDate day) {

	public StatsResult {
		dimensions = List.copyOf(dimensions);
		rows = List.copyOf(rows);
	}

	/**
	 * One group: a value code per dimension (null where the records do not say,
	 * {@code n/a} where the field does not apply to them), and its figure.
	 */
	public record Row(List<String> values, Figure figure) {

		public Row {
			values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
		}

	}

	/**
	 * A figure: {@code value} (a count or a sum), with what the measure gives beside it:
	 * {@code amount} for measures that sum an amount, {@code numerator} and
	 * {@code denominator} for shares, {@code unknown} for a sum of people detained (the
	 * incidents whose number is not known: never counted as zero), {@code lapsed} for a
	 * measure of people on a day (those whose term ran out with nothing recorded since).
	 */
	public record Figure(long value, Long amount, Long numerator, Long denominator, Long unknown, Long lapsed) {

		/**
		 * The share as a fraction, or null if this is no share or nothing was decided.
		 */
		public Double rate() {
			return (this.denominator == null || this.denominator == 0) ? null
					: (double) this.numerator / this.denominator;
		}

	}

	/** Whether the measure is a share (then {@link Figure#rate()} is the figure). */
	public boolean isShare() {
		return this.metric.aggregate() == Metric.Aggregate.SHARE;
	}

}
