package org.khronika.intake.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a report may carry: photos and papers, each known by its first bytes,
 * never by the name or type the sender gave it.
 */
public enum FileKind {

	JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png"), HEIC("image/heic", "heic", "heif"),
	WEBP("image/webp", "webp"), PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	ODT("application/vnd.oasis.opendocument.text", "odt");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final List<String> HEIF_BRANDS = List.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
			"msf1");

	private final String mediaType;

	private final List<String> extensions;

	FileKind(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	/** The media type a file of this kind is served as. */
	public String mediaType() {
		return this.mediaType;
	}

	/** The usual file-name ending, without its dot. */
	public String extension() {
		return this.extensions.get(0);
	}

	public boolean image() {
		return this == JPEG || this == PNG || this == HEIC || this == WEBP;
	}

	/** What {@code content} is, read from its first bytes; empty if none of these. */
	public static Optional<FileKind> of(byte[] content) {
		if (starts(content, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
			return Optional.of(JPEG);
		}
		if (starts(content, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (ascii(content, 0, "RIFF") && ascii(content, 8, "WEBP")) {
			return Optional.of(WEBP);
		}
		if (ascii(content, 4, "ftyp") && content.length >= 12
				&& HEIF_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
			return Optional.of(HEIC);
		}
		if (ascii(content, 0, "%PDF-")) {
			return Optional.of(PDF);
		}
		if (ascii(content, 0, "PK\u0003\u0004")) {
			return document(content);
		}
		return Optional.empty();
	}

	/**
	 * The kind a sender claims for a file: by its name's ending, or else by the media
	 * type sent with it; empty if neither names a kind of ours.
	 */
	public static Optional<FileKind> claimed(String name, String mediaType) {
		if (name != null && name.lastIndexOf('.') >= 0) {
			String ending = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
			for (FileKind kind : values()) {
				if (kind.extensions.contains(ending)) {
					return Optional.of(kind);
				}
			}
		}
		return Arrays.stream(values()).filter(kind -> kind.mediaType.equalsIgnoreCase(mediaType)).findFirst();
	}

	/**
	 * A ZIP file that is a word-processing document: an OpenDocument text names itself in
	 * its first entry, a Word document has its main part under {@code word/}.
	 */
	private static Optional<FileKind> document(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry first = zip.getNextEntry();
			if (first != null && "mimetype".equals(first.getName())) {
				byte[] type = zip.readNBytes(100);
				return new String(type, StandardCharsets.US_ASCII).equals(ODT.mediaType) ? Optional.of(ODT)
						: Optional.empty();
			}
			for (ZipEntry entry = first; entry != null; entry = zip.getNextEntry()) {
				if ("word/document.xml".equals(entry.getName())) {
					return Optional.of(DOCX);
				}
			}
			return Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean ascii(byte[] content, int at, String expected) {
		return starts(content, at, expected.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean starts(byte[] content, int at, byte... expected) {
		return content.length >= at + expected.length
				&& Arrays.equals(content, at, at + expected.length, expected, 0, expected.length);
	}

}
