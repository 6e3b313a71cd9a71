package org.khronika.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;

/**
 * The encryption of one backup: a fresh streaming key (AES-256-GCM-HKDF in 1 MB segments,
 * each authenticated, the last one marked so that a cut file fails) whose keyset is kept
 * in the backup wrapped under the keyring's master key. Whoever opens the backup needs
 * the keyring that made it, and so its passphrase or recovery key.
 */
public final class BackupCipher {

	private static final byte[] CONTEXT = "khronika backup key".getBytes(StandardCharsets.UTF_8);

	private final StreamingAead aead;

	private final byte[] wrappedKey;

	private BackupCipher(StreamingAead aead, byte[] wrappedKey) {
		this.aead = aead;
		this.wrappedKey = wrappedKey;
	}

	/** A new key for a new backup, wrapped under {@code keyring}'s master key. */
	public static BackupCipher create(Keyring keyring) {
		try {
			KeysetHandle key = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
			byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(key, keyring.master(), CONTEXT);
			return new BackupCipher(TinkKeys.primitive(key, StreamingAead.class), wrapped);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("a backup key could not be made", ex);
		}
	}

	/**
	 * The key of an existing backup.
	 * @throws KeyringException if {@code keyring} did not make it, or it is damaged
	 */
	public static BackupCipher open(Keyring keyring, byte[] wrappedKey) {
		try {
			KeysetHandle key = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, keyring.master(), CONTEXT);
			return new BackupCipher(TinkKeys.primitive(key, StreamingAead.class), wrappedKey.clone());
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the backup's key does not open with this keyring: it is damaged");
		}
	}

	/** The backup's key as the backup keeps it: wrapped under the master key. */
	public byte[] wrappedKey() {
		return this.wrappedKey.clone();
	}

	/**
	 * Encrypts what is written to the stream into {@code out}; {@code header} is bound to
	 * it, so that a changed header fails on reading. Closing the stream writes the last
	 * segment.
	 */
	public OutputStream encrypting(OutputStream out, byte[] header) throws IOException {
		try {
			return this.aead.newEncryptingStream(out, header);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("the backup could not be encrypted", ex);
		}
	}

	/**
	 * Decrypts {@code in}; reading throws an {@link IOException} at the first segment
	 * that was changed, and at the end of a cut file.
	 */
	public InputStream decrypting(InputStream in, byte[] header) throws IOException {
		try {
			return this.aead.newDecryptingStream(in, header);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("the backup cannot be decrypted", ex);
		}
	}

}
