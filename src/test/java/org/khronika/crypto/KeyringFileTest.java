package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringFileTest {

	/**
	 * Cheaper than production (64 MiB, 3 passes) so that the test stays fast; the format
	 * stores it.
	 */
	private static final KeyDerivation TEST_COST = new KeyDerivation(8 * 1024, 1, 1);

	private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

	@TempDir
	Path dir;

	@Test
	void passphraseAndRecoveryKeyBothUnlockTheSameKeyring() {
		RecoveryKey recovery = KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);
		byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);

		byte[] byPassphrase = KeyringFile.unlock(this.dir, PASSPHRASE).checkpointSigner().sign(message);
		byte[] byRecovery = KeyringFile.unlock(this.dir, recovery.display().toUpperCase().toCharArray())
			.checkpointSigner()
			.sign(message);

		SignatureVerifier verifier = KeyringFile.checkpointVerifier(this.dir);
		assertThat(verifier.verifies(message, byPassphrase)).isTrue();
		assertThat(verifier.verifies(message, byRecovery)).isTrue();
	}

	@Test
	void wrongPassphraseDoesNotUnlock() {
		KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);

		assertThatThrownBy(() -> KeyringFile.unlock(this.dir, "wrong passphrase!".toCharArray()))
			.isInstanceOf(KeyringException.class)
			.hasMessage("this passphrase or recovery key does not unlock the keyring");
	}

	@Test
	void keyringFileHoldsNeitherPassphraseNorRecoveryKeyNorAKeyFile() throws Exception {
		RecoveryKey recovery = KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);

		String keyring = Files.readString(this.dir.resolve(KeyringFile.KEYRING));
		assertThat(keyring).doesNotContain(new String(PASSPHRASE))
			.doesNotContain(recovery.display())
			.doesNotContain(recovery.display().replace("-", ""));
		assertThat(this.dir.resolve(KeyringFile.KEY_FILE)).doesNotExist();
		assertThat(KeyringFile.isProtected(this.dir)).isTrue();
		assertThat(Files.getPosixFilePermissions(this.dir)).containsExactlyInAnyOrder(
				java.nio.file.attribute.PosixFilePermission.OWNER_READ,
				java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
				java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
		assertThat(recovery.toString()).doesNotContain(recovery.display().substring(0, 4));
	}

	@Test
	void refusesShortPassphraseAndNeverOverwritesAKeyring() {
		assertThatThrownBy(() -> KeyringFile.createProtected(this.dir, "eleven char".toCharArray(), TEST_COST))
			.hasMessageContaining("at least 12 characters");
		KeyringFile.createUnprotected(this.dir);

		assertThatThrownBy(() -> KeyringFile.createUnprotected(this.dir)).isInstanceOf(KeyringException.class)
			.hasMessageContaining("never overwritten");
	}

	@Test
	void unprotectedKeyringUnlocksWithItsKeyFileOnly() {
		KeyringFile.createUnprotected(this.dir);

		assertThat(KeyringFile.isProtected(this.dir)).isFalse();
		assertThat(KeyringFile.unlockWithKeyFile(this.dir)).isNotNull();
	}

	@Test
	void recoveryKeyParsingRejectsAnythingButSixtyFourHexDigits() {
		assertThatThrownBy(() -> RecoveryKey.parse("1234-5678")).isInstanceOf(KeyringException.class);
		RecoveryKey key = RecoveryKey.generate();
		assertThat(RecoveryKey.parse(key.display()).display()).isEqualTo(key.display());
		assertThat(key.display()).matches("([0-9a-f]{4}-){15}[0-9a-f]{4}");
	}

	@Test
	void aChangedPassphraseUnlocksAndTheOldOneNoLongerDoesWhileTheRecoveryKeyStillWorks() {
		RecoveryKey recovery = KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);
		char[] newPassphrase = "a new invented passphrase".toCharArray();

		KeyringFile.changePassphrase(this.dir, PASSPHRASE, newPassphrase);

		assertThat(KeyringFile.unlock(this.dir, newPassphrase)).isNotNull();
		assertThat(KeyringFile.unlock(this.dir, recovery.display().toCharArray())).isNotNull();
		assertThatThrownBy(() -> KeyringFile.unlock(this.dir, PASSPHRASE)).isInstanceOf(KeyringException.class);
	}

	@Test
	void aReplacedRecoveryKeyUnlocksAndTheOldOneNoLongerDoes() {
		RecoveryKey old = KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);

		RecoveryKey replaced = KeyringFile.replaceRecoveryKey(this.dir, old.display().toCharArray());

		assertThat(replaced.display()).isNotEqualTo(old.display());
		assertThat(KeyringFile.unlock(this.dir, replaced.display().toCharArray())).isNotNull();
		assertThat(KeyringFile.unlock(this.dir, PASSPHRASE)).isNotNull();
		assertThatThrownBy(() -> KeyringFile.unlock(this.dir, old.display().toCharArray()))
			.isInstanceOf(KeyringException.class);
	}

	@Test
	void aWrongCurrentSecretChangesNothing() throws Exception {
		KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);
		String before = Files.readString(this.dir.resolve(KeyringFile.KEYRING));

		assertThatThrownBy(() -> KeyringFile.changePassphrase(this.dir, "wrong passphrase".toCharArray(),
				"whatever but long".toCharArray()))
			.isInstanceOf(KeyringException.class);
		assertThatThrownBy(() -> KeyringFile.replaceRecoveryKey(this.dir, "wrong passphrase".toCharArray()))
			.isInstanceOf(KeyringException.class);
		assertThatThrownBy(() -> KeyringFile.changePassphrase(this.dir, PASSPHRASE, "short".toCharArray()))
			.hasMessageContaining("at least 12 characters");

		assertThat(Files.readString(this.dir.resolve(KeyringFile.KEYRING))).isEqualTo(before);
	}

	@Test
	void lockedKeyringWithoutASecretSaysHowToUnlockIt() {
		KeyringFile.createProtected(this.dir, PASSPHRASE, TEST_COST);
		KeyringUnlock unlock = new KeyringUnlock(this.dir, () -> null);

		assertThatThrownBy(unlock::get).isInstanceOf(KeyringException.class)
			.hasMessageContaining("KHRONIKA_PASSPHRASE");
		assertThat(unlock.isUnlocked()).isFalse();
	}

}
