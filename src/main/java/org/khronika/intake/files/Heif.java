package org.khronika.intake.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HEIC (HEIF) without its hidden data. In HEIF, Exif and XMP are items of the
 * {@code meta} box like the image itself, found through the item table ({@code iinf}) and
 * located by the item locations ({@code iloc}). Their bytes are overwritten with zeros
 * where they lie, so every offset in the file stays right and the image is untouched.
 */
final class Heif {

	private Heif() {
	}

	/** A box: its type, and where its content starts and the box ends. */
	private record Box(String type, int content, int end) {
	}

	static Cleaned clean(byte[] in) throws UnreadableFile {
		Box meta = children(in, 0, in.length).stream()
			.filter(box -> "meta".equals(box.type()))
			.findFirst()
			.orElseThrow(() -> broken("has no meta box"));
		List<Box> parts = children(in, meta.content() + 4, meta.end());
		Optional<Box> iinf = parts.stream().filter(box -> "iinf".equals(box.type())).findFirst();
		Optional<Box> iloc = parts.stream().filter(box -> "iloc".equals(box.type())).findFirst();
		if (iinf.isEmpty() || iloc.isEmpty()) {
			throw broken("has no item table");
		}
		Set<String> removed = new TreeSet<>();
		Set<Long> hidden = new HashSet<>();
		items(in, iinf.get(), hidden, removed);
		byte[] out = in.clone();
		if (!hidden.isEmpty()) {
			Optional<Box> idat = parts.stream().filter(box -> "idat".equals(box.type())).findFirst();
			blank(in, out, iloc.get(), idat, hidden);
		}
		return new Cleaned(out, removed);
	}

	/**
	 * The items that are Exif or XMP, from the item table: their ids into {@code hidden}.
	 */
	private static void items(byte[] in, Box iinf, Set<Long> hidden, Set<String> removed) throws UnreadableFile {
		int version = in[iinf.content()] & 0xFF;
		int first = iinf.content() + 4 + ((version == 0) ? 2 : 4);
		for (Box infe : children(in, first, iinf.end())) {
			if (!"infe".equals(infe.type())) {
				continue;
			}
			int at = infe.content();
			need(at + 8 <= infe.end(), "item entry");
			int entryVersion = in[at] & 0xFF;
			at += 4;
			if (entryVersion >= 2) {
				long id = (entryVersion == 2) ? u16(in, at) : u32(in, at);
				at += ((entryVersion == 2) ? 2 : 4) + 2;
				need(at + 4 <= infe.end(), "item entry");
				String type = new String(in, at, 4, StandardCharsets.US_ASCII);
				String contentType = "mime".equals(type)
						? cString(in, cStringEnd(in, at + 4, infe.end()) + 1, infe.end()) : "";
				if ("Exif".equals(type)) {
					hidden.add(id);
					removed.add("exif");
				}
				else if (contentType.contains("rdf+xml")) {
					hidden.add(id);
					removed.add("xmp");
				}
			}
		}
	}

	/**
	 * Overwrites with zeros the bytes of the items {@code hidden}, as {@code iloc} places
	 * them.
	 */
	private static void blank(byte[] in, byte[] out, Box iloc, Optional<Box> idat, Set<Long> hidden)
			throws UnreadableFile {
		int version = in[iloc.content()] & 0xFF;
		int at = iloc.content() + 4;
		need(at + 2 <= iloc.end(), "item locations");
		int offsetSize = (in[at] & 0xFF) >> 4;
		int lengthSize = in[at] & 0x0F;
		int baseSize = (in[at + 1] & 0xFF) >> 4;
		int indexSize = (version == 1 || version == 2) ? in[at + 1] & 0x0F : 0;
		at += 2;
		long count = (version < 2) ? u16(in, at) : u32(in, at);
		at += (version < 2) ? 2 : 4;
		List<long[]> ranges = new ArrayList<>();
		for (long item = 0; item < count; item++) {
			need(at + 8 <= iloc.end(), "item locations");
			long id = (version < 2) ? u16(in, at) : u32(in, at);
			at += (version < 2) ? 2 : 4;
			int construction = 0;
			if (version == 1 || version == 2) {
				construction = u16(in, at) & 0x0F;
				at += 2;
			}
			at += 2; // data reference
			long base = sized(in, at, baseSize);
			at += baseSize;
			int extents = u16(in, at);
			at += 2;
			for (int e = 0; e < extents; e++) {
				at += indexSize;
				long offset = sized(in, at, offsetSize);
				at += offsetSize;
				long length = sized(in, at, lengthSize);
				at += lengthSize;
				need(at <= iloc.end(), "item locations");
				if (hidden.contains(id)) {
					if (length == 0 || construction > 1 || (construction == 1 && idat.isEmpty())) {
						throw new UnreadableFile(UnreadableFile.Reason.UNCLEANABLE,
								"the HEIF places its Exif or XMP in a way this cleaner does not follow");
					}
					long start = ((construction == 1) ? idat.get().content() : 0) + base + offset;
					ranges.add(new long[] { start, start + length });
				}
			}
		}
		for (long[] range : ranges) {
			need(range[0] >= 0 && range[1] <= in.length, "item location");
			java.util.Arrays.fill(out, (int) range[0], (int) range[1], (byte) 0);
		}
	}

	/** The boxes one after the other from {@code from} to {@code end}. */
	private static List<Box> children(byte[] in, int from, int end) throws UnreadableFile {
		List<Box> boxes = new ArrayList<>();
		int pos = from;
		while (pos + 8 <= end) {
			long size = u32(in, pos);
			String type = new String(in, pos + 4, 4, StandardCharsets.US_ASCII);
			int header = 8;
			if (size == 1) {
				need(pos + 16 <= end, "box");
				size = (u32(in, pos + 8) << 32) | u32(in, pos + 12);
				header = 16;
			}
			else if (size == 0) {
				size = end - pos;
			}
			need(size >= header && pos + size <= end, "box at byte " + pos);
			boxes.add(new Box(type, pos + header, (int) (pos + size)));
			pos += (int) size;
		}
		return boxes;
	}

	private static long sized(byte[] in, int at, int size) throws UnreadableFile {
		return switch (size) {
			case 0 -> 0;
			case 4 -> u32(in, at);
			case 8 -> (u32(in, at) << 32) | u32(in, at + 4);
			default -> throw broken("has item locations of " + size + " bytes");
		};
	}

	private static int cStringEnd(byte[] in, int from, int end) {
		int pos = from;
		while (pos < end && in[pos] != 0) {
			pos++;
		}
		return pos;
	}

	private static String cString(byte[] in, int from, int end) {
		return (from >= end) ? "" : new String(in, from, cStringEnd(in, from, end) - from, StandardCharsets.US_ASCII);
	}

	private static void need(boolean condition, String where) throws UnreadableFile {
		if (!condition) {
			throw broken("has a broken " + where);
		}
	}

	private static int u16(byte[] in, int at) {
		return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
	}

	private static long u32(byte[] in, int at) {
		return ((long) (in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
				| (in[at + 3] & 0xFF);
	}

	private static UnreadableFile broken(String detail) {
		return new UnreadableFile(UnreadableFile.Reason.BROKEN, "the HEIF " + detail);
	}

}
