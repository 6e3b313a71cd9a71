package org.khronika.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The organisation's publication key (Ed25519): signs the manifest of a published site.
 * Its signatures are the raw 64 bytes of RFC 8032 and its public key is given as PEM
 * (SubjectPublicKeyInfo), so that anyone can check a site with OpenSSL alone
 * ({@code openssl pkeyutl -verify -pubin -inkey publication-key.pem -rawin …}) or with
 * {@link #verifies}, which needs no keyring.
 */
public final class PublicationSigner {

	private final PublicKeySign sign;

	private final String publicKeyPem;

	PublicationSigner(KeysetHandle keyset) throws GeneralSecurityException {
		this.sign = TinkKeys.primitive(keyset, PublicKeySign.class);
		byte[] raw = ((Ed25519PublicKey) keyset.getPublicKeysetHandle().getPrimary().getKey()).getPublicKeyBytes()
			.toByteArray();
		this.publicKeyPem = pem(raw);
	}

	/**
	 * Signs {@code message}: 64 bytes.
	 * @throws KeyringException if the key cannot sign (a broken keyring)
	 */
	public byte[] sign(byte[] message) {
		try {
			return this.sign.sign(message);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the publication key cannot sign", ex);
		}
	}

	/** The public key, as PEM. */
	public String publicKeyPem() {
		return this.publicKeyPem;
	}

	/**
	 * Whether {@code signature} is the Ed25519 signature of {@code message} by the key
	 * {@code publicKeyPem}; false for a key that cannot be read. Never throws.
	 */
	public static boolean verifies(String publicKeyPem, byte[] message, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(publicKey(publicKeyPem));
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The key's fingerprint: SHA-256 of its encoded form, in hex, as people compare it
	 * with the one the organisation gives out elsewhere.
	 * @throws IllegalArgumentException if the text is not an Ed25519 public key
	 */
	public static String fingerprint(String publicKeyPem) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey(publicKeyPem).getEncoded());
			return HexFormat.ofDelimiter(":").formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key", ex);
		}
	}

	private static PublicKey publicKey(String pem) throws GeneralSecurityException {
		String body = pem.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		return KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
	}

	private static String pem(byte[] raw) {
		try {
			byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(raw))
				.getEncoded();
			return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("an Ed25519 public key could not be encoded", ex);
		}
	}

	@Override
	public String toString() {
		return "PublicationSigner[" + fingerprint(this.publicKeyPem) + "]";
	}

}
