package org.khronika.catalog;

import java.util.List;
import java.util.Map;

/**
 * A measure statistics give, as {@code catalog/metrics.yaml} defines it: what it counts
 * and how, in words ({@code definition}, shown beside every figure) and as data the
 * statistics module applies.
 *
 * @param counts the records counted: {@code incidents} or {@code cases}
 * @param aggregate {@code count}, {@code sum-detained}, {@code distinct-persons},
 * {@code sum-charges} or {@code share}
 * @param where only records whose dimension has one of these values
 * @param numerator for {@code share}: the records counted above the line
 * @param denominator for {@code share}: the records counted below the line
 * @param amount a field summed beside the figure ({@code fine-amount}), or null
 * @param onDay only cases whose person is in custody on the day of the count
 */
public record Metric(String code, Label label, Label definition, String counts, String aggregate,
		Map<String, List<String>> where, Map<String, List<String>> numerator, Map<String, List<String>> denominator,
		String amount, boolean onDay) {

}
