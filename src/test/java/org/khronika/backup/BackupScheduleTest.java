package org.khronika.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the server's first backup is due, and which files in the directory are its
 * backups.
 */
class BackupScheduleTest {

	private static final Instant NOW = Instant.parse("2026-12-06T23:00:00Z");

	private static final Duration DAY = Duration.ofDays(1);

	@Test
	void withNoBackupYetTheFirstIsDueOnceTheServerHasSettled() {
		assertThat(BackupSchedule.firstDelay(Optional.empty(), NOW, DAY)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void theFirstIsDueADayAfterTheNewestThereIs() {
		assertThat(BackupSchedule.firstDelay(Optional.of(NOW.minus(Duration.ofHours(23))), NOW, DAY))
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aBackupOverdueIsTakenOnceTheServerHasSettled() {
		assertThat(BackupSchedule.firstDelay(Optional.of(NOW.minus(Duration.ofDays(3))), NOW, DAY))
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aBackupStampedAheadOfTheClockPutsTheNextOffByNoMoreThanOneInterval() {
		assertThat(BackupSchedule.firstDelay(Optional.of(NOW.plus(Duration.ofDays(5))), NOW, DAY)).isEqualTo(DAY);
	}

	@Test
	void anIntervalShorterThanAMinuteIsAlsoTheWaitForTheFirst() {
		assertThat(BackupSchedule.firstDelay(Optional.empty(), NOW, Duration.ofSeconds(2)))
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void onlyFilesNamedAsTheScheduleNamesThemAreItsBackups() {
		assertThat(BackupSchedule.takenAt("khronika-20261206T230000Z.backup"))
			.contains(Instant.parse("2026-12-06T23:00:00Z"));
		assertThat(BackupSchedule.takenAt("khronika-20261206T230000Z.backup.partial")).as("one being written")
			.isEmpty();
		assertThat(BackupSchedule.takenAt("khronika-before-the-move.backup")).as("one an admin named").isEmpty();
		assertThat(BackupSchedule.takenAt("notes.txt")).isEmpty();
	}

}
