package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals what identifies a person. Each subject (a person, incident, case, …) has its own
 * AES-256-GCM data key (Tink), created on first use and stored wrapped under the
 * keyring's master key with the subject id as associated data. A sealed value opens only
 * under the same subject key and the same associated data (the identity of the log entry
 * it belongs to), so a ciphertext moved to another entry or subject does not open.
 * Destroying a subject's key ({@link #destroy}) makes everything sealed under it
 * unreadable for good: crypto-shredding.
 */
public final class Sealer {

	private final Supplier<Keyring> keyring;

	private final SubjectKeyStore keys;

	/**
	 * @param keyring gives the unlocked keyring; asked only when a key is wrapped or
	 * unwrapped
	 */
	public Sealer(Supplier<Keyring> keyring, SubjectKeyStore keys) {
		this.keyring = Objects.requireNonNull(keyring);
		this.keys = Objects.requireNonNull(keys);
		TinkKeys.register();
	}

	/**
	 * Encrypts {@code plaintext} under the subject's data key, creating it if the subject
	 * has none.
	 * @throws SealedDataException if the subject's key has been destroyed: nothing is
	 * ever sealed again for a shredded subject
	 */
	public byte[] seal(String subjectId, byte[] plaintext, byte[] associatedData) {
		Aead aead = subjectKey(subjectId).orElseGet(() -> createKey(subjectId));
		try {
			return aead.encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed to encrypt", ex);
		}
	}

	/**
	 * Decrypts what {@link #seal} produced for the same subject and associated data.
	 * @return the plaintext, or empty if the subject's key has been destroyed
	 * @throws SealedDataException if the ciphertext is empty, cut, changed or belongs
	 * elsewhere
	 */
	public Optional<byte[]> open(String subjectId, byte[] ciphertext, byte[] associatedData) {
		Optional<Aead> aead = subjectKey(subjectId);
		if (aead.isEmpty()) {
			if (isDestroyed(subjectId)) {
				return Optional.empty();
			}
			throw new SealedDataException("subject " + subjectId + " has no data key");
		}
		try {
			return Optional.of(aead.get().decrypt(ciphertext, associatedData));
		}
		catch (GeneralSecurityException ex) {
			throw new SealedDataException(
					"sealed data of subject " + subjectId + " does not open: it was changed or moved");
		}
	}

	/** One sealed value to open: its subject, its ciphertext and its associated data. */
	public record Sealed(String subjectId, byte[] ciphertext, byte[] associatedData) {

		public Sealed {
			Objects.requireNonNull(subjectId, "subjectId");
			Objects.requireNonNull(ciphertext, "ciphertext");
			Objects.requireNonNull(associatedData, "associatedData");
		}

		/** The subject only: never the ciphertext. */
		@Override
		public String toString() {
			return "Sealed[" + this.subjectId + "]";
		}

	}

	/**
	 * Opens each of {@code sealed}, looking their subjects' keys up in one query: for a
	 * page of records. One that does not open spoils none of the others: it is said as
	 * {@link Opened#unreadable() unreadable}, not thrown.
	 * @return for each, in order, what opening it gave
	 */
	public List<Opened> openAll(List<Sealed> sealed) {
		Map<String, byte[]> wrapped = this.keys
			.findAll(sealed.stream().map(Sealed::subjectId).collect(Collectors.toCollection(LinkedHashSet::new)));
		Map<String, Aead> opened = new HashMap<>();
		List<Opened> results = new ArrayList<>();
		for (Sealed one : sealed) {
			byte[] key = wrapped.get(one.subjectId());
			if (key == null) {
				results.add(isDestroyed(one.subjectId()) ? Opened.SHREDDED
						: Opened.failed("subject " + one.subjectId() + " has no data key"));
				continue;
			}
			try {
				Aead aead = opened.computeIfAbsent(one.subjectId(), subject -> unwrap(subject, key));
				results.add(new Opened(aead.decrypt(one.ciphertext(), one.associatedData()), null));
			}
			catch (GeneralSecurityException ex) {
				results.add(Opened
					.failed("sealed data of subject " + one.subjectId() + " does not open: it was changed or moved"));
			}
			catch (SealedDataException ex) {
				results.add(Opened.failed(ex.getMessage()));
			}
		}
		return results;
	}

	/**
	 * What opening one sealed value gave: its plaintext; nothing, for its subject was
	 * shredded; or nothing, for it does not open.
	 *
	 * @param plaintext the plaintext, or null if there is none
	 * @param failure why it does not open (it was changed or moved, or its subject's key
	 * is missing or not under this keyring), naming the subject and none of its bytes;
	 * null if it opened or its subject was shredded
	 */
	public record Opened(byte[] plaintext, String failure) {

		static final Opened SHREDDED = new Opened(null, null);

		static Opened failed(String failure) {
			return new Opened(null, Objects.requireNonNull(failure));
		}

		/** Whether it should have opened and did not: its bytes were tampered with. */
		public boolean unreadable() {
			return this.failure != null;
		}

		/** Whether it opens, or why not: never the plaintext. */
		@Override
		public String toString() {
			return (this.plaintext != null) ? "Opened"
					: (this.failure != null) ? "Unreadable[" + this.failure + "]" : "Shredded";
		}

	}

	/**
	 * Destroys the subject's data key within the caller's transaction; true if it had
	 * one. Call {@link #scrub()} once that transaction has committed.
	 */
	public boolean destroy(String subjectId) {
		return this.keys.destroy(subjectId);
	}

	/**
	 * Overwrites the remains of destroyed keys in the database files; outside a
	 * transaction.
	 */
	public void scrub() {
		this.keys.scrub();
	}

	private boolean isDestroyed(String subjectId) {
		return this.keys.wasDestroyed(subjectId);
	}

	private Optional<Aead> subjectKey(String subjectId) {
		return this.keys.find(subjectId).map(wrapped -> unwrap(subjectId, wrapped));
	}

	private Aead unwrap(String subjectId, byte[] wrapped) {
		try {
			KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, this.keyring.get().master(),
					context(subjectId));
			return TinkKeys.primitive(handle, Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new SealedDataException("the data key of subject " + subjectId + " does not open under this keyring");
		}
	}

	private Aead createKey(String subjectId) {
		if (isDestroyed(subjectId)) {
			throw new SealedDataException("subject " + subjectId + " was shredded; nothing more is sealed for it");
		}
		try {
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			this.keys.insert(subjectId, TinkProtoKeysetFormat.serializeEncryptedKeyset(handle,
					this.keyring.get().master(), context(subjectId)));
			return TinkKeys.primitive(handle, Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a data key could not be generated", ex);
		}
	}

	static byte[] context(String subjectId) {
		return ("khronika subject key " + subjectId).getBytes(StandardCharsets.UTF_8);
	}

}
