package org.khronika;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What is left on the disk, as someone who seized it would read it. */
public final class DiskFiles {

	private DiskFiles() {
	}

	/** The files under {@code root} that hold {@code text} in UTF-8, anywhere in them. */
	public static List<Path> holding(Path root, String text) throws IOException {
		// each byte one character, so that the bytes of a text are found as a text is
		String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> holding = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle)) {
					holding.add(file);
				}
			}
			return holding;
		}
	}

}
