package org.khronika.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A named controlled vocabulary, in its file's order.
 *
 * @param label what its codes are, which also names the fields that take them
 */
public record Vocabulary(String name, Label label, List<Term> terms) {

	public Vocabulary {
		terms = List.copyOf(terms);
	}

	/** The term with this code, or empty. */
	public Optional<Term> term(String code) {
		return this.terms.stream().filter(t -> t.code().equals(code)).findFirst();
	}

	public boolean contains(String code) {
		return term(code).isPresent();
	}

}
