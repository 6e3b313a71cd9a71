package org.khronika.intake.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Word (DOCX) or OpenDocument (ODT) text without its hidden data. Both are ZIP files of
 * parts, so one pass over the parts serves both, and the text itself is never parsed and
 * written anew: the parts that hold the document's properties (author, company, dates,
 * editing time, template) are replaced by empty ones, the names of the authors of
 * comments and tracked changes are blanked, photos inside lose their Exif, and every part
 * gets the same fixed time (a ZIP keeps when each part was written).
 */
final class OfficeDocument {

	/** A document that unpacks to more than this is refused (a ZIP bomb, or no text). */
	private static final long MAX_UNPACKED = 200L * 1024 * 1024;

	private static final int MAX_PARTS = 5_000;

	/** 1 January 1980, the earliest time a ZIP can hold. */
	private static final long FIXED_TIME = 315_532_800_000L;

	private static final Map<String, String> DOCX_PROPERTIES = Map.of("docProps/core.xml",
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
					+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
					+ " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>",
			"docProps/app.xml",
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
					+ " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>",
			"docProps/custom.xml",
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
					+ " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>");

	private static final Map<String, String> ODT_PROPERTIES = Map.of("meta.xml",
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
					+ " office:version=\"1.2\"><office:meta/></office:document-meta>");

	/** Who wrote a comment or a tracked change, in Word and in OpenDocument. */
	private static final Pattern DOCX_AUTHOR = Pattern.compile("\\bw:(author|initials)=\"[^\"]*\"");

	private static final Pattern ODT_AUTHOR = Pattern.compile("<dc:creator>[^<]*</dc:creator>");

	private OfficeDocument() {
	}

	static Cleaned clean(byte[] in, FileKind kind) throws UnreadableFile {
		Map<String, String> properties = (kind == FileKind.ODT) ? ODT_PROPERTIES : DOCX_PROPERTIES;
		Set<String> removed = new TreeSet<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		long unpacked = 0;
		int parts = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(in));
				ZipOutputStream cleaned = new ZipOutputStream(out)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++parts > MAX_PARTS) {
					throw new UnreadableFile(UnreadableFile.Reason.BROKEN, "the document has too many parts");
				}
				byte[] content = zip.readNBytes((int) Math.min(MAX_UNPACKED - unpacked + 1, Integer.MAX_VALUE - 8));
				unpacked += content.length;
				if (unpacked > MAX_UNPACKED) {
					throw new UnreadableFile(UnreadableFile.Reason.BROKEN, "the document unpacks to over 200 MB");
				}
				String name = entry.getName();
				byte[] part = part(name, content, kind, properties, removed);
				ZipEntry copy = new ZipEntry(name);
				copy.setTime(FIXED_TIME);
				if (entry.getMethod() == ZipEntry.STORED) {
					// an OpenDocument's first part, its type, must stay uncompressed
					CRC32 crc = new CRC32();
					crc.update(part);
					copy.setMethod(ZipEntry.STORED);
					copy.setSize(part.length);
					copy.setCompressedSize(part.length);
					copy.setCrc(crc.getValue());
				}
				cleaned.putNextEntry(copy);
				cleaned.write(part);
				cleaned.closeEntry();
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new UnreadableFile(UnreadableFile.Reason.BROKEN, "the document is not a readable ZIP");
		}
		return new Cleaned(out.toByteArray(), removed);
	}

	/** Part {@code name} as it is kept. */
	private static byte[] part(String name, byte[] content, FileKind kind, Map<String, String> properties,
			Set<String> removed) throws UnreadableFile {
		if (properties.containsKey(name)) {
			removed.add("properties");
			return properties.get(name).getBytes(StandardCharsets.UTF_8);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")) {
			Cleaned photo = lower.endsWith(".png") ? Png.clean(content) : Jpeg.clean(content);
			if (!photo.removed().isEmpty()) {
				removed.add("photos");
			}
			return photo.content();
		}
		if (lower.endsWith(".xml")) {
			String text = new String(content, StandardCharsets.UTF_8);
			String blanked = (kind == FileKind.ODT) ? ODT_AUTHOR.matcher(text).replaceAll("<dc:creator/>")
					: DOCX_AUTHOR.matcher(text).replaceAll("w:$1=\"\"");
			if (!blanked.equals(text)) {
				removed.add("authors");
				return blanked.getBytes(StandardCharsets.UTF_8);
			}
		}
		return content;
	}

}
