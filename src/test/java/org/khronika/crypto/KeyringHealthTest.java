package org.khronika.crypto;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness says whether the keyring is unlocked, and nothing else. */
class KeyringHealthTest {

	@TempDir
	Path dir;

	@Test
	void outOfServiceUntilTheKeyringIsUnlocked() {
		KeyringFile.createUnprotected(this.dir);
		KeyringUnlock keyring = new KeyringUnlock(this.dir, () -> null);
		HealthIndicator health = new CryptoConfiguration().keyringHealth(keyring);

		assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		keyring.get();
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(health.health().getDetails()).as("no detail about the keys").isEmpty();
	}

}
