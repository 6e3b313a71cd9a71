package org.khronika.intake.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * Takes the hidden data out of a file a reporter sent: where and when a photo was taken
 * and with what, who wrote a document and on which computer. Each kind has its own
 * cleaner, which removes what it knows and copies the rest unchanged. A cleaned photo is
 * then read back with metadata-extractor, an independent reader: if it still finds Exif,
 * GPS, XMP or IPTC, the photo is refused rather than shown.
 *
 * <p>
 * What was removed is said in codes: {@code exif} (with GPS and the thumbnail),
 * {@code xmp}, {@code iptc}, {@code comment}, {@code text} (PNG text chunks),
 * {@code time}, {@code properties} (a document's author, dates, software),
 * {@code authors} (of comments and tracked changes), {@code photos} (Exif of photos
 * inside a document), {@code trailer} (bytes after the end of an image), {@code other}.
 */
public final class MetadataRemoval {

	private static final Class<?>[] HIDDEN = { GpsDirectory.class, ExifIFD0Directory.class, ExifSubIFDDirectory.class,
			XmpDirectory.class, IptcDirectory.class };

	private MetadataRemoval() {
	}

	/**
	 * {@code content}, a file of {@code kind}, cleaned.
	 * @throws UnreadableFile if it is not a well-formed file of its kind, is locked, or
	 * could not be cleaned for certain
	 */
	public static Cleaned clean(FileKind kind, byte[] content) throws UnreadableFile {
		Cleaned cleaned;
		try {
			cleaned = switch (kind) {
				case JPEG -> Jpeg.clean(content);
				case PNG -> Png.clean(content);
				case WEBP -> Webp.clean(content);
				case HEIC -> Heif.clean(content);
				case PDF -> Pdf.clean(content);
				case DOCX, ODT -> OfficeDocument.clean(content, kind);
			};
		}
		catch (IndexOutOfBoundsException | ArithmeticException ex) {
			throw new UnreadableFile(UnreadableFile.Reason.BROKEN,
					"the " + kind + " ends where its structure says more follows");
		}
		java.util.List<String> left = kind.image() ? hidden(cleaned.content()) : java.util.List.of();
		if (!left.isEmpty()) {
			throw new UnreadableFile(UnreadableFile.Reason.UNCLEANABLE,
					"the cleaned " + kind + " still reads as holding " + left);
		}
		return cleaned;
	}

	/**
	 * The kinds of hidden data an independent reader finds in an image (its directories'
	 * names): empty if none.
	 */
	public static java.util.List<String> hidden(byte[] image) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
		}
		catch (ImageProcessingException | IOException ex) {
			return java.util.List.of();
		}
		java.util.List<String> found = new java.util.ArrayList<>();
		for (Directory directory : metadata.getDirectories()) {
			for (Class<?> type : HIDDEN) {
				if (type.isInstance(directory) && directory.getTagCount() > 0) {
					found.add(directory.getName());
				}
			}
		}
		return found;
	}

}
