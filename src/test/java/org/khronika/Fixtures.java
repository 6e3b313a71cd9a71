package org.khronika;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real public datasets for import and statistics tests, shipped in {@code examples/} with
 * their attribution and with every cell that could name someone emptied.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** OVD-Info's detentions at Moscow protests, 2011–2012 (CC BY 3.0). */
	public static Path ovdInfoMoscow() {
		Path file = Path.of("examples", "ovdinfo-moscow-2011-2012", "detentions.csv");
		if (!Files.isReadable(file)) {
			throw new AssertionError("the example table " + file.toAbsolutePath().normalize()
					+ " is missing: tests run from the repository's root");
		}
		return file;
	}

}
