package org.khronika.catalog;

import java.util.List;

/**
 * What figures can be broken down by ({@code month}, {@code region}, {@code article}…),
 * as {@code catalog/metrics.yaml} defines it.
 *
 * @param applies the records that have it
 * @param values where its values' names come from ({@code regions}, {@code law-articles},
 * a vocabulary), or null for free text and dates
 */
public record Dimension(String code, Label label, List<Metric.Counted> applies, String values) {

	public Dimension {
		applies = List.copyOf(applies);
	}

}
