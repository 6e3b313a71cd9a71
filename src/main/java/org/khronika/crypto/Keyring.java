package org.khronika.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.PublicKeySign;

/**
 * An unlocked keyring: lives only in memory. It gives out the {@link Signer} for log
 * checkpoints, the {@link IntakeOpener} that opens sealed reports (and the sealer for
 * them) and, to {@link Sealer}, the master key that wraps every subject's data key.
 */
public final class Keyring {

	private final Aead master;

	private final Signer signer;

	private final IntakeOpener intakeOpener;

	private final IntakeSealer intakeSealer;

	private final PublicationSigner publicationSigner;

	Keyring(Aead master, PublicKeySign signer, IntakeOpener intakeOpener, IntakeSealer intakeSealer,
			PublicationSigner publicationSigner) {
		this.master = master;
		this.publicationSigner = publicationSigner;
		this.signer = new Signer(signer);
		this.intakeOpener = intakeOpener;
		this.intakeSealer = intakeSealer;
	}

	/** Opens reports sealed to the organisation's intake key. */
	public IntakeOpener intakeOpener() {
		return this.intakeOpener;
	}

	/** Seals reports to the organisation's intake key (its public half). */
	public IntakeSealer intakeSealer() {
		return this.intakeSealer;
	}

	Aead master() {
		return this.master;
	}

	/** Signs log checkpoints with the keyring's Ed25519 key. */
	public Signer checkpointSigner() {
		return this.signer;
	}

	/** Signs published sites with the organisation's publication key (Ed25519). */
	public PublicationSigner publicationSigner() {
		return this.publicationSigner;
	}

	@Override
	public String toString() {
		return "Keyring[unlocked]";
	}

}
