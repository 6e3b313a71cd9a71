package org.khronika.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khronika.TestDatabases;
import org.khronika.crypto.jdbc.JdbcSubjectKeyStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealerTest {

	private static final byte[] PLAINTEXT = "Иван Клоков, +7 900 123-45-67".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CONTEXT = "entry-1|subject-a".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	private SubjectKeyStore keys;

	private Sealer sealer;

	@BeforeEach
	void setUp() {
		KeyringFile.createUnprotected(this.dir);
		Keyring keyring = KeyringFile.unlockWithKeyFile(this.dir);
		this.keys = new JdbcSubjectKeyStore(TestDatabases.create(TestDatabases.Engine.SQLITE, this.dir).dataSource(),
				Clock.systemUTC());
		this.sealer = new Sealer(() -> keyring, this.keys);
	}

	@Test
	void opensWhatItSealedUnderTheSameSubjectAndContext() {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);

		assertThat(sealed).isNotEqualTo(PLAINTEXT);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Клоков").doesNotContain("900");
		assertThat(this.sealer.open("subject-a", sealed, CONTEXT)).hasValue(PLAINTEXT);
	}

	@Test
	void refusesWrongAssociatedData() {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);

		assertThatThrownBy(
				() -> this.sealer.open("subject-a", sealed, "entry-2|subject-a".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SealedDataException.class)
			.hasMessageNotContaining("Клоков");
	}

	@Test
	void refusesAnotherSubjectsKey() {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		this.sealer.seal("subject-b", new byte[] { 1 }, CONTEXT);

		assertThatThrownBy(() -> this.sealer.open("subject-b", sealed, CONTEXT))
			.isInstanceOf(SealedDataException.class);
	}

	@Test
	void refusesTruncatedChangedAndEmptyCiphertext() {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		byte[] changed = sealed.clone();
		changed[changed.length / 2] ^= 1;

		assertThatThrownBy(() -> this.sealer.open("subject-a", Arrays.copyOf(sealed, sealed.length - 1), CONTEXT))
			.isInstanceOf(SealedDataException.class);
		assertThatThrownBy(() -> this.sealer.open("subject-a", changed, CONTEXT))
			.isInstanceOf(SealedDataException.class);
		assertThatThrownBy(() -> this.sealer.open("subject-a", new byte[0], CONTEXT))
			.isInstanceOf(SealedDataException.class);
	}

	@Test
	void refusesAKeyringThatDidNotWrapTheSubjectKey(@TempDir Path otherDir) {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		KeyringFile.createUnprotected(otherDir);
		Keyring other = KeyringFile.unlockWithKeyFile(otherDir);
		Sealer withOtherKeyring = new Sealer(() -> other,
				new JdbcSubjectKeyStore(TestDatabases.sqlite(this.dir).dataSource(), Clock.systemUTC()));

		assertThatThrownBy(() -> withOtherKeyring.open("subject-a", sealed, CONTEXT))
			.isInstanceOf(SealedDataException.class);
	}

	@Test
	void destroyedKeyLeavesSealedDataUnreadableAndSealsNothingMore() {
		byte[] sealed = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		byte[] other = this.sealer.seal("subject-b", PLAINTEXT, CONTEXT);

		assertThat(this.sealer.destroy("subject-a")).isTrue();
		this.sealer.scrub();

		assertThat(this.sealer.open("subject-a", sealed, CONTEXT)).isEmpty();
		assertThat(this.sealer.open("subject-b", other, CONTEXT)).hasValue(PLAINTEXT);
		assertThatThrownBy(() -> this.sealer.seal("subject-a", PLAINTEXT, CONTEXT))
			.isInstanceOf(SealedDataException.class);
	}

	@Test
	void opensAPageInOneBatchAsItWouldOneByOne() {
		byte[] a = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		byte[] b = this.sealer.seal("subject-b", "Анна".getBytes(StandardCharsets.UTF_8), CONTEXT);
		byte[] gone = this.sealer.seal("subject-c", "Стёртая".getBytes(StandardCharsets.UTF_8), CONTEXT);
		this.sealer.destroy("subject-c");
		this.sealer.scrub();

		var opened = this.sealer
			.openAll(List.of(new Sealer.Sealed("subject-a", a, CONTEXT), new Sealer.Sealed("subject-c", gone, CONTEXT),
					new Sealer.Sealed("subject-b", b, CONTEXT), new Sealer.Sealed("subject-a", a, CONTEXT)));

		assertThat(opened).hasSize(4);
		assertThat(opened.get(0).plaintext()).isEqualTo(PLAINTEXT);
		assertThat(opened.get(1).plaintext()).as("a shredded subject opens to nothing").isNull();
		assertThat(opened.get(1).unreadable()).as("and that is no fault").isFalse();
		assertThat(opened.get(2).plaintext()).isEqualTo("Анна".getBytes(StandardCharsets.UTF_8));
		assertThat(opened.get(3).plaintext()).isEqualTo(PLAINTEXT);
	}

	@Test
	void aValueThatDoesNotOpenSpoilsNoneOfThePageAndSaysWhyWithoutItsBytes() {
		byte[] a = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		byte[] b = this.sealer.seal("subject-b", "Анна".getBytes(StandardCharsets.UTF_8), CONTEXT);
		byte[] flipped = a.clone();
		flipped[flipped.length - 1] ^= 1;

		var opened = this.sealer.openAll(List.of(new Sealer.Sealed("subject-b", a, CONTEXT),
				new Sealer.Sealed("subject-a", flipped, CONTEXT), new Sealer.Sealed("subject-never", a, CONTEXT),
				new Sealer.Sealed("subject-a", a, "another entry".getBytes(StandardCharsets.UTF_8)),
				new Sealer.Sealed("subject-b", b, CONTEXT)));

		assertThat(opened.get(0).failure()).as("under another subject's key")
			.isEqualTo("sealed data of subject subject-b does not open: it was changed or moved");
		assertThat(opened.get(1).failure()).as("changed")
			.isEqualTo("sealed data of subject subject-a does not open: it was changed or moved");
		assertThat(opened.get(2).failure()).as("a subject that never had a key")
			.isEqualTo("subject subject-never has no data key");
		assertThat(opened.get(3).unreadable()).as("moved to another entry").isTrue();
		assertThat(opened.subList(0, 4)).allSatisfy(one -> {
			assertThat(one.plaintext()).isNull();
			assertThat(one.toString()).doesNotContain(new String(PLAINTEXT, StandardCharsets.UTF_8));
		});
		assertThat(opened.get(4).plaintext()).as("the page's other values open")
			.isEqualTo("Анна".getBytes(StandardCharsets.UTF_8));
		assertThat(opened.get(4).unreadable()).isFalse();
	}

	@Test
	void aSubjectKeyThatDoesNotOpenUnderTheKeyringMakesItsValuesUnreadable() {
		byte[] a = this.sealer.seal("subject-a", PLAINTEXT, CONTEXT);
		Path other = this.dir.resolve("another-keyring");
		KeyringFile.createUnprotected(other);
		Keyring anotherKeyring = KeyringFile.unlockWithKeyFile(other);
		Sealer underAnotherKeyring = new Sealer(() -> anotherKeyring, this.keys);

		var opened = underAnotherKeyring.openAll(List.of(new Sealer.Sealed("subject-a", a, CONTEXT)));

		assertThat(opened.get(0).failure())
			.isEqualTo("the data key of subject subject-a does not open under this keyring");
	}

}
