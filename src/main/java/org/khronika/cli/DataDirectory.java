package org.khronika.cli;

import java.nio.file.Path;

import org.khronika.crypto.KeyringFile;

import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command shares. */
class DataDirectory {

	@Option(names = "--data", paramLabel = "DIR", defaultValue = "khronika-data",
			description = "The data directory: keyring, SQLite database, temporary files (default: ${DEFAULT-VALUE}).")
	Path path;

	Path path() {
		return this.path.toAbsolutePath().normalize();
	}

	/**
	 * The directory, which must hold a keyring.
	 * @throws Failures.CommandFailure if it was never initialised, or the path is wrong
	 */
	Path existing() {
		return requireInitialised(path());
	}

	/**
	 * @throws Failures.CommandFailure if {@code dir} holds no keyring
	 */
	static Path requireInitialised(Path dir) {
		if (!KeyringFile.exists(dir)) {
			throw new Failures.CommandFailure(
					"no Khronika data directory at " + dir + ": run 'init --data " + dir + "' first");
		}
		return dir;
	}

}
