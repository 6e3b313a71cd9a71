package org.khronika.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.PublicKeySign;

/**
 * An unlocked keyring: lives only in memory. It gives out the {@link Signer} for log
 * checkpoints and, to {@link SubjectKeys}, the master key that wraps every subject's data
 * key.
 */
public final class Keyring {

	private final Aead master;

	private final Signer signer;

	Keyring(Aead master, PublicKeySign signer) {
		this.master = master;
		this.signer = new Signer(signer);
	}

	Aead master() {
		return this.master;
	}

	/** Signs log checkpoints with the keyring's Ed25519 key. */
	public Signer checkpointSigner() {
		return this.signer;
	}

	@Override
	public String toString() {
		return "Keyring[unlocked]";
	}

}
