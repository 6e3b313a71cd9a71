package org.khronika.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.function.LongConsumer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;

/**
 * A rotation of the master key while Khronika serves: a new master key is made primary in
 * {@code keyring.json} (a running server wraps under it from its next wrap on), every
 * subject key in the store is unwrapped and wrapped again under it, a second pass catches
 * a key wrapped under the old one while the first ran, and then the old master keys are
 * retired from the keyring. A subject's data key itself does not change: nothing sealed
 * is rewritten, and nothing shredded comes back.
 */
public final class KeyRotation {

	private static final int PAGE = 500;

	private KeyRotation() {
	}

	/** What a rotation did. */
	public record Result(long rewrapped, long alreadyNew, long goneMeanwhile, int retired) {
	}

	/**
	 * @param secret the passphrase or recovery key; null for an unprotected keyring
	 * @param progress told the number of keys done so far, now and then
	 * @throws KeyringException if the secret does not unlock the keyring, or a stored key
	 * opens with no master key of this keyring (it is then left as it was, and so are the
	 * old master keys)
	 */
	public static Result rotate(Path dataDir, char[] secret, SubjectKeyStore keys, LongConsumer progress) {
		int before = KeyringFile.masterKeys(KeyringFile.unlockAny(dataDir, secret));
		Keyring rotated = KeyringFile.rotateMaster(dataDir, secret);
		MasterKey master = (MasterKey) rotated.master();
		long[] counts = new long[3];
		try {
			Aead primaryOnly = master.primaryOnly();
			// twice: the second pass finds a key a server wrapped under the old master
			// before it saw the new one
			for (int pass = 0; pass < 2; pass++) {
				String after = "";
				for (Map<String, byte[]> page = keys.page(after, PAGE); !page.isEmpty(); page = keys.page(after,
						PAGE)) {
					for (Map.Entry<String, byte[]> key : page.entrySet()) {
						after = key.getKey();
						byte[] context = context(key.getKey());
						if (opens(primaryOnly, key.getValue(), context)) {
							counts[1] += (pass == 0) ? 1 : 0;
							continue;
						}
						KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(key.getValue(), master,
								context);
						byte[] rewrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, context);
						if (keys.replace(key.getKey(), key.getValue(), rewrapped)) {
							counts[0]++;
						}
						else {
							counts[2]++;
						}
					}
					progress.accept(counts[0] + counts[1]);
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("a stored key opens with no master key of this keyring; the old master keys "
					+ "are kept and 'keys rotate' may be run again", ex);
		}
		KeyringFile.retireOldMasterKeys(dataDir, secret);
		return new Result(counts[0], counts[1], counts[2], before);
	}

	private static boolean opens(Aead aead, byte[] wrapped, byte[] context) {
		try {
			TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, context);
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** What a stored key is bound to when the master key wraps it. */
	private static byte[] context(String subject) {
		return subject.startsWith(Fingerprints.SUBJECT_PREFIX)
				? Fingerprints.context(subject.substring(Fingerprints.SUBJECT_PREFIX.length()))
				: Sealer.context(subject);
	}

}
