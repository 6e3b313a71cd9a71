package org.khronika.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read as a stream of rows: the encoding found from a byte-order mark, or
 * UTF-8 if the start of the file is valid UTF-8, else Windows-1251; the delimiter found
 * in the header line (comma, semicolon, tab or bar, outside quotes); quoted cells may
 * hold delimiters and line breaks; any line endings. Never reads the whole file into
 * memory.
 */
final class CsvTable implements Table {

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	private static final int SNIFF_BYTES = 64 * 1024;

	/**
	 * The longest row read, in characters: a longer one (a 50 MB cell, a quote never
	 * closed) stops the import instead of filling memory.
	 */
	static final int MAX_ROW_CHARS = 1_000_000;

	private final Counting bytes;

	private final RowLimit limit;

	private final long size;

	private final CSVParser parser;

	private final Charset charset;

	private final char delimiter;

	private final List<String> header;

	private CsvTable(Counting bytes, RowLimit limit, long size, CSVParser parser, Charset charset, char delimiter) {
		this.bytes = bytes;
		this.limit = limit;
		this.size = size;
		this.parser = parser;
		this.charset = charset;
		this.delimiter = delimiter;
		this.header = this.parser.getHeaderNames().stream().map(String::strip).toList();
	}

	/**
	 * Opens {@code file}.
	 * @throws ImportFailure if it cannot be read or has no header row
	 */
	static CsvTable open(ImportFile file) {
		try {
			long size = file.size();
			byte[] start;
			try (InputStream in = file.open()) {
				start = in.readNBytes(SNIFF_BYTES);
			}
			int bom = 0;
			Charset charset;
			if (start.length >= 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB
					&& (start[2] & 0xff) == 0xBF) {
				charset = StandardCharsets.UTF_8;
				bom = 3;
			}
			else if (start.length >= 2 && (((start[0] & 0xff) == 0xFF && (start[1] & 0xff) == 0xFE)
					|| ((start[0] & 0xff) == 0xFE && (start[1] & 0xff) == 0xFF))) {
				throw new ImportFailure("import.utf16");
			}
			else if (containsNul(start)) {
				// no text in UTF-8 or Windows-1251 holds a NUL: another format, which
				// would be read as one row of binary "columns"
				throw new ImportFailure("import.notText");
			}
			else {
				charset = isUtf8(start, start.length == size) ? StandardCharsets.UTF_8 : WINDOWS_1251;
			}
			String firstLine = new String(start, bom, start.length - bom, charset).lines().findFirst().orElse("");
			char delimiter = delimiter(firstLine);
			Counting counting = new Counting(new BufferedInputStream(file.open()));
			counting.skipNBytes(bom);
			RowLimit limit = new RowLimit(new InputStreamReader(counting, charset));
			CSVParser parser = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(false)
				.setAllowMissingColumnNames(true)
				.get()
				.parse(limit);
			if (parser.getHeaderNames().isEmpty()) {
				parser.close();
				throw new ImportFailure("import.noHeader");
			}
			return new CsvTable(counting, limit, size, parser, charset, delimiter);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			throw new ImportFailure("import.notCsv", reason(ex));
		}
	}

	private static boolean containsNul(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	Charset charset() {
		return this.charset;
	}

	char delimiter() {
		return this.delimiter;
	}

	@Override
	public double progress() {
		return (this.size == 0) ? 1 : Math.min(1, (double) this.bytes.count / this.size);
	}

	/**
	 * The rows, in file order. Iterating throws {@link ImportFailure} naming the row
	 * where the file breaks (an unclosed quote, a cell that runs on).
	 */
	Iterator<Row> rows() {
		Iterator<CSVRecord> records = this.parser.iterator();
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				try {
					return records.hasNext();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					throw new ImportFailure("import.breaksAfterRow", CsvTable.this.parser.getRecordNumber() + 1,
							reason(ex));
				}
			}

			@Override
			public Row next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				CSVRecord record = records.next();
				CsvTable.this.limit.rowDone();
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < CsvTable.this.header.size() && i < record.size(); i++) {
					cells.put(CsvTable.this.header.get(i), record.get(i));
				}
				return new Row(record.getRecordNumber() + 1, cells);
			}
		};
	}

	@Override
	public void forEachRow(java.util.function.Consumer<Row> consumer) {
		rows().forEachRemaining(consumer);
	}

	@Override
	public void close() {
		try {
			this.parser.close();
		}
		catch (IOException ex) {
			// a read-only file: nothing to lose
		}
	}

	/**
	 * Whether {@code bytes} are UTF-8 (a sequence cut at the end of a prefix is allowed).
	 */
	static boolean isUtf8(byte[] bytes, boolean whole) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int length = bytes.length;
		if (!whole) {
			// do not judge a character the prefix cut in two
			int back = 0;
			while (back < 3 && length - back - 1 >= 0 && (bytes[length - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (length - back - 1 >= 0 && (bytes[length - back - 1] & 0xC0) == 0xC0) {
				length = length - back - 1;
			}
		}
		try {
			decoder.decode(ByteBuffer.wrap(bytes, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The candidate that occurs most often outside quotes in the header line. */
	static char delimiter(String headerLine) {
		char best = ',';
		int bestCount = 0;
		for (char candidate : new char[] { ',', ';', '\t', '|' }) {
			int count = 0;
			boolean quoted = false;
			for (char c : headerLine.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (c == candidate && !quoted) {
					count++;
				}
			}
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	private static String reason(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		// Commons CSV names the line; cell content never goes into the message
		return message.replaceAll("(?s)\\s+", " ").replaceAll("'.*'", "…");
	}

	/** Refuses to read more than {@link #MAX_ROW_CHARS} characters for one row. */
	private static final class RowLimit extends java.io.FilterReader {

		private long sinceRow;

		RowLimit(java.io.Reader in) {
			super(in);
		}

		void rowDone() {
			this.sinceRow = 0;
		}

		@Override
		public int read() throws IOException {
			count(1);
			return super.read();
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int chars) throws IOException {
			this.sinceRow += chars;
			if (this.sinceRow > MAX_ROW_CHARS + 65_536L) {
				throw new IOException("a row is longer than " + String.format("%,d", MAX_ROW_CHARS)
						+ " characters (a huge cell, or a quote that is never closed)");
			}
		}

	}

	/** Counts the bytes read, for progress. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

	}

}
