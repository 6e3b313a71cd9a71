package org.khronika.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash of every log depends on these bytes: if this test fails, existing logs no
 * longer verify.
 */
class LogEntryTest {

	private static final EntryIdentity IDENTITY = new EntryIdentity(
			UUID.fromString("00000000-0000-4000-8000-000000000001"), "11111111-1111-4111-8111-111111111111");

	private static final LogEntry ENTRY = LogEntry.chain(new PendingEntry(IDENTITY, "person.recorded", 1, "editor",
			"{\"region\":\"moscow\"}", new byte[] { 1, 2, 3 }), 7, Instant.parse("2025-03-04T10:15:30.123Z"),
			LogEntry.GENESIS);

	@Test
	void canonicalEncodingIsPinned() {
		assertThat(HexFormat.of().formatHex(ENTRY.canonicalBytes()))
			.isEqualTo("6b68726f6e696b612d6c6f672d656e7472792f31" // khronika-log-entry/1
					+ "0000000137" // 7
					+ "00000024" + hex("00000000-0000-4000-8000-000000000001") + "00000024"
					+ hex("11111111-1111-4111-8111-111111111111") + "0000000f" + hex("person.recorded") + "0000000131" // 1
					+ "00000018" + hex("2025-03-04T10:15:30.123Z") + "00000006" + hex("editor") + "00000013"
					+ hex("{\"region\":\"moscow\"}") + "00000003010203");
	}

	@Test
	void hashIsSha256OfPreviousHashAndCanonicalBytes() {
		// computed independently: sha256(bytes(32) + canonical bytes) in Python
		assertThat(ENTRY.hash()).isEqualTo("b310ad6ea1dda79319f5ed9caea11dd285b639a4b0b03f72f270b231d7400f79");
		assertThat(ENTRY.computeHash()).isEqualTo(ENTRY.hash());
	}

	@Test
	void everyFieldIsCoveredByTheHash() {
		LogEntry otherActor = LogEntry.chain(new PendingEntry(IDENTITY, "person.recorded", 1, "editor2",
				"{\"region\":\"moscow\"}", new byte[] { 1, 2, 3 }), 7, ENTRY.recordedAt(), LogEntry.GENESIS);
		LogEntry otherSealed = LogEntry.chain(new PendingEntry(IDENTITY, "person.recorded", 1, "editor",
				"{\"region\":\"moscow\"}", new byte[] { 1, 2, 4 }), 7, ENTRY.recordedAt(), LogEntry.GENESIS);
		LogEntry otherPrevious = LogEntry.chain(new PendingEntry(IDENTITY, "person.recorded", 1, "editor",
				"{\"region\":\"moscow\"}", new byte[] { 1, 2, 3 }), 7, ENTRY.recordedAt(), "1".repeat(64));

		assertThat(otherActor.hash()).isNotEqualTo(ENTRY.hash());
		assertThat(otherSealed.hash()).isNotEqualTo(ENTRY.hash());
		assertThat(otherPrevious.hash()).isNotEqualTo(ENTRY.hash());
	}

	@Test
	void associatedDataIsTheEntryIdentity() {
		assertThat(new String(IDENTITY.associatedData(), StandardCharsets.UTF_8))
			.isEqualTo("khronika-entry/1|00000000-0000-4000-8000-000000000001|11111111-1111-4111-8111-111111111111");
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

}
