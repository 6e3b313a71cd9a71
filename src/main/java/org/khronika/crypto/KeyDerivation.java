package org.khronika.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id from Bouncy Castle, with its cost stored beside the salt in the keyring file.
 */
record KeyDerivation(int memoryKiB, int iterations, int parallelism) {

	/** OWASP's first recommendation for Argon2id: 64 MiB, 3 passes. */
	static final KeyDerivation DEFAULT = new KeyDerivation(64 * 1024, 3, 1);

	KeyDerivation {
		if (memoryKiB < 8 * 1024 || iterations < 1 || parallelism < 1) {
			throw new KeyringException("the keyring file names an Argon2id cost too low to be safe");
		}
	}

	SecretBytes derive(char[] passphrase, byte[] salt) {
		ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
		byte[] password = new byte[encoded.remaining()];
		encoded.get(password);
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withMemoryAsKB(this.memoryKiB)
			.withIterations(this.iterations)
			.withParallelism(this.parallelism)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] key = new byte[32];
		generator.generateBytes(password, key);
		Arrays.fill(password, (byte) 0);
		if (encoded.hasArray()) {
			Arrays.fill(encoded.array(), (byte) 0);
		}
		SecretBytes secret = new SecretBytes(key);
		Arrays.fill(key, (byte) 0);
		return secret;
	}

}
