package org.khronika.imports;

import org.khronika.catalog.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Capability;

/**
 * Imports started from the web page, run one at a time on a thread of their own, so that
 * an import goes on when the page that started it is closed; its progress and report stay
 * available to the account that started it (and to those who oversee imports) until the
 * server stops (the last {@value #MAX_JOBS} jobs). The uploaded table stays in memory,
 * never on the disk: after a dry run until its import is started (or {@link #KEEP_UPLOAD}
 * passes), and during that import.
 */
public final class ImportJobs {

	/**
	 * How long an uploaded table waits, after its dry run, for its import to be started.
	 */
	static final Duration KEEP_UPLOAD = Duration.ofHours(1);

	/** The most jobs remembered; the oldest finished ones are forgotten first. */
	static final int MAX_JOBS = 200;

	/** The most uploaded bytes held at once; another upload waits for room. */
	static final long MAX_HELD_BYTES = 400L * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(ImportJobs.class);

	/** Where a job is. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED

	}

	/**
	 * What a page shows of a job.
	 *
	 * @param runnable whether this is a finished dry run whose import may be started: one
	 * that would write a row
	 * @param run the id of the import started from this dry run, or null
	 */
	public record Snapshot(String id, String owner, String fileName, String profileName, boolean dryRun, State state,
			String phase, long rows, double fraction, Instant started, Instant finished, ImportReport report,
			Message failure, boolean runnable, String run) {

		public boolean isFinished() {
			return this.state == State.DONE || this.state == State.FAILED;
		}

		/**
		 * Whether this is a finished dry run in which no row would be written: every row
		 * refused or blank, so there is nothing to import until the table is corrected.
		 */
		public boolean nothingToImport() {
			return this.dryRun && this.state == State.DONE && this.report != null && !this.report.writesAny();
		}

		/**
		 * How far the phase has read the file, in thousandths, or null if unknown (XLSX).
		 */
		public Integer permille() {
			return Double.isNaN(this.fraction) ? null : (int) Math.round(this.fraction * 1000);
		}

	}

	private final Importer importer;

	private final AccessPolicy policy;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "khronika-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	ImportJobs(Importer importer, AccessPolicy policy, Clock clock) {
		this.importer = importer;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Queues a dry run of {@code file} (held in memory) through {@code profile} as
	 * {@code actor}; returns the job's id.
	 * @throws ImportFailure if the server holds too many uploads already
	 */
	public String checkFirst(Actor actor, MappingProfile profile, String fileName, byte[] table) {
		forgetOldUploads();
		long held = this.jobs.values().stream().mapToLong(Job::heldBytes).sum();
		if (held + table.length > MAX_HELD_BYTES) {
			throw new ImportFailure("import.tooManyUploads");
		}
		return submit(new Job(actor, profile, fileName, table, true));
	}

	/**
	 * Starts the import the dry run {@code dryRunId} checked, once; returns the new job's
	 * id.
	 * @throws ImportFailure if there is no such finished dry run of the actor's, or its
	 * table is no longer held
	 */
	public String importChecked(Actor actor, String dryRunId) {
		Job dryRun = this.jobs.get(dryRunId);
		if (dryRun == null || !dryRun.actor.equals(actor)) {
			throw new ImportFailure("import.noSuchDryRun");
		}
		synchronized (dryRun) {
			if (dryRun.run != null) {
				return dryRun.run;
			}
			if (!dryRun.snapshot().runnable()) {
				throw new ImportFailure("import.dryRunNotRunnable");
			}
			dryRun.run = submit(new Job(actor, dryRun.profile, dryRun.fileName, dryRun.table, false));
			dryRun.table = null;
			return dryRun.run;
		}
	}

	/** The job, if it exists and {@code actor} started it or oversees every import. */
	public Optional<Snapshot> find(Actor actor, String id) {
		Job job = this.jobs.get(id);
		return (job != null && mayView(actor, job)) ? Optional.of(job.snapshot()) : Optional.empty();
	}

