package org.khronika.registry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * The deep check in a serving Khronika, when asked: once at start
 * ({@code khronika.verify.deep-at-start=true}) and every
 * {@code khronika.verify.deep-every} (for example {@code 6h}). A difference stops every
 * write to the log, says why in the server's log and in the readiness check, and stays
 * until the tables are repaired ({@code rebuild}) and Khronika is started again.
 */
class DeepCheckSchedule implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Log logger = LogFactory.getLog(DeepCheckSchedule.class);

	private final DeepCheck check;

	private final boolean atStart;

	private final Duration every;

	private ScheduledExecutorService scheduler;

	DeepCheckSchedule(DeepCheck check, boolean atStart, Duration every) {
		this.check = check;
		this.atStart = atStart;
		this.every = every;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		if (this.atStart) {
			runOnce();
		}
		if (this.every != null && !this.every.isZero()) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "khronika-deep-check");
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler.scheduleWithFixedDelay(this::runOnce, this.every.toMillis(), this.every.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void runOnce() {
		try {
			DeepCheck.Result result = this.check.runAndHaltOnDifference();
			if (result.agrees()) {
				logger.info("deep check: " + result.rows() + " rows of " + result.tables()
						+ " tables, every account with its credentials and tokens, and every prisoner decision and snapshot agree with the log");
			}
			else {
				logger.error("deep check: " + result.differences().size()
						+ " rows differ from the log; writes are stopped. The first: " + result.differences().get(0));
			}
		}
		catch (RuntimeException ex) {
			logger.error("deep check could not run: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

}
