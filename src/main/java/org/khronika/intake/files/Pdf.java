package org.khronika.intake.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDF without its hidden data, with PDFBox, in memory only (no scratch file): the
 * document information (author, creator, producer, dates), the XMP of the document and of
 * its pages, and the Exif of the photos placed in it (a scan made with a phone carries
 * the phone's GPS). The document is written anew, so earlier revisions go too.
 */
final class Pdf {

	private Pdf() {
	}

	static Cleaned clean(byte[] in) throws UnreadableFile {
		Set<String> removed = new TreeSet<>();
		try (PDDocument document = Loader.loadPDF(in, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
			if (document.isEncrypted()) {
				// opened without a password: only its permissions were locked
				document.setAllSecurityToBeRemoved(true);
			}
			if (document.getDocumentInformation().getCOSObject().size() > 0) {
				removed.add("properties");
			}
			document.setDocumentInformation(new PDDocumentInformation());
			if (document.getDocumentCatalog().getMetadata() != null) {
				removed.add("xmp");
				document.getDocumentCatalog().setMetadata(null);
			}
			for (PDPage page : document.getPages()) {
				if (page.getMetadata() != null) {
					removed.add("xmp");
					page.setMetadata(null);
				}
				photos(page.getResources(), removed);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
			document.save(out);
			return new Cleaned(out.toByteArray(), removed);
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableFile(UnreadableFile.Reason.LOCKED, "the PDF needs a password to open");
		}
		catch (IOException ex) {
			throw new UnreadableFile(UnreadableFile.Reason.BROKEN, "the PDF does not read as one");
		}
	}

	/** The JPEG photos among a page's images, their Exif and XMP taken out. */
	private static void photos(PDResources resources, Set<String> removed) throws IOException, UnreadableFile {
		if (resources == null) {
			return;
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (!(object instanceof PDImageXObject image)) {
				continue;
			}
			COSStream stream = image.getCOSObject();
			if (!COSName.DCT_DECODE.equals(stream.getFilters())) {
				continue;
			}
			byte[] raw;
			try (InputStream encoded = stream.createRawInputStream()) {
				raw = encoded.readAllBytes();
			}
			Cleaned photo = Jpeg.clean(raw);
			if (!photo.removed().isEmpty()) {
				removed.add("photos");
				try (OutputStream encoded = stream.createRawOutputStream()) {
					encoded.write(photo.content());
				}
			}
			image.getCOSObject().removeItem(COSName.METADATA);
		}
	}

}
