package org.khronika.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.crypto.KeyringUnlock;

/**
 * The server's own backups: every {@code every} (a day unless set), a backup of the
 * running server into a directory, named for the moment it was taken
 * ({@code khronika-20261206T230000Z.backup}), and the backups there older than
 * {@code keep} deleted once a new one is whole. It uses the keyring the server unlocked
 * at its start, so an installation backs up unattended with no passphrase stored
 * anywhere. The first backup is due {@code every} after the newest in the directory (at
 * once if that is past, but not in the server's first minute); a failed one is tried
 * again an hour later (or after {@code every}, if shorter). Only what happened, counts
 * and the kind of a failure go to the log.
 */
public final class BackupSchedule implements Runnable {

	private static final Log logger = LogFactory.getLog(BackupSchedule.class);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String PREFIX = "khronika-";

	private static final String SUFFIX = ".backup";

	/** The time from a server's start to its first backup, at the soonest. */
	static final Duration SETTLE = Duration.ofMinutes(1);

	/** The time from a failed backup to the next try, at the longest. */
	static final Duration RETRY = Duration.ofHours(1);

	private final Settings settings;

	private final Path dataDirectory;

	private final KeyringUnlock keyring;

	private final DataSource dataSource;

	private final Clock clock;

	private final ScheduledExecutorService executor;

	private volatile Instant lastWritten;

	BackupSchedule(Settings settings, Path dataDirectory, KeyringUnlock keyring, DataSource dataSource, Clock clock,
			ScheduledExecutorService executor) {
		this.settings = settings;
		this.dataDirectory = dataDirectory;
		this.keyring = keyring;
		this.dataSource = dataSource;
		this.clock = clock;
		this.executor = executor;
	}

	/**
	 * Where, how often and how long backups are kept.
	 *
	 * @param directory where the backups are written (made, readable by its owner only,
	 * if it is not there)
	 * @param every the time between backups
	 * @param keep how long a backup is kept once a newer one is whole
	 */
	record Settings(Path directory, Duration every, Duration keep) {

		Settings {
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException("khronika.backup.every must be longer than nothing: " + every);
			}
			if (keep.isNegative()) {
				throw new IllegalArgumentException("khronika.backup.keep-days must not be negative");
			}
		}

	}

	/** Schedules the first backup, and says so in the log. */
	void start() throws IOException {
		if (!Files.isDirectory(this.settings.directory())) {
			Files.createDirectories(this.settings.directory(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		Duration first = firstDelay(newest(), this.clock.instant(), this.settings.every());
		logger.info("backups every " + this.settings.every() + " into " + this.settings.directory() + ", kept "
				+ this.settings.keep().toDays() + " days; the next in " + first.toMinutes() + " min");
		schedule(first);
	}

	@Override
	public void run() {
		schedule(backUp());
	}

	/**
	 * Writes one backup, then deletes the old ones.
	 * @return when to back up next: after {@code every}, or sooner after a failure
	 */
	Duration backUp() {
		if (!this.keyring.isUnlocked()) {
			logger.warn("backup skipped: the keyring is locked; trying again in " + retry().toMinutes() + " min");
			return retry();
		}
		Instant now = this.clock.instant();
		Path file = this.settings.directory().resolve(PREFIX + STAMP.format(now) + SUFFIX);
		try {
			Backups.Summary summary = Backups.write(file, this.dataDirectory, this.keyring.get(), this.dataSource,
					rows -> {
					});
			this.lastWritten = now;
			logger.info("backed up " + summary.rows() + " rows of " + summary.tables() + " tables to " + file);
		}
		catch (BackupException ex) {
			// says which file, never what is in it
			logger.error("backup failed: " + ex.getMessage() + "; trying again in " + retry().toMinutes() + " min");
			return retry();
		}
		catch (IOException | java.sql.SQLException | RuntimeException ex) {
			// the exception's class only: a database's message may quote values
			logger.error("backup to " + file + " failed (" + ex.getClass().getName() + "); trying again in "
					+ retry().toMinutes() + " min");
			return retry();
		}
		try {
			int deleted = deleteOlderThan(now.minus(this.settings.keep()), file);
			if (deleted > 0) {
				logger.info("deleted the backups older than " + this.settings.keep().toDays() + " days: " + deleted);
			}
		}
		catch (IOException ex) {
			logger.error("backups older than " + this.settings.keep().toDays() + " days could not be deleted from "
					+ this.settings.directory() + " (" + ex.getClass().getName() + ")");
		}
		return this.settings.every();
	}

	/**
	 * Stops backing up: the server is stopping. A backup being written is left to fail.
	 */
	void stop() {
		this.executor.shutdownNow();
	}

	/** When this server last wrote a backup, if it has. */
	Optional<Instant> lastWritten() {
		return Optional.ofNullable(this.lastWritten);
	}

	/**
	 * The time to the first backup: {@code every} after the newest one there is, but not
	 * sooner than {@link #SETTLE} from now (nor later than {@code every} from now).
	 */
	static Duration firstDelay(Optional<Instant> newest, Instant now, Duration every) {
		Duration settle = (every.compareTo(SETTLE) < 0) ? every : SETTLE;
		Duration due = newest.map(taken -> Duration.between(now, taken.plus(every))).orElse(Duration.ZERO);
		if (due.compareTo(settle) < 0) {
			return settle;
		}
		return (due.compareTo(every) > 0) ? every : due;
	}

	/**
	 * When the backup in a file of this name was taken; empty if the name is not one of
	 * ours.
	 */
	static Optional<Instant> takenAt(String fileName) {
		if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
			return Optional.empty();
		}
		try {
			return Optional.of(STAMP.parse(fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length()),
					Instant::from));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Instant> takenAt(Path file) {
		Path name = file.getFileName();
		return (name != null) ? takenAt(name.toString()) : Optional.empty();
	}

	private Duration retry() {
		return (this.settings.every().compareTo(RETRY) < 0) ? this.settings.every() : RETRY;
	}

	private Optional<Instant> newest() throws IOException {
		return backups().values().stream().max(Instant::compareTo);
	}

	/**
	 * The backups in the directory, each with when it was taken: only the files named as
	 * this schedule names them.
	 */
	private Map<Path, Instant> backups() throws IOException {
		Map<Path, Instant> backups = new HashMap<>();
		try (Stream<Path> files = Files.list(this.settings.directory())) {
			files.forEach(file -> takenAt(file).ifPresent(taken -> backups.put(file, taken)));
		}
		return backups;
	}

	private int deleteOlderThan(Instant before, Path written) throws IOException {
		int deleted = 0;
		for (Map.Entry<Path, Instant> backup : backups().entrySet()) {
			if (!backup.getKey().equals(written) && backup.getValue().isBefore(before)) {
				Files.deleteIfExists(backup.getKey());
				deleted++;
			}
		}
		return deleted;
	}

	private void schedule(Duration delay) {
		try {
			this.executor.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the server is stopping
		}
	}

}
