package org.khronika.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A given name and the forms people are called by (Александр: Саша, Шура, Олександр), as
 * {@code catalog/given-names.yaml} lists them, in one script.
 */
public record GivenName(String name, List<String> forms) {

	public GivenName {
		Objects.requireNonNull(name, "name");
		forms = List.copyOf(forms);
	}

}
