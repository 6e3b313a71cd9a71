package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intake key: a report sealed with the public key beside the keyring opens only with
 * the unlocked keyring, and only for the report and part it was sealed for.
 */
class IntakeKeyTest {

	@TempDir
	Path dir;

	private static final byte[] REPORT = "{\"what\":\"detention\",\"who\":\"Брат Александр\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void aReportSealedWithThePublicKeyAloneOpensOnlyWithTheKeyringForItsOwnContext() throws Exception {
		KeyringFile.createUnprotected(this.dir);
		IntakeSealer sealer = KeyringFile.intakeSealer(this.dir);

		byte[] sealed = sealer.seal(REPORT, "report 1 answers");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("detention");
		IntakeOpener opener = KeyringFile.unlockWithKeyFile(this.dir).intakeOpener();
		assertThat(opener.open(sealed, "report 1 answers")).isEqualTo(REPORT);
		assertThatThrownBy(() -> opener.open(sealed, "report 2 answers")).as("moved to another report")
			.isInstanceOf(SealedDataException.class);
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> opener.open(sealed, "report 1 answers")).as("changed")
			.isInstanceOf(SealedDataException.class);
		assertThat(Files.readString(this.dir.resolve(KeyringFile.INTAKE_PUBLIC_KEY))).contains("khronika-intake-key/1");
	}

	@Test
	void whatIsSealedThroughBouncyCastleIsTinksOwnHpkeAndEachOpensTheOthersKind() throws Exception {
		KeyringFile.createUnprotected(this.dir);
		IntakeSealer sealer = KeyringFile.intakeSealer(this.dir);
		assertThat(sealer.fast()).as("the keyring's intake key is sealed to through Bouncy Castle").isTrue();
		JsonNode file = JsonMapper.builder()
			.build()
			.readTree(Files.readString(this.dir.resolve(KeyringFile.INTAKE_PUBLIC_KEY)));
		com.google.crypto.tink.KeysetHandle publicKeyset = com.google.crypto.tink.TinkProtoKeysetFormat
			.parseKeysetWithoutSecret(java.util.Base64.getDecoder().decode(file.get("keyset").asString()));
		com.google.crypto.tink.HybridEncrypt tink = TinkKeys.primitive(publicKeyset,
				com.google.crypto.tink.HybridEncrypt.class);
		IntakeOpener opener = KeyringFile.unlockWithKeyFile(this.dir).intakeOpener();

		byte[] ours = sealer.seal(REPORT, "report 1 answers");
		byte[] theirs = tink.encrypt(REPORT, "report 1 answers".getBytes(StandardCharsets.UTF_8));

		assertThat(ours).as("the same layout: a 32-byte encapsulated key, then the ciphertext").hasSameSizeAs(theirs);
		assertThat(opener.open(ours, "report 1 answers")).isEqualTo(REPORT);
		assertThat(opener.open(theirs, "report 1 answers")).isEqualTo(REPORT);
		assertThat(sealer.seal(REPORT, "report 1 answers")).as("a fresh ephemeral key each time").isNotEqualTo(ours);
	}

	@Test
	void anotherOrganisationsKeyringDoesNotOpenIt() {
		KeyringFile.createUnprotected(this.dir);
		KeyringFile.createUnprotected(this.dir.resolve("other"));
		byte[] sealed = KeyringFile.intakeSealer(this.dir).seal(REPORT, "report 1 answers");

		IntakeOpener other = KeyringFile.unlockWithKeyFile(this.dir.resolve("other")).intakeOpener();
		assertThatThrownBy(() -> other.open(sealed, "report 1 answers")).isInstanceOf(SealedDataException.class);
	}

	@Test
	void aKeyringMadeBeforeIntakeIsGivenItsIntakeKeyWhenNextUnlocked() throws Exception {
		KeyringFile.createUnprotected(this.dir);
		Path file = this.dir.resolve(KeyringFile.KEYRING);
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode old = (ObjectNode) json.readTree(file.toFile());
		old.remove("intakeKeyset");
		old.remove("intakePublicKeyset");
		Files.write(file, json.writeValueAsBytes(old));
		Files.delete(this.dir.resolve(KeyringFile.INTAKE_PUBLIC_KEY));
		assertThatThrownBy(() -> KeyringFile.intakeSealer(this.dir)).isInstanceOf(KeyringException.class)
			.hasMessageContaining("unlock the keyring once");

		Keyring keyring = KeyringFile.unlockWithKeyFile(this.dir);

		JsonNode upgraded = json.readTree(file.toFile());
		assertThat(upgraded.has("intakeKeyset")).isTrue();
		byte[] sealed = KeyringFile.intakeSealer(this.dir).seal(REPORT, "report 1 answers");
		assertThat(keyring.intakeOpener().open(sealed, "report 1 answers")).isEqualTo(REPORT);
		assertThat(KeyringFile.unlockWithKeyFile(this.dir).intakeOpener().open(sealed, "report 1 answers"))
			.as("the same key at the next unlock")
			.isEqualTo(REPORT);
	}

	@Test
	void aReportAndItsConversationKeyOpenForTheMonitorsWithTheKeyringAndTheKeyForTheReporterWithTheReceiptOnly() {
		KeyringFile.createUnprotected(this.dir);
		ConversationKey key = ConversationKey.generate();
		byte[] envelope = key.sealWith(KeyringFile.intakeSealer(this.dir), REPORT, "report-1 answers");
		byte[] forReporter = key.wrappedFor("RECEIPTCODEONE", "report-1");
		byte[] question = key.seal("Есть ли у него адвокат?", "report-1 message 1");

		ConversationKey.Envelope opened = ConversationKey.opened(KeyringFile.unlockWithKeyFile(this.dir).intakeOpener(),
				envelope, "report-1 answers");
		ConversationKey reporter = ConversationKey.unwrappedWith("RECEIPTCODEONE", "report-1", forReporter);

		assertThat(opened.content()).isEqualTo(REPORT);
		assertThat(opened.key().open(question, "report-1 message 1")).isEqualTo("Есть ли у него адвокат?");
		assertThat(reporter.open(opened.key().seal("Нет", "report-1 message 2"), "report-1 message 2"))
			.isEqualTo("Нет");
		assertThatThrownBy(() -> ConversationKey.unwrappedWith("RECEIPTCODETWO", "report-1", forReporter))
			.as("another receipt")
			.isInstanceOf(SealedDataException.class);
		assertThatThrownBy(() -> ConversationKey.unwrappedWith("RECEIPTCODEONE", "report-2", forReporter))
			.as("another report")
			.isInstanceOf(SealedDataException.class);
		assertThatThrownBy(() -> reporter.open(question, "report-1 message 2")).as("moved in the conversation")
			.isInstanceOf(SealedDataException.class);
	}

}
