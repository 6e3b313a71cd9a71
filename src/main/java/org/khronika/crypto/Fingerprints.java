package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.mac.HmacParameters;

/**
 * Keyed fingerprints (HMAC-SHA256, Tink) of content that may identify someone, for
 * telling whether it changed without keeping it or opening it again: an imported row's
 * details. Each purpose has its own key, kept wrapped under the keyring's master key like
 * a subject's data key; without the keyring a fingerprint says nothing, not even whether
 * it belongs to a guessed name.
 */
public final class Fingerprints {

	/** HMAC-SHA256 with a 32-byte key and tag, the tag alone (no key id prefix). */
	private static final HmacParameters PARAMETERS;

	static {
		try {
			PARAMETERS = HmacParameters.builder()
				.setKeySizeBytes(32)
				.setTagSizeBytes(32)
				.setHashType(HmacParameters.HashType.SHA256)
				.setVariant(HmacParameters.Variant.NO_PREFIX)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Supplier<Keyring> keyring;

	private final SubjectKeyStore keys;

	/**
	 * The purposes' keys once read from the store, unwrapped: an import fingerprints
	 * every row. A key made in a caller's transaction is kept only once a later call
	 * finds it stored, so a rolled-back transaction leaves no key behind here.
	 */
	private final java.util.Map<String, Mac> stored = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * @param keyring gives the unlocked keyring; asked only when a key is wrapped or
	 * unwrapped
	 */
	public Fingerprints(Supplier<Keyring> keyring, SubjectKeyStore keys) {
		this.keyring = Objects.requireNonNull(keyring);
		this.keys = Objects.requireNonNull(keys);
		TinkKeys.register();
	}

	/**
	 * The fingerprint of {@code content} for {@code purpose} (a short name, such as
	 * {@code imports}), as 64 hex digits; the purpose's key is made on first use, in the
	 * caller's transaction.
	 */
	public String of(String purpose, byte[] content) {
		try {
			return HexFormat.of().formatHex(mac(purpose).computeMac(content));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC failed", ex);
		}
	}

	/** The subject a purpose's key is stored under in the subject key store. */
	static final String SUBJECT_PREFIX = "fingerprint:";

	/** What a purpose's key is bound to when the master key wraps it. */
	static byte[] context(String purpose) {
		return ("khronika fingerprint key " + purpose).getBytes(StandardCharsets.UTF_8);
	}

	private Mac mac(String purpose) throws GeneralSecurityException {
		Mac known = this.stored.get(purpose);
		if (known != null) {
			return known;
		}
		String subject = SUBJECT_PREFIX + purpose;
		byte[] context = context(purpose);
		java.util.Optional<byte[]> wrapped = this.keys.find(subject);
		if (wrapped.isPresent()) {
			Mac mac = TinkKeys.primitive(
					TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.get(), this.keyring.get().master(), context),
					Mac.class);
			this.stored.put(purpose, mac);
			return mac;
		}
		KeysetHandle handle = KeysetHandle.generateNew(PARAMETERS);
		this.keys.insert(subject,
				TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, this.keyring.get().master(), context));
		return TinkKeys.primitive(handle, Mac.class);
	}

}
