package org.khronika.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command shares. */
class DataDirectory {

	@Option(names = "--data", paramLabel = "DIR", defaultValue = "khronika-data",
			description = "The data directory: keyring, SQLite database, temporary files (default: ${DEFAULT-VALUE}).")
	Path path;

	Path path() {
		return this.path.toAbsolutePath().normalize();
	}

}
