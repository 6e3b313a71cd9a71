package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Seals a report to the organisation's intake key with hybrid public-key encryption
 * (HPKE, RFC 9180: X25519, HKDF-SHA256, AES-256-GCM). Needs only the public key: a node
 * that takes reports can seal them and can never open one, nor one it sealed itself. The
 * context (the report's id and the part sealed) is bound in as HPKE's info, so sealed
 * bytes moved to another report or part do not open.
 *
 * <p>
 * The keys are Tink's and Tink opens ({@link IntakeOpener}); sealing, which every report
 * pays for on the public node, goes through Bouncy Castle's implementation of the same
 * RFC, whose X25519 takes a third of the time of Tink's pure-Java one (the intake
 * benchmark spent half its time there). The bytes are the same: the encapsulated key,
 * then the ciphertext, no prefix, as Tink writes them for this key. A key of any other
 * parameters is sealed to by Tink itself.
 */
public final class IntakeSealer {

	private final HybridEncrypt tink;

	/** The recipient's public key for Bouncy Castle, if its parameters are ours. */
	private final AsymmetricKeyParameter recipient;

	/**
	 * An HPKE suite per thread: Bouncy Castle does not promise that one may be shared.
	 */
	private final ThreadLocal<HPKE> suites = ThreadLocal.withInitial(
			() -> new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256));

	IntakeSealer(KeysetHandle publicKeyset) throws GeneralSecurityException {
		TinkKeys.register();
		this.tink = TinkKeys.primitive(publicKeyset, HybridEncrypt.class);
		this.recipient = (publicKeyset.size() == 1 && publicKeyset.getPrimary().getKey() instanceof HpkePublicKey key
				&& ours(key.getParameters()))
						? this.suites.get().deserializePublicKey(key.getPublicKeyBytes().toByteArray()) : null;
	}

	private static boolean ours(HpkeParameters parameters) {
		return parameters.getKemId() == HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256
				&& parameters.getKdfId() == HpkeParameters.KdfId.HKDF_SHA256
				&& parameters.getAeadId() == HpkeParameters.AeadId.AES_256_GCM
				&& parameters.getVariant() == HpkeParameters.Variant.NO_PREFIX;
	}

	/** {@code plaintext} sealed for {@code context} ("report 〈id〉 answers", …). */
	public byte[] seal(byte[] plaintext, String context) {
		byte[] info = context.getBytes(StandardCharsets.UTF_8);
		try {
			if (this.recipient == null) {
				return this.tink.encrypt(plaintext, info);
			}
			byte[][] sealed = this.suites.get().seal(this.recipient, info, new byte[0], plaintext, null, null, null);
			byte[] ciphertext = sealed[0];
			byte[] encapsulated = sealed[1];
			byte[] joined = new byte[encapsulated.length + ciphertext.length];
			System.arraycopy(encapsulated, 0, joined, 0, encapsulated.length);
			System.arraycopy(ciphertext, 0, joined, encapsulated.length, ciphertext.length);
			return joined;
		}
		catch (GeneralSecurityException | InvalidCipherTextException ex) {
			throw new IllegalStateException("a report could not be sealed", ex);
		}
	}

	/** Whether this sealer goes through Bouncy Castle (for the key the keyring makes). */
	boolean fast() {
		return this.recipient != null;
	}

	@Override
	public String toString() {
		return "IntakeSealer[public key]";
	}

}
