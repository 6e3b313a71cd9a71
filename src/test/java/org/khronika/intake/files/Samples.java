package org.khronika.intake.files;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Invented files that carry hidden data, for the tests: photos whose Exif says they were
 * taken at a place (a GPS position in the Arctic Ocean, 81.5° N 44.25° E) with a phone
 * whose make is {@link #CANARY}, in each kind of image a report may carry.
 */
public final class Samples {

	/**
	 * The camera make written into every sample's Exif: searched for where it must not
	 * be.
	 */
	public static final String CANARY = "KhronikaCanaryPhone";

	private Samples() {
	}

	/** Exif as TIFF (big-endian): IFD0 with the make and a pointer to a GPS IFD. */
	public static byte[] exif() {
		ByteBuffer tiff = ByteBuffer.allocate(256);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		// IFD0 at 8: two entries, make (ASCII, at 38) and the GPS IFD (at 60)
		tiff.putShort((short) 2);
		entry(tiff, 0x010F, 2, CANARY.length() + 1, 38);
		entry(tiff, 0x8825, 4, 1, 60);
		tiff.putInt(0);
		tiff.position(38);
		tiff.put((CANARY + "\0").getBytes(StandardCharsets.US_ASCII));
		// GPS IFD at 60: latitude ref and latitude, longitude ref and longitude
		// (rationals at 114, 138)
		tiff.position(60);
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, 0x4E000000);
		entry(tiff, 0x0002, 5, 3, 114);
		entry(tiff, 0x0003, 2, 2, 0x45000000);
		entry(tiff, 0x0004, 5, 3, 138);
		tiff.putInt(0);
		tiff.position(114);
		tiff.putInt(81).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
		tiff.putInt(44).putInt(1).putInt(15).putInt(1).putInt(0).putInt(1);
		byte[] bytes = new byte[162];
		tiff.rewind();
		tiff.get(bytes);
		return bytes;
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	/** A small photo as ImageIO writes it, with no hidden data. */
	public static byte[] plain(String format) {
		BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 24; x++) {
			for (int y = 0; y < 16; y++) {
				image.setRGB(x, y, new Color(x * 10, y * 15, 90).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A JPEG with Exif (make, GPS) and a comment, right after its start. */
	public static byte[] jpeg() {
		byte[] plain = plain("jpg");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		byte[] app1 = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif());
		out.writeBytes(
				new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) ((app1.length + 2) >> 8), (byte) (app1.length + 2) });
		out.writeBytes(app1);
		byte[] comment = ("taken by " + CANARY).getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2) });
		out.writeBytes(comment);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A PNG with an Exif chunk and a text chunk after its header. */
	public static byte[] png() {
		byte[] plain = plain("png");
		int afterHeader = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, afterHeader);
		out.writeBytes(chunk("eXIf", exif()));
		out.writeBytes(chunk("tEXt", ("Author\0" + CANARY).getBytes(StandardCharsets.ISO_8859_1)));
		out.write(plain, afterHeader, plain.length - afterHeader);
		return out.toByteArray();
	}

	private static byte[] chunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		return chunk.array();
	}

	/**
	 * A WebP (extended format: a 1×1 lossless image) announcing and carrying Exif.
	 */
	public static byte[] webp() {
		byte[] vp8x = { 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		byte[] vp8l = { 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xFE, 0x07, 0 };
		byte[] body = concat("WEBP".getBytes(StandardCharsets.US_ASCII),
				concat(riffChunk("VP8X", vp8x), concat(riffChunk("VP8L", vp8l), riffChunk("EXIF", exif()))));
		ByteBuffer riff = ByteBuffer.allocate(8 + body.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
		return riff.array();
	}

	private static byte[] riffChunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1))
			.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
		return chunk.array();
	}

	/**
	 * A HEIF container as a phone writes one, reduced: the brand, a meta box whose item
	 * table has an image item and an Exif item, their locations, and the data they point
	 * to (the image's bytes are a stand-in: nothing here decodes it).
	 */
	public static byte[] heic() {
		byte[] image = "stand-in for HEVC image data".getBytes(StandardCharsets.US_ASCII);
		byte[] exifItem = concat(new byte[] { 0, 0, 0, 6 },
				concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif()));
		byte[] ftyp = box("ftyp", concat("heic".getBytes(StandardCharsets.US_ASCII),
				concat(new byte[4], "mif1heic".getBytes(StandardCharsets.US_ASCII))));
		byte[] hdlr = fullBox("hdlr", 0,
				concat(new byte[4], concat("pict".getBytes(StandardCharsets.US_ASCII), new byte[13])));
		byte[] pitm = fullBox("pitm", 0, new byte[] { 0, 1 });
		byte[] iinf = fullBox("iinf", 0, concat(new byte[] { 0, 2 }, concat(infe(1, "hvc1"), infe(2, "Exif"))));
		// iloc version 0: offsets and lengths of 4 bytes, no base offset; the offsets are
		// filled in once the size of everything before the mdat's data is known
		int ilocSize = 12 + 2 + 2 + 2 * (2 + 2 + 2 + 8);
		int metaSize = 12 + hdlr.length + pitm.length + iinf.length + ilocSize;
		int data = ftyp.length + metaSize + 8;
		ByteBuffer loc = ByteBuffer.allocate(ilocSize - 12);
		loc.put((byte) 0x44).put((byte) 0).putShort((short) 2);
		loc.putShort((short) 1).putShort((short) 0).putShort((short) 1).putInt(data).putInt(image.length);
		loc.putShort((short) 2)
			.putShort((short) 0)
			.putShort((short) 1)
			.putInt(data + image.length)
			.putInt(exifItem.length);
		byte[] iloc = fullBox("iloc", 0, loc.array());
		byte[] meta = fullBox("meta", 0, concat(hdlr, concat(pitm, concat(iinf, iloc))));
		return concat(ftyp, concat(meta, box("mdat", concat(image, exifItem))));
	}

	private static byte[] infe(int id, String type) {
		return fullBox("infe", 2, concat(new byte[] { 0, (byte) id, 0, 0 },
				concat(type.getBytes(StandardCharsets.US_ASCII), new byte[1])));
	}

	private static byte[] box(String type, byte[] content) {
		return ByteBuffer.allocate(8 + content.length)
			.putInt(8 + content.length)
			.put(type.getBytes(StandardCharsets.US_ASCII))
			.put(content)
			.array();
	}

	private static byte[] fullBox(String type, int version, byte[] content) {
		return box(type, concat(new byte[] { (byte) version, 0, 0, 0 }, content));
	}

	/** A one-page PDF whose document information names its author {@link #CANARY}. */
	public static byte[] pdf() {
		try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setAuthor(CANARY);
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether {@code needle} occurs in {@code haystack}. */
	public static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
