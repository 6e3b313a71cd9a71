package org.khronika.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A table to import, which an import reads twice (checking, then writing): a file the CLI
 * names, or an upload the web page holds in memory so that it never lies on the disk in
 * plain.
 */
public interface ImportFile {

	/** The name to show. */
	String name();

	long size() throws IOException;

	/** A fresh stream over the whole file. */
	InputStream open() throws IOException;

	/** The file on disk, if it is one (XLSX is then read without loading it whole). */
	default Optional<Path> path() {
		return Optional.empty();
	}

	static ImportFile of(Path file) {
		return new ImportFile() {

			@Override
			public String name() {
				return String.valueOf(file.getFileName());
			}

			@Override
			public long size() throws IOException {
				return Files.size(file);
			}

			@Override
			public InputStream open() throws IOException {
				return Files.newInputStream(file);
			}

			@Override
			public Optional<Path> path() {
				return Optional.of(file);
			}

		};
	}

	static ImportFile of(String name, byte[] bytes) {
		return new ImportFile() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public long size() {
				return bytes.length;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(bytes);
			}

		};
	}

}
