package org.khronika.intake;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Deletes the reports past their retention: a minute after the server starts, then once a
 * day, and an hour after a sweep that failed (the database out of reach), so that a
 * report is not kept a day longer than it may be. Only counts and the kind of failure go
 * to the log.
 */
final class RetentionSweep implements Runnable {

	private static final Log logger = LogFactory.getLog(Reports.class);

	/** The time between sweeps. */
	static final Duration DAILY = Duration.ofDays(1);

	/** The time from a failed sweep to the next try. */
	static final Duration RETRY = Duration.ofHours(1);

	private final IntSupplier deleteExpired;

	private final ScheduledExecutorService executor;

	RetentionSweep(IntSupplier deleteExpired, ScheduledExecutorService executor) {
		this.deleteExpired = deleteExpired;
		this.executor = executor;
	}

	/** Starts sweeping: the first a minute from now. */
	void start() {
		schedule(Duration.ofMinutes(1));
	}

	@Override
	public void run() {
		schedule(sweep());
	}

	/**
	 * Deletes once.
	 * @return when to sweep next: in a day, or in an hour if this sweep failed
	 */
	Duration sweep() {
		try {
			int deleted = this.deleteExpired.getAsInt();
			if (deleted > 0) {
				logger.info("intake: deleted " + deleted + " report(s) past their retention");
			}
			return DAILY;
		}
		catch (RuntimeException ex) {
			// the exception's class only: its message may quote the statement's values
			logger.error("intake: reports past their retention could not be deleted (" + rootCause(ex)
					+ "); trying again in an hour");
			return RETRY;
		}
	}

	private void schedule(Duration delay) {
		try {
			this.executor.schedule(this, delay.toMinutes(), TimeUnit.MINUTES);
		}
		catch (RejectedExecutionException ex) {
			// the server is stopping
		}
	}

	private static String rootCause(Throwable thrown) {
		Throwable cause = thrown;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause == thrown) ? thrown.getClass().getName()
				: thrown.getClass().getName() + ", caused by " + cause.getClass().getName();
	}

}
