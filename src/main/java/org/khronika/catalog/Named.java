package org.khronika.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A catalog entry a {@link Message} names: the command line writes its code, as its
 * options take it ({@link #toString()} is the code, so {@link Message#english()} needs no
 * help), and pages write its name in the reader's language
 * ({@link Message#argumentsIn(Locale)}).
 */
public record Named(String code, Label label) {

	public static Named of(Dimension dimension) {
		return new Named(dimension.code(), dimension.label());
	}

	public static Named of(Metric metric) {
		return new Named(metric.code(), metric.label());
	}

	@Override
	public String toString() {
		return this.code;
	}

	/** Several entries, written as a list: codes on the command line, names on pages. */
	public record Several(List<Named> names) {

		public Several {
			names = List.copyOf(names);
		}

		String in(Locale locale) {
			return this.names.stream().map(n -> n.label().in(locale)).collect(Collectors.joining(", "));
		}

		@Override
		public String toString() {
			return this.names.stream().map(Named::code).collect(Collectors.joining(", "));
		}

	}

}
