package org.khronika.registry;

import java.util.List;

/**
 * One thing wrong with one field of an input: {@code field} names it as the form and the
 * API do ({@code birthYear}, {@code names[1]}), {@code code} is a message code resolved
 * in {@code messages_*.properties} as {@code problem.<code>}, with {@code arguments}.
 */
public record FieldProblem(String field, String code, List<Object> arguments) {

	public FieldProblem {
		arguments = List.copyOf(arguments);
	}

	public static FieldProblem of(String field, String code, Object... arguments) {
		return new FieldProblem(field, code, List.of(arguments));
	}

	public String messageCode() {
		return "problem." + this.code;
	}

}
