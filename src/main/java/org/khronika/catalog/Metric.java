package org.khronika.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A measure statistics give, as {@code catalog/metrics.yaml} defines it: what it counts
 * and how, in words ({@code definition}, shown beside every figure) and as data the
 * statistics module applies. Its kind of record and its aggregate are checked when the
 * catalog loads: a file naming one statistics cannot compute is refused then.
 *
 * @param where only records whose dimension has one of these values
 * @param numerator for {@link Aggregate#SHARE}: the records counted above the line
 * @param denominator for {@link Aggregate#SHARE}: the records counted below the line
 * @param amount a field summed beside the figure ({@code fine-amount}), or null
 * @param onDay only cases whose person is in custody on the day asked about
 */
public record Metric(String code, Label label, Label definition, Counted counts, Aggregate aggregate,
		Map<String, List<String>> where, Map<String, List<String>> numerator, Map<String, List<String>> denominator,
		String amount, boolean onDay) {

	/** The records a measure counts. */
	public enum Counted {

		INCIDENTS("incidents"), CASES("cases");

		private final String code;

		Counted(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		static Counted of(String metric, String code) {
			return Arrays.stream(values())
				.filter(c -> c.code.equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"metric " + metric + ": 'counts' is incidents or cases, not '" + code + "'"));
		}

	}

	/** How a measure counts its records. */
	public enum Aggregate {

		/** The records. */
		COUNT("count"),
		/**
		 * The incidents' numbers detained, with the incidents whose number is not known.
		 */
		SUM_DETAINED("sum-detained"),
		/** Unique persons among the cases. */
		DISTINCT_PERSONS("distinct-persons"),
		/** Law articles charged. */
		SUM_CHARGES("sum-charges"),
		/** Records meeting the numerator among those meeting the denominator. */
		SHARE("share");

		private final String code;

		Aggregate(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		static Aggregate of(String metric, String code) {
			return Arrays.stream(values())
				.filter(a -> a.code.equals(code))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("metric " + metric + ": unknown aggregate '" + code
						+ "'; one of " + Arrays.stream(values()).map(Aggregate::code).toList()));
		}

	}

}
