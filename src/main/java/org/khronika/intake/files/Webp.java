package org.khronika.intake.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * WebP without its hidden data: the image, alpha, animation and colour-profile chunks
 * stay; Exif, XMP and any other chunk go, and the extended header no longer announces
 * them.
 */
final class Webp {

	private static final Set<String> IMAGE = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

	/** The extended header's flags for Exif and XMP. */
	private static final int EXIF_AND_XMP = 0x08 | 0x04;

	private Webp() {
	}

	static Cleaned clean(byte[] in) throws UnreadableFile {
		if (in.length < 12) {
			throw broken("ends inside its header");
		}
		long declared = u32le(in, 4) + 8;
		if (declared > in.length) {
			throw broken("is shorter than its header says");
		}
		ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
		Set<String> removed = new TreeSet<>();
		int pos = 12;
		while (pos < declared) {
			if (pos + 8 > declared) {
				throw broken("ends inside the chunk at byte " + pos);
			}
			String type = new String(in, pos, 4, StandardCharsets.US_ASCII);
			long size = u32le(in, pos + 4);
			long end = pos + 8 + size + (size & 1);
			if (pos + 8 + size > declared) {
				throw broken("has a chunk at byte " + pos + " longer than the file");
			}
			end = Math.min(end, declared);
			if (IMAGE.contains(type)) {
				byte[] chunk = Arrays.copyOfRange(in, pos, (int) end);
				if ("VP8X".equals(type) && size > 0) {
					chunk[8] &= (byte) ~EXIF_AND_XMP;
				}
				chunks.writeBytes(chunk);
			}
			else {
				removed.add(switch (type) {
					case "EXIF" -> "exif";
					case "XMP " -> "xmp";
					default -> "other";
				});
			}
			pos = (int) end;
		}
		if (declared < in.length) {
			removed.add("trailer");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.size() + 12);
		out.write(in, 0, 4);
		int riff = chunks.size() + 4;
		out.write(new byte[] { (byte) riff, (byte) (riff >>> 8), (byte) (riff >>> 16), (byte) (riff >>> 24) }, 0, 4);
		out.write(in, 8, 4);
		out.writeBytes(chunks.toByteArray());
		return new Cleaned(out.toByteArray(), removed);
	}

	private static long u32le(byte[] in, int at) {
		return (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8) | ((in[at + 2] & 0xFF) << 16)
				| ((long) (in[at + 3] & 0xFF) << 24);
	}

	private static UnreadableFile broken(String detail) {
		return new UnreadableFile(UnreadableFile.Reason.BROKEN, "the WebP " + detail);
	}

}
