package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication key signs what anyone can check: with
 * {@link PublicationSigner#verifies} and with OpenSSL alone, from the PEM file beside the
 * keyring.
 */
class PublicationSignerTest {

	@TempDir
	Path dir;

	@Test
	void aSignatureChecksWithTheKeyBesideTheKeyringAndWithOpenSsl() throws Exception {
		KeyringFile.createUnprotected(this.dir);
		PublicationSigner signer = KeyringFile.unlockWithKeyFile(this.dir).publicationSigner();
		byte[] manifest = "0123abcd  ru/index.html\n".getBytes(StandardCharsets.UTF_8);
		byte[] signature = signer.sign(manifest);
		String pem = Files.readString(this.dir.resolve(KeyringFile.PUBLICATION_PUBLIC_KEY));

		assertThat(signature).hasSize(64);
		assertThat(pem).isEqualTo(signer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(PublicationSigner.verifies(pem, manifest, signature)).isTrue();
		assertThat(openSslVerifies(pem, manifest, signature)).isTrue();

		byte[] changed = manifest.clone();
		changed[0] ^= 1;
		assertThat(PublicationSigner.verifies(pem, changed, signature)).isFalse();
		assertThat(openSslVerifies(pem, changed, signature)).isFalse();
	}

	@Test
	void theKeyIsTheSameAtEveryUnlockAndItsFingerprintNamesIt() {
		KeyringFile.createUnprotected(this.dir);
		String first = KeyringFile.unlockWithKeyFile(this.dir).publicationSigner().publicKeyPem();
		String second = KeyringFile.unlockWithKeyFile(this.dir).publicationSigner().publicKeyPem();

		assertThat(second).isEqualTo(first);
		assertThat(PublicationSigner.fingerprint(first)).matches("([0-9a-f]{2}:){31}[0-9a-f]{2}");
		assertThat(PublicationSigner.verifies("not a key", new byte[1], new byte[64])).isFalse();
	}

	private boolean openSslVerifies(String pem, byte[] message, byte[] signature) throws Exception {
		Path key = Files.writeString(this.dir.resolve("key.pem"), pem);
		Path in = Files.write(this.dir.resolve("manifest.txt"), message);
		Path sig = Files.write(this.dir.resolve("manifest.sig"), signature);
		Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key.toString(),
				"-rawin", "-in", in.toString(), "-sigfile", sig.toString())
			.redirectErrorStream(true)
			.start();
		openssl.getInputStream().readAllBytes();
		assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return openssl.exitValue() == 0;
	}

}
