package org.khronika;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public datasets for import tests. They live outside the repository, in
 * {@code ../shared/fixtures} beside the checkout (or where {@code KHRONIKA_FIXTURES}
 * says): some of their free text names real people, so they are never copied in.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** OVD-Info's detentions at Moscow protests, 2011–2012; fails the test if absent. */
	public static Path ovdInfoMoscow() {
		String configured = System.getenv("KHRONIKA_FIXTURES");
		Path root = (configured != null) ? Path.of(configured) : Path.of("..", "shared", "fixtures");
		Path file = root.resolve("ovdinfo-moscow-2011-2012").resolve("detentions.csv");
		if (!Files.isReadable(file)) {
			throw new AssertionError("the fixture " + file.toAbsolutePath().normalize()
					+ " is missing: check out beside ../shared, or set KHRONIKA_FIXTURES to its fixtures directory");
		}
		return file;
	}

}
