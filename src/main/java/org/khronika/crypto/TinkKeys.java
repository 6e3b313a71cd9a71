package org.khronika.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * Tink set-up shared by this package: registration once, and AEADs over raw 256-bit keys.
 */
final class TinkKeys {

	static {
		try {
			AeadConfig.register();
			SignatureConfig.register();
			MacConfig.register();
			HybridConfig.register();
			StreamingAeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not register its key types", ex);
		}
	}

	private TinkKeys() {
	}

	/**
	 * Makes sure Tink's key types are registered (the static initializer has run) before
	 * any key is generated; a command that seals before it unlocks needs this.
	 */
	static void register() {
		// loading the class registers
	}

	static <P> P primitive(KeysetHandle handle, Class<P> type) throws GeneralSecurityException {
		return handle.getPrimitive(RegistryConfiguration.get(), type);
	}

	/**
	 * An AES-256-GCM AEAD over a raw key (one derived from a passphrase, or the keyring
	 * key).
	 */
	static Aead aesGcm(SecretBytes key) throws GeneralSecurityException {
		AesGcmParameters parameters = AesGcmParameters.builder()
			.setKeySizeBytes(32)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(AesGcmParameters.Variant.NO_PREFIX)
			.build();
		byte[] raw = key.reveal();
		try {
			AesGcmKey aesKey = AesGcmKey.builder()
				.setParameters(parameters)
				.setKeyBytes(com.google.crypto.tink.util.SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
				.build();
			KeysetHandle handle = KeysetHandle.newBuilder()
				.addEntry(KeysetHandle.importKey(aesKey).withRandomId().makePrimary())
				.build();
			return primitive(handle, Aead.class);
		}
		finally {
			java.util.Arrays.fill(raw, (byte) 0);
		}
	}

}
