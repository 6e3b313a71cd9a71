package org.khronika.intake.files;

import java.util.Set;

/**
 * A file with its hidden data taken out, and what was taken out: codes such as
 * {@code exif}, {@code xmp}, {@code properties} (see {@link MetadataRemoval}).
 */
public record Cleaned(byte[] content, Set<String> removed) {

	public Cleaned {
		removed = Set.copyOf(removed);
	}

}
