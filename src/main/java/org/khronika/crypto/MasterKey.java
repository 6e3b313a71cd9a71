package org.khronika.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;

/**
 * The master key of an unlocked keyring, which wraps every subject's data key. It follows
 * {@code keyring.json}: when {@code keys rotate} has given the file a new primary key (or
 * retired the old ones), the next wrap, and any unwrap the keys in memory cannot do,
 * reads the master keyset again, so that a running Khronika keeps serving through a
 * rotation. To read it again it keeps the keyring key's cipher in memory, as it keeps the
 * master key itself.
 */
final class MasterKey implements Aead {

	private final Path file;

	private final Aead unwrap;

	private volatile Loaded loaded;

	private record Loaded(Aead aead, KeysetHandle keyset, Object fileKey, long modified, long length) {
	}

	MasterKey(Path file, Aead unwrap, KeysetHandle master) throws GeneralSecurityException {
		this.file = file;
		this.unwrap = unwrap;
		this.loaded = load(master, stamp());
	}

	@Override
	public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
		refresh();
		return this.loaded.aead().encrypt(plaintext, associatedData);
	}

	@Override
	public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
		try {
			return this.loaded.aead().decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			if (refresh()) {
				return this.loaded.aead().decrypt(ciphertext, associatedData);
			}
			throw ex;
		}
	}

	/** How many keys the master keyset holds. */
	int size() {
		return this.loaded.keyset().size();
	}

	/** The primary key alone: what opens a key once nothing older is needed. */
	Aead primaryOnly() throws GeneralSecurityException {
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(this.loaded.keyset());
		for (int i = builder.size() - 1; i >= 0; i--) {
			if (!builder.getAt(i).isPrimary()) {
				builder.deleteAt(i);
			}
		}
		return TinkKeys.primitive(builder.build(), Aead.class);
	}

	/** Reads the master keyset again if the file changed; whether it did. */
	private synchronized boolean refresh() throws GeneralSecurityException {
		BasicFileAttributes now = stamp();
		Loaded current = this.loaded;
		if (now == null || (now.lastModifiedTime().toMillis() == current.modified() && now.size() == current.length()
				&& java.util.Objects.equals(now.fileKey(), current.fileKey()))) {
			return false;
		}
		this.loaded = load(KeyringFile.masterKeyset(this.file, this.unwrap), now);
		return true;
	}

	private BasicFileAttributes stamp() {
		try {
			return Files.readAttributes(this.file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			// the file is being replaced: the keys in memory serve until it is back
			return null;
		}
	}

	private static Loaded load(KeysetHandle master, BasicFileAttributes stamp) throws GeneralSecurityException {
		return new Loaded(TinkKeys.primitive(master, Aead.class), master, (stamp != null) ? stamp.fileKey() : null,
				(stamp != null) ? stamp.lastModifiedTime().toMillis() : 0, (stamp != null) ? stamp.size() : 0);
	}

}
