package org.khronika.crypto;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Holds the server's keyring, locked until first needed. It unlocks with the key file of
 * an unprotected keyring, else with the secret that {@code secretSource} gives (the
 * environment or a console prompt). Commands that need no key (verifying the log,
 * rebuilding read tables) never unlock it.
 */
public final class KeyringUnlock implements Supplier<Keyring> {

	private final Path directory;

	private final Supplier<char[]> secretSource;

	private volatile Keyring keyring;

	/**
	 * @param secretSource gives the passphrase or recovery key, or null when there is
	 * none; asked at most once, and only for a protected keyring
	 */
	public KeyringUnlock(Path directory, Supplier<char[]> secretSource) {
		this.directory = directory;
		this.secretSource = secretSource;
	}

	/**
	 * The unlocked keyring, unlocking it on the first call.
	 * @throws KeyringException if there is no keyring or the secret does not unlock it
	 */
	@Override
	public Keyring get() {
		Keyring unlocked = this.keyring;
		if (unlocked == null) {
			synchronized (this) {
				if (this.keyring == null) {
					this.keyring = unlock();
				}
				unlocked = this.keyring;
			}
		}
		return unlocked;
	}

	/** Whether the keyring has been unlocked in this process. */
	public boolean isUnlocked() {
		return this.keyring != null;
	}

	private Keyring unlock() {
		if (!KeyringFile.exists(this.directory)) {
			throw new KeyringException(
					"no keyring in " + this.directory + ": run 'init --data " + this.directory + "' first");
		}
		if (!KeyringFile.isProtected(this.directory)) {
			return KeyringFile.unlockWithKeyFile(this.directory);
		}
		char[] secret = this.secretSource.get();
		if (secret == null || secret.length == 0) {
			throw new KeyringException(
					"the keyring is locked: set KHRONIKA_PASSPHRASE (or KHRONIKA_RECOVERY_KEY), or start from a console to be asked");
		}
		try {
			return KeyringFile.unlock(this.directory, secret);
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

	/**
	 * The passphrase or recovery key from {@code KHRONIKA_PASSPHRASE}, else
	 * {@code KHRONIKA_RECOVERY_KEY}, else asked once at the console; null if none of them
	 * is there.
	 */
	public static char[] secretFromEnvironmentOrConsole() {
		for (String variable : new String[] { "KHRONIKA_PASSPHRASE", "KHRONIKA_RECOVERY_KEY" }) {
			String value = System.getenv(variable);
			if (value != null && !value.isEmpty()) {
				return value.toCharArray();
			}
		}
		java.io.Console console = System.console();
		return (console != null) ? console.readPassword("Passphrase or recovery key to unlock the keyring: ") : null;
	}

}
