package org.khronika.intake.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * PNG without its hidden data: the critical chunks and those that say how to show the
 * image (transparency, gamma, colour profile, pixel size, animation) stay; Exif, text
 * (where XMP lives too), the time of last change and any other chunk go, as does whatever
 * follows the end of the image.
 */
final class Png {

	private static final int SIGNATURE = 8;

	private static final Set<String> SHOWN = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs",
			"hIST", "acTL", "fcTL", "fdAT");

	private Png() {
	}

	static Cleaned clean(byte[] in) throws UnreadableFile {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, SIGNATURE);
		Set<String> removed = new TreeSet<>();
		int pos = SIGNATURE;
		while (true) {
			if (pos + 12 > in.length) {
				throw broken("ends before its last chunk");
			}
			long length = u32(in, pos);
			String type = new String(in, pos + 4, 4, StandardCharsets.US_ASCII);
			long end = pos + 12 + length;
			if (end > in.length) {
				throw broken("has a chunk at byte " + pos + " longer than the file");
			}
			boolean critical = Character.isUpperCase(type.charAt(0));
			if (critical || SHOWN.contains(type)) {
				out.write(in, pos, (int) (end - pos));
			}
			else {
				removed.add(switch (type) {
					case "eXIf" -> "exif";
					case "tEXt", "zTXt", "iTXt" -> "text";
					case "tIME" -> "time";
					default -> "other";
				});
			}
			pos = (int) end;
			if ("IEND".equals(type)) {
				if (pos < in.length) {
					removed.add("trailer");
				}
				return new Cleaned(out.toByteArray(), removed);
			}
		}
	}

	private static long u32(byte[] in, int at) {
		return ((long) (in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
				| (in[at + 3] & 0xFF);
	}

	private static UnreadableFile broken(String detail) {
		return new UnreadableFile(UnreadableFile.Reason.BROKEN, "the PNG " + detail);
	}

}
