package org.khronika.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * A value the code reasons about, with a stable code that the log stores and the catalog
 * labels (its vocabulary names the labels in Russian and English).
 */
public interface Coded {

	/** The stable code: stored in the log, shown by the catalog's vocabulary. */
	String code();

	/** The constant of {@code type} with this code, or empty. */
	static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
	}

}