	/**
	 * How many jobs are in {@code state} now, whoever started them: a number for the
	 * operators' metrics, nothing about any job.
	 */
	public long count(State state) {
		return this.jobs.values().stream().filter(job -> job.state == state).count();
	}

	/** The jobs {@code actor} may see, newest first. */
	public List<Snapshot> list(Actor actor) {
		forgetOldUploads();
		return this.jobs.values()
			.stream()
			.filter(job -> mayView(actor, job))
			.map(Job::snapshot)
			.sorted(Comparator.comparing(Snapshot::started).reversed())
			.toList();
	}

	private boolean mayView(Actor actor, Job job) {
		return job.actor.login().equals(actor.login())
				|| this.policy.may(actor, Capability.OVERSEE_IMPORTS).isGranted();
	}

	private String submit(Job job) {
		this.jobs.put(job.id, job);
		this.executor.execute(() -> execute(job));
		return job.id;
	}

	private void execute(Job job) {
		job.state = State.RUNNING;
		try {
			ImportReport report = this.importer.run(job.actor, job.profile, ImportFile.of(job.fileName, job.table),
					job.dryRun, (phase, rows, fraction) -> {
						job.phase = phase;
						job.rows = rows;
						job.fraction = fraction;
					});
			job.report = report;
			job.state = State.DONE;
		}
		catch (ImportFailure ex) {
			job.failure = ex.what();
			job.state = State.FAILED;
		}
		catch (ProfileException ex) {
			job.failure = ex.what();
			job.state = State.FAILED;
		}
		catch (RuntimeException ex) {
			// the class only: a message could quote a cell of the table
			logger.error("import job " + job.id + " failed: " + ex.getClass().getName());
			job.failure = Message.of("import.unexpected", ex.getClass().getSimpleName());
			job.state = State.FAILED;
		}
		finally {
			job.finished = this.clock.instant();
			if (!job.dryRun || job.state == State.FAILED) {
				job.table = null;
			}
		}
	}

	private void forgetOldUploads() {
		List<Job> finished = this.jobs.values()
			.stream()
			.filter(job -> job.finished != null && job.table == null)
			.sorted(Comparator.comparing((Job job) -> job.finished))
			.toList();
		for (int i = 0; i < finished.size() && this.jobs.size() > MAX_JOBS; i++) {
			this.jobs.remove(finished.get(i).id);
		}
		Instant limit = this.clock.instant().minus(KEEP_UPLOAD);
		for (Job job : this.jobs.values()) {
			synchronized (job) {
				if (job.dryRun && job.finished != null && job.finished.isBefore(limit)) {
					job.table = null;
				}
			}
		}
	}

	/** One upload's dry run, or one import. */
	private final class Job {

		final String id = UUID.randomUUID().toString();

		final Actor actor;

		final MappingProfile profile;

		final String fileName;

		final boolean dryRun;

		final Instant started = ImportJobs.this.clock.instant();

		volatile byte[] table;

		volatile State state = State.QUEUED;

		volatile String phase = "check";

		volatile long rows;

		volatile double fraction;

		volatile Instant finished;

		volatile ImportReport report;

		volatile Message failure;

		volatile String run;

		Job(Actor actor, MappingProfile profile, String fileName, byte[] table, boolean dryRun) {
			this.actor = actor;
			this.profile = profile;
			this.fileName = fileName;
			this.table = table;
			this.dryRun = dryRun;
		}

		long heldBytes() {
			byte[] held = this.table;
			return (held != null) ? held.length : 0;
		}

		Snapshot snapshot() {
			boolean runnable = this.dryRun && this.state == State.DONE && this.table != null && this.run == null
					&& this.report != null && this.report.writesAny();
			return new Snapshot(this.id, this.actor.login(), this.fileName, this.profile.name(), this.dryRun,
					this.state, this.phase, this.rows, this.fraction, this.started, this.finished, this.report,
					this.failure, runnable, this.run);
		}

	}

}
