package org.khronika.linkage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;

/**
 * Linkage runs started from the web page, one at a time on a thread of their own: a run
 * over a hundred thousand persons takes a minute or more, longer than a page should wait.
 * The page shows how far the latest run has got and what it found. What is kept of a run
 * is counts, never a name.
 */
public final class LinkageRuns {

	private static final Log logger = LogFactory.getLog(LinkageRuns.class);

	/**
	 * What the page shows of a run: who started it, its phase and how much of it is done,
	 * and once finished, its summary or that it failed.
	 */
	public record Snapshot(String login, String phase, long done, long total, Instant started, Instant finished,
			Linkage.Summary summary, boolean failed) {

		public boolean isRunning() {
			return this.finished == null;
		}

		/** How much of the phase is done, in whole percent, or null if not known. */
		public Integer percent() {
			return (this.total > 0) ? (int) Math.min(100, this.done * 100 / this.total) : null;
		}

	}

	private final Linkage linkage;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "khronika-linkage");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Snapshot latest;

	LinkageRuns(Linkage linkage, Clock clock) {
		this.linkage = linkage;
		this.clock = clock;
	}

	/**
	 * Starts a run as {@code actor} unless one is running already.
	 * @return whether a run was started (false: one is running)
	 * @throws AccessRefused unless {@code actor} may run linkage
	 */
	public synchronized boolean start(Actor actor) {
		this.linkage.requireLinker(actor);
		if (this.latest != null && this.latest.isRunning()) {
			return false;
		}
		Instant started = this.clock.instant();
		this.latest = new Snapshot(actor.login(), "read", 0, 0, started, null, null, false);
		this.executor.execute(() -> execute(actor, started));
		return true;
	}

	/** The latest run, running or finished, if {@code actor} may run linkage. */
	public Optional<Snapshot> latest(Actor actor) {
		this.linkage.requireLinker(actor);
		return Optional.ofNullable(this.latest);
	}

	private void execute(Actor actor, Instant started) {
		try {
			Linkage.Summary summary = this.linkage.run(actor,
					(phase, done, total) -> this.latest = new Snapshot(actor.login(), phase, done, total, started, null,
							null, false));
			this.latest = new Snapshot(actor.login(), "proposals", summary.proposals(), summary.proposals(), started,
					this.clock.instant(), summary, false);
		}
		catch (RuntimeException ex) {
			// the class only: a message could quote a name
			logger.error("linkage run failed: " + ex.getClass().getName());
		}
		finally {
			// whatever stopped it (out of memory too), the run is over and another may
			// start
			Snapshot last = this.latest;
			if (last.isRunning()) {
				this.latest = new Snapshot(actor.login(), last.phase(), last.done(), last.total(), started,
						this.clock.instant(), null, true);
			}
		}
	}

}
