package org.khronika.intake.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataRemovalTest {

	private static final byte[] CANARY = Samples.CANARY.getBytes(StandardCharsets.US_ASCII);

	@Test
	void aJpegLosesItsExifGpsAndCommentAndKeepsItsPixels() throws Exception {
		byte[] sent = Samples.jpeg();
		assertThat(MetadataRemoval.hidden(sent)).as("the sample does carry GPS").contains("GPS");

		Cleaned cleaned = MetadataRemoval.clean(FileKind.JPEG, sent);

		assertThat(cleaned.removed()).containsExactlyInAnyOrder("exif", "comment");
		assertThat(MetadataRemoval.hidden(cleaned.content())).isEmpty();
		assertThat(Samples.contains(cleaned.content(), CANARY)).isFalse();
		assertThat(pixels(cleaned.content())).isEqualTo(pixels(Samples.plain("jpg")));
	}

	@Test
	void aPngLosesItsExifAndTextAndKeepsItsPixels() throws Exception {
		byte[] sent = Samples.png();
		assertThat(MetadataRemoval.hidden(sent)).as("the sample does carry GPS").contains("GPS");

		Cleaned cleaned = MetadataRemoval.clean(FileKind.PNG, sent);

		assertThat(cleaned.removed()).containsExactlyInAnyOrder("exif", "text");
		assertThat(MetadataRemoval.hidden(cleaned.content())).isEmpty();
		assertThat(Samples.contains(cleaned.content(), CANARY)).isFalse();
		assertThat(cleaned.content()).isEqualTo(Samples.plain("png"));
	}

	@Test
	void aWebpLosesItsExifChunkAndNoLongerAnnouncesIt() throws Exception {
		byte[] sent = Samples.webp();
		assertThat(MetadataRemoval.hidden(sent)).as("the sample does carry GPS").contains("GPS");

		Cleaned cleaned = MetadataRemoval.clean(FileKind.WEBP, sent);

		assertThat(cleaned.removed()).containsExactly("exif");
		assertThat(MetadataRemoval.hidden(cleaned.content())).isEmpty();
		assertThat(Samples.contains(cleaned.content(), CANARY)).isFalse();
		byte[] content = cleaned.content();
		assertThat(new String(content, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		int riffSize = (content[4] & 0xFF) | (content[5] & 0xFF) << 8 | (content[6] & 0xFF) << 16;
		assertThat(riffSize).as("the RIFF size counts what is left").isEqualTo(content.length - 8);
		assertThat(content[20] & 0x08).as("the VP8X Exif flag").isZero();
	}

	@Test
	void aHeicHasItsExifItemBlankedWhereItLiesAndEverythingElseUntouched() throws Exception {
		byte[] sent = Samples.heic();
		assertThat(MetadataRemoval.hidden(sent)).as("the sample does carry GPS").contains("GPS");

		Cleaned cleaned = MetadataRemoval.clean(FileKind.HEIC, sent);

		assertThat(cleaned.removed()).containsExactly("exif");
		assertThat(MetadataRemoval.hidden(cleaned.content())).isEmpty();
		assertThat(Samples.contains(cleaned.content(), CANARY)).isFalse();
		assertThat(cleaned.content()).hasSameSizeAs(sent);
		byte[] image = "stand-in for HEVC image data".getBytes(StandardCharsets.US_ASCII);
		assertThat(Samples.contains(cleaned.content(), image)).as("the image item is left as it was").isTrue();
	}

	@Test
	void aPdfLosesItsPropertiesItsXmpAndTheExifOfThePhotosInIt() throws Exception {
		byte[] sent;
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setAuthor(Samples.CANARY);
			document.getDocumentInformation().setCreationDate(Calendar.getInstance());
			PDMetadata xmp = new PDMetadata(document);
			xmp.importXMPMetadata(("<x:xmpmeta xmlns:x='adobe:ns:meta/'>" + Samples.CANARY + "</x:xmpmeta>")
				.getBytes(StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(xmp);
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject photo = JPEGFactory.createFromByteArray(document, Samples.jpeg());
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(photo, 50, 50);
			}
			document.save(out);
			sent = out.toByteArray();
		}

		Cleaned cleaned = MetadataRemoval.clean(FileKind.PDF, sent);

		assertThat(cleaned.removed()).contains("properties", "xmp", "photos");
		try (PDDocument document = Loader.loadPDF(cleaned.content())) {
			assertThat(document.getDocumentInformation().getAuthor()).isNull();
			assertThat(document.getDocumentInformation().getCreationDate()).isNull();
			assertThat(document.getDocumentCatalog().getMetadata()).isNull();
			PDPage page = document.getPage(0);
			COSName name = page.getResources().getXObjectNames().iterator().next();
			PDImageXObject photo = (PDImageXObject) page.getResources().getXObject(name);
			byte[] raw;
			try (InputStream in = photo.getCOSObject().createRawInputStream()) {
				raw = in.readAllBytes();
			}
			assertThat(MetadataRemoval.hidden(raw)).isEmpty();
			assertThat(photo.getImage().getWidth()).isEqualTo(24);
		}
	}

	@Test
	void aWordDocumentLosesItsPropertiesAndCommentAuthorsAndKeepsItsText() throws Exception {
		byte[] sent;
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getProperties().getCoreProperties().setCreator(Samples.CANARY);
			document.getProperties().getExtendedProperties().setCompany(Samples.CANARY);
			document.createParagraph().createRun().setText("Протокол задержания");
			document.write(out);
			sent = out.toByteArray();
		}
		assertThat(FileKind.of(sent)).contains(FileKind.DOCX);

		Cleaned cleaned = MetadataRemoval.clean(FileKind.DOCX, sent);

		assertThat(cleaned.removed()).contains("properties");
		assertThat(unzipped(cleaned.content()).values()).noneMatch(part -> Samples.contains(part, CANARY));
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(cleaned.content()))) {
			assertThat(document.getParagraphs().get(0).getText()).isEqualTo("Протокол задержания");
			assertThat(document.getProperties().getCoreProperties().getCreator()).isNull();
		}
	}

	@Test
	void anOpenDocumentLosesItsMetaAndAnnotationAuthorsAndKeepsItsTypeFirstAndUncompressed() throws Exception {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("mimetype", FileKind.ODT.mediaType());
		parts.put("meta.xml", "<office:document-meta><office:meta><meta:initial-creator>" + Samples.CANARY
				+ "</meta:initial-creator></office:meta></office:document-meta>");
		parts.put("content.xml", "<office:text><text:p>Повестка<office:annotation><dc:creator>" + Samples.CANARY
				+ "</dc:creator></office:annotation></text:p></office:text>");
		parts.put("Pictures/photo.jpg", new String(Samples.jpeg(), StandardCharsets.ISO_8859_1));
		byte[] sent = zip(parts);
		assertThat(FileKind.of(sent)).contains(FileKind.ODT);

		Cleaned cleaned = MetadataRemoval.clean(FileKind.ODT, sent);

		assertThat(cleaned.removed()).containsExactlyInAnyOrder("properties", "authors", "photos");
		Map<String, byte[]> kept = unzipped(cleaned.content());
		assertThat(kept.keySet()).containsExactly("mimetype", "meta.xml", "content.xml", "Pictures/photo.jpg");
		assertThat(kept.values()).noneMatch(part -> Samples.contains(part, CANARY));
		assertThat(new String(kept.get("content.xml"), StandardCharsets.UTF_8)).contains("Повестка");
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(cleaned.content()))) {
			assertThat(zip.getNextEntry().getMethod()).isEqualTo(ZipEntry.STORED);
		}
		assertThat(FileKind.of(cleaned.content())).contains(FileKind.ODT);
	}

	@Test
	void aFileIsKnownByItsFirstBytesNotByItsName() {
		byte[] text = "not a photo at all".getBytes(StandardCharsets.UTF_8);
		assertThat(FileKind.of(text)).isEmpty();
		assertThat(FileKind.claimed("photo.JPG", "application/octet-stream")).contains(FileKind.JPEG);
		assertThat(FileKind.claimed("scan", "application/pdf")).contains(FileKind.PDF);
		assertThat(FileKind.of(Samples.jpeg())).contains(FileKind.JPEG);
		assertThat(FileKind.of(Samples.png())).contains(FileKind.PNG);
		assertThat(FileKind.of(Samples.webp())).contains(FileKind.WEBP);
		assertThat(FileKind.of(Samples.heic())).contains(FileKind.HEIC);
	}

	@Test
	void aFileCutShortIsRefusedAsBrokenNotPassedOnHalfCleaned() {
		byte[] jpeg = Samples.jpeg();
		byte[] cut = Arrays.copyOf(jpeg, 30);
		assertThatThrownBy(() -> MetadataRemoval.clean(FileKind.JPEG, cut)).isInstanceOf(UnreadableFile.class)
			.extracting(ex -> ((UnreadableFile) ex).reason())
			.isEqualTo(UnreadableFile.Reason.BROKEN);
		byte[] png = Arrays.copyOf(Samples.png(), 60);
		assertThatThrownBy(() -> MetadataRemoval.clean(FileKind.PNG, png)).isInstanceOf(UnreadableFile.class);
		byte[] heic = Arrays.copyOf(Samples.heic(), 100);
		assertThatThrownBy(() -> MetadataRemoval.clean(FileKind.HEIC, heic)).isInstanceOf(UnreadableFile.class);
		assertThatThrownBy(() -> MetadataRemoval.clean(FileKind.PDF, "%PDF-1.7 and then nothing".getBytes()))
			.isInstanceOf(UnreadableFile.class);
	}

	private static int[] pixels(byte[] image) throws IOException {
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
		return read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
	}

	private static Map<String, byte[]> unzipped(byte[] zip) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				parts.put(entry.getName(), in.readAllBytes());
			}
		}
		return parts;
	}

	private static byte[] zip(Map<String, String> parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				byte[] bytes = part.getKey().endsWith(".jpg") ? part.getValue().getBytes(StandardCharsets.ISO_8859_1)
						: part.getValue().getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(part.getKey());
				if ("mimetype".equals(part.getKey())) {
					CRC32 crc = new CRC32();
					crc.update(bytes);
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(bytes.length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
