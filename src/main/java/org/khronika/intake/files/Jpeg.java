package org.khronika.intake.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * JPEG without its hidden data: of the application segments only JFIF, the colour profile
 * and Adobe's colour-transform marker stay; Exif (with its GPS and thumbnail), XMP, IPTC,
 * comments, maker data and whatever follows the end of the image go. The image data
 * itself is copied byte for byte, never re-encoded.
 */
final class Jpeg {

	private static final int SOS = 0xDA;

	private static final int EOI = 0xD9;

	private Jpeg() {
	}

	static Cleaned clean(byte[] in) throws UnreadableFile {
		if (in.length < 4 || u8(in, 0) != 0xFF || u8(in, 1) != 0xD8) {
			throw broken("does not start as a JPEG");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 2);
		Set<String> removed = new TreeSet<>();
		int pos = 2;
		while (true) {
			if (pos >= in.length) {
				throw broken("ends before its image data");
			}
			if (u8(in, pos) != 0xFF || pos + 1 >= in.length) {
				throw broken("has no segment marker at byte " + pos);
			}
			int marker = u8(in, pos + 1);
			if (marker == 0xFF) {
				pos++; // fill byte
				continue;
			}
			if (marker == EOI) {
				out.write(in, pos, 2);
				if (pos + 2 < in.length) {
					removed.add("trailer");
				}
				break;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(in, pos, 2);
				pos += 2;
				continue;
			}
			if (pos + 4 > in.length) {
				throw broken("ends inside the segment at byte " + pos);
			}
			int end = pos + 2 + u16(in, pos + 2);
			if (end < pos + 4 || end > in.length) {
				throw broken("has a segment at byte " + pos + " longer than the file");
			}
			String kind = metadata(marker, in, pos + 4, end);
			if (kind == null) {
				out.write(in, pos, end - pos);
			}
			else {
				removed.add(kind);
			}
			pos = end;
			if (marker == SOS) {
				int scan = scanEnd(in, pos);
				out.write(in, pos, scan - pos);
				if (scan >= in.length - 1) {
					break; // a file cut short after its image data: kept as it is
				}
				pos = scan;
			}
		}
		return new Cleaned(out.toByteArray(), removed);
	}

	/** Where the entropy-coded data from {@code from} ends: at the next real marker. */
	private static int scanEnd(byte[] in, int from) {
		int pos = from;
		while (pos + 1 < in.length) {
			int next = u8(in, pos + 1);
			if (u8(in, pos) == 0xFF && next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
				return pos;
			}
			pos++;
		}
		return in.length;
	}

	/**
	 * What hidden data the segment {@code marker} holds (its payload from {@code start}
	 * to {@code end}), or {@code null} for a segment the image needs.
	 */
	private static String metadata(int marker, byte[] in, int start, int end) {
		if (marker == 0xFE) {
			return "comment";
		}
		if (marker < 0xE0 || marker > 0xEF) {
			return null;
		}
		if ((marker == 0xE0 && begins(in, start, end, "JFIF\0"))
				|| (marker == 0xE2 && begins(in, start, end, "ICC_PROFILE\0"))
				|| (marker == 0xEE && begins(in, start, end, "Adobe"))) {
			return null;
		}
		if (marker == 0xE1 && begins(in, start, end, "Exif")) {
			return "exif";
		}
		if (marker == 0xE1 && begins(in, start, end, "http://ns.adobe.com/")) {
			return "xmp";
		}
		return (marker == 0xED) ? "iptc" : "other";
	}

	private static boolean begins(byte[] in, int start, int end, String prefix) {
		byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
		return end - start >= expected.length
				&& Arrays.equals(in, start, start + expected.length, expected, 0, expected.length);
	}

	private static int u8(byte[] in, int at) {
		return in[at] & 0xFF;
	}

	private static int u16(byte[] in, int at) {
		return (u8(in, at) << 8) | u8(in, at + 1);
	}

	private static UnreadableFile broken(String detail) {
		return new UnreadableFile(UnreadableFile.Reason.BROKEN, "the JPEG " + detail);
	}

}
