package org.khronika.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keyring in a data directory. {@code keyring.json} holds the master keyset (which
 * wraps every subject's data key) and the checkpoint signing keyset, both encrypted under
 * a random keyring key. That key is itself stored twice, wrapped under Argon2id of the
 * passphrase and of the recovery key; or, for an unprotected keyring, in plain in
 * {@code keyring.key}. The public half of the signing key is kept in plain in
 * {@code checkpoint-key.json} so that anyone can verify the log. The intake keyset (HPKE,
 * X25519) is kept the same way: its private half encrypted in {@code keyring.json}, its
 * public half in plain in {@code intake-key.json}, all a public report form needs to seal
 * a report that only the unlocked keyring opens. The publication keyset (Ed25519, raw
 * signatures that OpenSSL checks) signs published sites; its public half is kept in plain
 * in {@code publication-key.pem}. A keyring made before intake or publishing is given the
 * keyset it lacks when it is next unlocked.
 */
public final class KeyringFile {

	static final String KEYRING = "keyring.json";

	static final String KEY_FILE = "keyring.key";

	static final String PUBLIC_KEY = "checkpoint-key.json";

	static final String INTAKE_PUBLIC_KEY = "intake-key.json";

	static final String PUBLICATION_PUBLIC_KEY = "publication-key.pem";

	/** Every file a keyring may have in its data directory. */
	private static final List<String> FILES = List.of(KEYRING, KEY_FILE, PUBLIC_KEY, INTAKE_PUBLIC_KEY,
			PUBLICATION_PUBLIC_KEY);

	private static final String FORMAT = "khronika-keyring/1";

	private static final byte[] KEY_WRAP_CONTEXT = "khronika keyring key".getBytes(StandardCharsets.UTF_8);

	private static final byte[] MASTER_CONTEXT = "khronika master keyset".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SIGNING_CONTEXT = "khronika signing keyset".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INTAKE_CONTEXT = "khronika intake keyset".getBytes(StandardCharsets.UTF_8);

	private static final byte[] PUBLICATION_CONTEXT = "khronika publication keyset".getBytes(StandardCharsets.UTF_8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64 = Base64.getEncoder();

	private static final Base64.Decoder B64D = Base64.getDecoder();

	private KeyringFile() {
	}

	/** Whether {@code dataDir} already holds a keyring. */
	public static boolean exists(Path dataDir) {
		return Files.exists(dataDir.resolve(KEYRING));
	}

	/**
	 * Whether the keyring in {@code dataDir} needs a passphrase or recovery key to
	 * unlock.
	 */
	public static boolean isProtected(Path dataDir) {
		return !Files.exists(dataDir.resolve(KEY_FILE));
	}

	/**
	 * Creates a keyring protected by {@code passphrase} and returns the recovery key,
	 * which is stored nowhere in plain and must be shown to the user once.
	 * @throws KeyringException if a keyring exists there already or cannot be written
	 */
	public static RecoveryKey createProtected(Path dataDir, char[] passphrase) {
		return createProtected(dataDir, passphrase, KeyDerivation.DEFAULT);
	}

	/** The fewest characters a passphrase has: as many as an account's password. */
	static final int SHORTEST_PASSPHRASE = 12;

	/**
	 * Refuses a passphrase shorter than {@value #SHORTEST_PASSPHRASE} characters: it is
	 * all that stands between a seized disk and the keys, against guesses made offline.
	 */
	private static void requireLongEnough(char[] passphrase) {
		if (passphrase.length < SHORTEST_PASSPHRASE) {
			throw new KeyringException("the passphrase must have at least " + SHORTEST_PASSPHRASE
					+ " characters (a few words are easier to remember than a short string)");
		}
	}

	static RecoveryKey createProtected(Path dataDir, char[] passphrase, KeyDerivation cost) {
		requireLongEnough(passphrase);
		SecretBytes keyringKey = randomKey();
		RecoveryKey recovery = RecoveryKey.generate();
		try {
			Document document = keysets(keyringKey);
			byte[] passphraseSalt = randomBytes(16);
			byte[] recoverySalt = randomBytes(16);
			document = document.protectedBy(cost, passphraseSalt,
					wrap(keyringKey, cost.derive(passphrase, passphraseSalt)), recoverySalt,
					wrap(keyringKey, cost.derive(recovery.asPassphrase(), recoverySalt)));
			write(dataDir, document, null);
			return recovery;
		}
		finally {
			keyringKey.destroy();
		}
	}

	/**
	 * Creates a keyring whose key lies in plain beside it in {@code keyring.key}: anyone
	 * who copies the data directory can read everything. For demonstrations and tests
	 * only.
	 * @throws KeyringException if a keyring exists there already or cannot be written
	 */
	public static void createUnprotected(Path dataDir) {
		SecretBytes keyringKey = randomKey();
		try {
			write(dataDir, keysets(keyringKey), keyringKey);
		}
		finally {
			keyringKey.destroy();
		}
	}

	/**
	 * Unlocks with the passphrase or, failing that, reads it as a recovery key.
	 * @throws KeyringException if neither unlocks the keyring
	 */
	public static Keyring unlock(Path dataDir, char[] passphraseOrRecoveryKey) {
		Document document = read(dataDir);
		if (document.passphraseWrappedKey == null) {
			return unlockWithKeyFile(dataDir);
		}
		return open(dataDir, document, unwrapKeyringKey(document, passphraseOrRecoveryKey));
	}

	/**
	 * Replaces the passphrase; the recovery key stays valid. For when someone who knew
	 * the passphrase leaves.
	 * @param current the current passphrase or the recovery key
	 * @throws KeyringException if {@code current} does not unlock the keyring, the
	 * keyring is unprotected, or the new passphrase is too short; the keyring is then
	 * unchanged
	 */
	public static void changePassphrase(Path dataDir, char[] current, char[] newPassphrase) {
		requireLongEnough(newPassphrase);
		Document document = readProtected(dataDir);
		SecretBytes keyringKey = unwrapKeyringKey(document, current);
		try {
			KeyDerivation cost = document.cost();
			byte[] salt = randomBytes(16);
			replace(dataDir, document.protectedBy(cost, salt, wrap(keyringKey, cost.derive(newPassphrase, salt)),
					B64D.decode(document.recoverySalt), document.recoveryWrappedKey));
		}
		finally {
			keyringKey.destroy();
		}
	}

	/**
	 * Issues a new recovery key and returns it, to be shown once; the old one stops
	 * working. For when a recovery key may have been seen by someone else.
	 * @param current the passphrase or the current recovery key
	 * @throws KeyringException if {@code current} does not unlock the keyring or it is
	 * unprotected; the keyring is then unchanged
	 */
	public static RecoveryKey replaceRecoveryKey(Path dataDir, char[] current) {
		Document document = readProtected(dataDir);
		SecretBytes keyringKey = unwrapKeyringKey(document, current);
		RecoveryKey recovery = RecoveryKey.generate();
		try {
			KeyDerivation cost = document.cost();
			byte[] salt = randomBytes(16);
			replace(dataDir, document.protectedBy(cost, B64D.decode(document.passphraseSalt),
					document.passphraseWrappedKey, salt, wrap(keyringKey, cost.derive(recovery.asPassphrase(), salt))));
			return recovery;
		}
		finally {
			keyringKey.destroy();
		}
	}

	private static Document readProtected(Path dataDir) {
		Document document = read(dataDir);
		if (document.passphraseWrappedKey == null) {
			throw new KeyringException(
					"this keyring is unprotected (demonstration or test): it has no passphrase to change");
		}
		return document;
	}

	/**
	 * The keyring key, unwrapped with the passphrase or, failing that, as a recovery key.
	 */
	private static SecretBytes unwrapKeyringKey(Document document, char[] passphraseOrRecoveryKey) {
		KeyDerivation cost = document.cost();
		SecretBytes key = tryUnwrap(document.passphraseWrappedKey,
				cost.derive(passphraseOrRecoveryKey, B64D.decode(document.passphraseSalt)));
		if (key == null) {
			String text = new String(passphraseOrRecoveryKey);
			if (text.replaceAll("[\\s-]", "").matches("[0-9a-fA-F]{64}")) {
				key = tryUnwrap(document.recoveryWrappedKey,
						cost.derive(RecoveryKey.parse(text).asPassphrase(), B64D.decode(document.recoverySalt)));
			}
		}
		if (key == null) {
			throw new KeyringException("this passphrase or recovery key does not unlock the keyring");
		}
		return key;
	}

	/**
	 * The master keyset as {@code keyring.json} holds it now, opened with the keyring key
	 * ({@code unwrap}): how a running Khronika picks up a rotation.
	 */
	static KeysetHandle masterKeyset(Path keyringFile, Aead unwrap) throws GeneralSecurityException {
		Path dataDir = keyringFile.toAbsolutePath().getParent();
		if (dataDir == null) {
			throw new GeneralSecurityException("the keyring file has no directory: " + keyringFile);
		}
		Document document = read(dataDir);
		return TinkProtoKeysetFormat.parseEncryptedKeyset(B64D.decode(document.masterKeyset), unwrap, MASTER_CONTEXT);
	}

	/**
	 * Adds a new master key to the keyring and makes it the primary: what is wrapped from
	 * now on is wrapped under it, while the keys before it still open what they wrapped,
	 * until {@link #retireOldMasterKeys}. A running Khronika picks the change up at its
	 * next wrap.
	 * @param secret the passphrase or recovery key; null for an unprotected keyring
	 * @return the keyring opened with the new master key
	 * @throws KeyringException if {@code secret} does not unlock the keyring
	 */
	public static Keyring rotateMaster(Path dataDir, char[] secret) {
		return changeMaster(dataDir, secret, master -> {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(master);
			builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary());
			return builder.build();
		});
	}

	/**
	 * Removes every master key but the primary: once nothing in the database is wrapped
	 * under them. Backups made before keep their own copy of the keyring, and open with
	 * it.
	 * @return the keyring opened with the primary master key alone
	 */
	public static Keyring retireOldMasterKeys(Path dataDir, char[] secret) {
		return changeMaster(dataDir, secret, master -> {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(master);
			for (int i = builder.size() - 1; i >= 0; i--) {
				if (!builder.getAt(i).isPrimary()) {
					builder.deleteAt(i);
				}
			}
			return builder.build();
		});
	}

	/**
	 * How many keys the master keyset holds: more than one between a rotation and a
	 * retirement.
	 */
	public static int masterKeys(Keyring keyring) {
		return ((MasterKey) keyring.master()).size();
	}

	private interface MasterChange {

		KeysetHandle apply(KeysetHandle master) throws GeneralSecurityException;

	}

	/**
	 * Unlocks with {@code secret}, or with the key file when the keyring is unprotected.
	 */
	static Keyring unlockAny(Path dataDir, char[] secret) {
		return isProtected(dataDir) ? unlock(dataDir, secret) : unlockWithKeyFile(dataDir);
	}

	private static Keyring changeMaster(Path dataDir, char[] secret, MasterChange change) {
		Document document = read(dataDir);
		SecretBytes keyringKey = (document.passphraseWrappedKey == null) ? keyFile(dataDir)
				: unwrapKeyringKey(document, secret);
		try {
			Aead unwrap = TinkKeys.aesGcm(keyringKey);
			KeysetHandle master = change.apply(TinkProtoKeysetFormat
				.parseEncryptedKeyset(B64D.decode(document.masterKeyset), unwrap, MASTER_CONTEXT));
			replace(dataDir, document.withMaster(B64
				.encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(master, unwrap, MASTER_CONTEXT))));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the master key could not be changed: the keyring is damaged", ex);
		}
		finally {
			keyringKey.destroy();
		}
		return unlockAny(dataDir, secret);
	}

	private static SecretBytes keyFile(Path dataDir) {
		Path keyFile = dataDir.resolve(KEY_FILE);
		try {
			byte[] raw = B64D.decode(Files.readString(keyFile).trim());
			SecretBytes key = new SecretBytes(raw);
			Arrays.fill(raw, (byte) 0);
			return key;
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new KeyringException("the key file " + keyFile + " cannot be read", ex);
		}
	}

	/**
	 * Unlocks an unprotected keyring with its {@code keyring.key}.
	 * @throws KeyringException if the keyring is protected or the key file does not fit
	 * it
	 */
	public static Keyring unlockWithKeyFile(Path dataDir) {
		Document document = read(dataDir);
		Path keyFile = dataDir.resolve(KEY_FILE);
		if (!Files.exists(keyFile)) {
			throw new KeyringException("this keyring is protected: give its passphrase or recovery key");
		}
		return open(dataDir, document, keyFile(dataDir));
	}

	/**
	 * The keyring's files in {@code dataDir} by name, as a backup carries them: the
	 * keyring (encrypted under the passphrase and recovery key), its public keys and, for
	 * an unprotected keyring, its key file.
	 * @throws KeyringException if they cannot be read
	 */
	public static Map<String, byte[]> files(Path dataDir) {
		read(dataDir);
		Map<String, byte[]> files = new TreeMap<>();
		try {
			for (String name : FILES) {
				Path file = dataDir.resolve(name);
				if (Files.exists(file)) {
					files.put(name, Files.readAllBytes(file));
				}
			}
		}
		catch (IOException ex) {
			throw new KeyringException("the keyring in " + dataDir + " cannot be read", ex);
		}
		return files;
	}

	/**
	 * Writes the keyring's files a backup carried into {@code dataDir}, which must hold
	 * no keyring yet.
	 * @throws KeyringException if it does, if a name is not one of a keyring's files, or
	 * if they cannot be written
	 */
	public static void restoreFiles(Path dataDir, Map<String, byte[]> files) {
		if (!files.containsKey(KEYRING) || !FILES.containsAll(files.keySet())) {
			throw new KeyringException("the files given are not a keyring's: " + files.keySet());
		}
		try {
			Files.createDirectories(dataDir);
			restrictToOwner(dataDir);
			if (exists(dataDir)) {
				throw new KeyringException("a keyring exists in " + dataDir + " already; it is never overwritten");
			}
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				if (!file.getKey().equals(KEYRING)) {
					writePrivately(dataDir.resolve(file.getKey()), file.getValue());
				}
			}
			// the keyring last: a directory holds one only when it is whole
			writePrivately(dataDir.resolve(KEYRING), files.get(KEYRING));
			read(dataDir);
		}
		catch (IOException ex) {
			throw new KeyringException("the keyring could not be written to " + dataDir, ex);
		}
	}

	/**
	 * The verifier of checkpoint signatures, from the public key beside the keyring;
	 * needs no unlocking.
	 * @throws KeyringException if the data directory has no public key
	 */
	public static SignatureVerifier checkpointVerifier(Path dataDir) {
		try {
			byte[] publicKeyset = Files.readAllBytes(dataDir.resolve(PUBLIC_KEY));
			return new SignatureVerifier(TinkProtoKeysetFormat
				.parseKeysetWithoutSecret(B64D.decode(JSON.readTree(publicKeyset).get("keyset").asString())));
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new KeyringException("the checkpoint public key in " + dataDir + " cannot be read", ex);
		}
	}

	/**
	 * The intake sealer, from the public key beside the keyring: what a node that takes
	 * reports needs, and all it needs.
	 * @throws KeyringException if the data directory has no intake key (a keyring made
	 * before intake that was not unlocked since)
	 */
	public static IntakeSealer intakeSealer(Path dataDir) {
		Path file = dataDir.resolve(INTAKE_PUBLIC_KEY);
		if (!Files.exists(file)) {
			throw new KeyringException("no intake key in " + dataDir
					+ ": unlock the keyring once (serve or any command) to make it, then copy " + INTAKE_PUBLIC_KEY);
		}
		try {
			byte[] publicKeyset = Files.readAllBytes(file);
			return new IntakeSealer(TinkProtoKeysetFormat
				.parseKeysetWithoutSecret(B64D.decode(JSON.readTree(publicKeyset).get("keyset").asString())));
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new KeyringException("the intake public key in " + dataDir + " cannot be read", ex);
		}
	}

	private static Keyring open(Path dataDir, Document document, SecretBytes keyringKey) {
		try {
			Aead unwrap = TinkKeys.aesGcm(keyringKey);
			KeysetHandle master = TinkProtoKeysetFormat.parseEncryptedKeyset(B64D.decode(document.masterKeyset), unwrap,
					MASTER_CONTEXT);
			KeysetHandle signing = TinkProtoKeysetFormat.parseEncryptedKeyset(B64D.decode(document.signingKeyset),
					unwrap, SIGNING_CONTEXT);
			if (document.intakeKeyset == null) {
				// a keyring made before intake: it gets its intake keyset now
				document = document.withIntake(intakeKeyset(unwrap));
				replace(dataDir, document);
			}
			if (!Files.exists(dataDir.resolve(INTAKE_PUBLIC_KEY))) {
				writePublicKey(dataDir, INTAKE_PUBLIC_KEY, "khronika-intake-key/1", document.intakePublicKeyset);
			}
			if (document.publicationKeyset == null) {
				// a keyring made before publishing: it gets its publication keyset now
				document = document.withPublication(publicationKeyset(unwrap));
				replace(dataDir, document);
			}
			KeysetHandle intake = TinkProtoKeysetFormat.parseEncryptedKeyset(B64D.decode(document.intakeKeyset), unwrap,
					INTAKE_CONTEXT);
			KeysetHandle publication = TinkProtoKeysetFormat
				.parseEncryptedKeyset(B64D.decode(document.publicationKeyset), unwrap, PUBLICATION_CONTEXT);
			PublicationSigner publicationSigner = new PublicationSigner(publication);
			if (!Files.exists(dataDir.resolve(PUBLICATION_PUBLIC_KEY))) {
				Files.writeString(dataDir.resolve(PUBLICATION_PUBLIC_KEY), publicationSigner.publicKeyPem(),
						StandardCharsets.US_ASCII);
			}
			return new Keyring(new MasterKey(dataDir.resolve(KEYRING), unwrap, master),
					TinkKeys.primitive(signing, PublicKeySign.class),
					new IntakeOpener(TinkKeys.primitive(intake, HybridDecrypt.class)),
					new IntakeSealer(intake.getPublicKeysetHandle()), publicationSigner);
		}
		catch (IOException ex) {
			throw new KeyringException("a public key could not be written to " + dataDir, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the keyring does not open with this key: it is damaged or belongs elsewhere");
		}
		finally {
			keyringKey.destroy();
		}
	}

	private static Document keysets(SecretBytes keyringKey) {
		try {
			Aead wrap = TinkKeys.aesGcm(keyringKey);
			KeysetHandle master = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			KeysetHandle signing = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
			String[] intake = intakeKeyset(wrap);
			return new Document(FORMAT, null, null, null, null, null, null, null, null,
					B64.encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(master, wrap, MASTER_CONTEXT)),
					B64.encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(signing, wrap, SIGNING_CONTEXT)),
					B64.encodeToString(
							TinkProtoKeysetFormat.serializeKeysetWithoutSecret(signing.getPublicKeysetHandle())),
					intake[0], intake[1], publicationKeyset(wrap));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("new keys could not be generated", ex);
		}
	}

	/**
	 * A new publication keyset (Ed25519 with no prefix: its signatures are the raw 64
	 * bytes any Ed25519 implementation checks), encrypted under {@code wrap}, in Base64.
	 */
	private static String publicationKeyset(Aead wrap) throws GeneralSecurityException {
		KeysetHandle publication = KeysetHandle
			.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
		return B64
			.encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(publication, wrap, PUBLICATION_CONTEXT));
	}

	/**
	 * A new intake keyset (HPKE: X25519, HKDF-SHA256, AES-256-GCM): its private half
	 * encrypted under {@code wrap}, its public half in plain, both in Base64.
	 */
	private static String[] intakeKeyset(Aead wrap) throws GeneralSecurityException {
		KeysetHandle intake = KeysetHandle.generateNew(HpkeParameters.builder()
			.setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
			.setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
			.setAeadId(HpkeParameters.AeadId.AES_256_GCM)
			.setVariant(HpkeParameters.Variant.NO_PREFIX)
			.build());
		return new String[] {
				B64.encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(intake, wrap, INTAKE_CONTEXT)),
				B64.encodeToString(
						TinkProtoKeysetFormat.serializeKeysetWithoutSecret(intake.getPublicKeysetHandle())) };
	}

	private static String wrap(SecretBytes keyringKey, SecretBytes wrappingKey) {
		byte[] raw = keyringKey.reveal();
		try {
			return B64.encodeToString(TinkKeys.aesGcm(wrappingKey).encrypt(raw, KEY_WRAP_CONTEXT));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyringException("the keyring key could not be wrapped", ex);
		}
		finally {
			Arrays.fill(raw, (byte) 0);
			wrappingKey.destroy();
		}
	}

	private static SecretBytes tryUnwrap(String wrapped, SecretBytes wrappingKey) {
		try {
			byte[] raw = TinkKeys.aesGcm(wrappingKey).decrypt(B64D.decode(wrapped), KEY_WRAP_CONTEXT);
			SecretBytes key = new SecretBytes(raw);
			Arrays.fill(raw, (byte) 0);
			return key;
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
		finally {
			wrappingKey.destroy();
		}
	}

	private static Document read(Path dataDir) {
		Path file = dataDir.resolve(KEYRING);
		if (!Files.exists(file)) {
			throw new KeyringException("no keyring in " + dataDir + ": run 'init' first");
		}
		try {
			Document document = JSON.readValue(file.toFile(), Document.class);
			if (!FORMAT.equals(document.format)) {
				throw new KeyringException("the keyring in " + dataDir + " has an unknown format");
			}
			return document;
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new KeyringException("the keyring file " + file + " cannot be read", ex);
		}
	}

	private static void write(Path dataDir, Document document, SecretBytes plainKey) {
		try {
			Files.createDirectories(dataDir);
			restrictToOwner(dataDir);
			if (exists(dataDir)) {
				throw new FileAlreadyExistsException(dataDir.resolve(KEYRING).toString());
			}
			if (plainKey != null) {
				byte[] raw = plainKey.reveal();
				writePrivately(dataDir.resolve(KEY_FILE), B64.encodeToString(raw).getBytes(StandardCharsets.US_ASCII));
				Arrays.fill(raw, (byte) 0);
			}
			writePublicKey(dataDir, PUBLIC_KEY, "khronika-checkpoint-key/1", document.signingPublicKeyset);
			writePublicKey(dataDir, INTAKE_PUBLIC_KEY, "khronika-intake-key/1", document.intakePublicKeyset);
			writePrivately(dataDir.resolve(KEYRING), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
		}
		catch (FileAlreadyExistsException ex) {
			throw new KeyringException("a keyring exists in " + dataDir + " already; it is never overwritten");
		}
		catch (IOException ex) {
			throw new KeyringException("the keyring could not be written to " + dataDir, ex);
		}
	}

	/**
	 * The data directory is the owner's alone: the database files inside it inherit no
	 * wider access.
	 */
	private static void restrictToOwner(Path dataDir) throws IOException {
		try {
			Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the operator must protect the directory
		}
	}

	/**
	 * Replaces keyring.json atomically: a crash leaves the old file or the new, never
	 * half of one.
	 */
	private static void replace(Path dataDir, Document document) {
		try {
			writePrivately(dataDir.resolve(KEYRING), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
		}
		catch (IOException ex) {
			throw new KeyringException(
					"the keyring could not be rewritten in " + dataDir + "; the old one is unchanged", ex);
		}
	}

	private static void writePublicKey(Path dataDir, String file, String format, String keyset) throws IOException {
		writePrivately(dataDir.resolve(file),
				JSON.writeValueAsBytes(java.util.Map.of("format", format, "keyset", keyset)));
	}

	private static void writePrivately(Path target, byte[] content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		if (directory == null) {
			throw new IOException("a keyring file needs a directory: " + target);
		}
		Path temp = Files.createTempFile(directory, ".keyring", ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system: the directory's own permissions must protect
				// it
			}
			Files.write(temp, content);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static SecretBytes randomKey() {
		byte[] raw = randomBytes(32);
		SecretBytes key = new SecretBytes(raw);
		Arrays.fill(raw, (byte) 0);
		return key;
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** The JSON shape of {@code keyring.json}. */
	record Document(String format, String kdf, Integer memoryKiB, Integer iterations, Integer parallelism,
			String passphraseSalt, String passphraseWrappedKey, String recoverySalt, String recoveryWrappedKey,
			String masterKeyset, String signingKeyset, String signingPublicKeyset, String intakeKeyset,
			String intakePublicKeyset, String publicationKeyset) {

		Document withIntake(String[] intake) {
			return new Document(this.format, this.kdf, this.memoryKiB, this.iterations, this.parallelism,
					this.passphraseSalt, this.passphraseWrappedKey, this.recoverySalt, this.recoveryWrappedKey,
					this.masterKeyset, this.signingKeyset, this.signingPublicKeyset, intake[0], intake[1],
					this.publicationKeyset);
		}

		Document withMaster(String keyset) {
			return new Document(this.format, this.kdf, this.memoryKiB, this.iterations, this.parallelism,
					this.passphraseSalt, this.passphraseWrappedKey, this.recoverySalt, this.recoveryWrappedKey, keyset,
					this.signingKeyset, this.signingPublicKeyset, this.intakeKeyset, this.intakePublicKeyset,
					this.publicationKeyset);
		}

		Document withPublication(String keyset) {
			return new Document(this.format, this.kdf, this.memoryKiB, this.iterations, this.parallelism,
					this.passphraseSalt, this.passphraseWrappedKey, this.recoverySalt, this.recoveryWrappedKey,
					this.masterKeyset, this.signingKeyset, this.signingPublicKeyset, this.intakeKeyset,
					this.intakePublicKeyset, keyset);
		}

		Document protectedBy(KeyDerivation cost, byte[] passphraseSalt, String passphraseWrapped, byte[] recoverySalt,
				String recoveryWrapped) {
			return new Document(this.format, "argon2id", cost.memoryKiB(), cost.iterations(), cost.parallelism(),
					B64.encodeToString(passphraseSalt), passphraseWrapped, B64.encodeToString(recoverySalt),
					recoveryWrapped, this.masterKeyset, this.signingKeyset, this.signingPublicKeyset, this.intakeKeyset,
					this.intakePublicKeyset, this.publicationKeyset);
		}

		KeyDerivation cost() {
			if (!"argon2id".equals(this.kdf)) {
				throw new KeyringException("the keyring names an unknown key derivation: " + this.kdf);
			}
			return new KeyDerivation(this.memoryKiB, this.iterations, this.parallelism);
		}

	}

}
