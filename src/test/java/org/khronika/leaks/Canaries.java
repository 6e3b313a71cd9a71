package org.khronika.leaks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Invented identifying strings, and a search for them in raw bytes as UTF-8, UTF-16LE and
 * Base64 (at each of the three alignments a string can take inside a longer Base64 text).
 */
final class Canaries {

	static final String LATIN_NAME = "Zyxwoth Canarybird";

	static final String CYRILLIC_NAME = "Щукарь Канареечный";

	static final String CONTACT = "canary.contact.7781@example.org";

	static final String PHONE = "+7 999 778-81-81";

	static final String DESCRIPTION = "Описание-канарейка 4419";

	static final String NOTE = "Canary note 5521 заметка";

	static final String REFERENCE = "Адвокат Канарейкин 3307";

	/** A reporter's browser, as it names itself: never kept. */
	static final String USER_AGENT = "CanaryBrowser/7.7 (reporter 6613)";

	/** A reporter's address, as a proxy passes it on: never kept. */
	static final String ADDRESS = "198.51.100.166";

	/** The name of a photo a reporter sends: kept sealed only. */
	static final String PHOTO_NAME = "IMG_canary_5577.jpg";

	/**
	 * The make of the phone in the photo's Exif, next to its GPS position: the Exif block
	 * anywhere in clear would show it.
	 */
	static final String PHOTO_EXIF = org.khronika.intake.files.Samples.CANARY;

	static final List<String> ALL = List.of(LATIN_NAME, CYRILLIC_NAME, CONTACT, PHONE, DESCRIPTION, NOTE, REFERENCE,
			USER_AGENT, ADDRESS, PHOTO_NAME, PHOTO_EXIF);

	private Canaries() {
	}

	/**
	 * Every form in which a canary could sit in stored bytes, by a label saying which.
	 */
	static Map<String, byte[]> needles() {
		Map<String, byte[]> needles = new LinkedHashMap<>();
		for (String canary : ALL) {
			needles.put(canary + " (UTF-8)", canary.getBytes(StandardCharsets.UTF_8));
			needles.put(canary + " (UTF-16LE)", canary.getBytes(StandardCharsets.UTF_16LE));
			byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
			for (int offset = 0; offset < 3; offset++) {
				byte[] shifted = new byte[offset + utf8.length];
				System.arraycopy(utf8, 0, shifted, offset, utf8.length);
				String encoded = Base64.getEncoder().encodeToString(shifted);
				// drop the characters that mix in the bytes before and after the canary
				int start = (offset == 0) ? 0 : ((offset == 1) ? 2 : 3);
				int end = encoded.length() - 4;
				needles.put(canary + " (Base64+" + offset + ")",
						encoded.substring(start, end).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return needles;
	}

	/** The canaries found in {@code content}, as labels; empty if none. */
	static List<String> foundIn(byte[] content) {
		List<String> found = new ArrayList<>();
		needles().forEach((label, needle) -> {
			if (indexOf(content, needle) >= 0) {
				found.add(label);
			}
		});
		return found;
	}

	/**
	 * Every regular file under {@code root} (modified since {@code since}, if given) that
	 * holds a canary.
	 */
	static Map<Path, List<String>> filesHoldingCanaries(Path root, FileTime since) throws IOException {
		Map<Path, List<String>> leaks = new LinkedHashMap<>();
		if (!Files.exists(root)) {
			return leaks;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
				try {
					if (since != null && Files.getLastModifiedTime(file).compareTo(since) < 0) {
						continue;
					}
					if (Files.size(file) > 200_000_000L) {
						continue;
					}
					List<String> found = foundIn(Files.readAllBytes(file));
					if (!found.isEmpty()) {
						leaks.put(file, found);
					}
				}
				catch (IOException ex) {
					// a temporary file of another process vanished while we looked:
					// nothing of ours
				}
			}
		}
		return leaks;
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
