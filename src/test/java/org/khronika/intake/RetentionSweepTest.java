package org.khronika.intake;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Reports past their retention are swept once a day; a sweep that fails is tried again
 * within the hour, not the next day, so that no report is kept a day longer than it may
 * be.
 */
class RetentionSweepTest {

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void aSweepThatDeletesComesAgainTheNextDay() {
		int[] sweeps = { 0 };
		RetentionSweep sweep = new RetentionSweep(() -> ++sweeps[0], this.executor);

		sweep.run();

		assertThat(sweeps[0]).isEqualTo(1);
		assertThat(nextInMinutes()).isBetween(24 * 60 - 1L, 24 * 60L);
	}

	@Test
	void aSweepThatFailsIsTriedAgainWithinTheHour() {
		RetentionSweep sweep = new RetentionSweep(() -> {
			throw new DataAccessResourceFailureException("database away");
		}, this.executor);

		sweep.run();

		assertThat(nextInMinutes()).isBetween(59L, 60L);
	}

	@Test
	void aSweepWhileTheServerStopsEndsQuietly() {
		RetentionSweep sweep = new RetentionSweep(() -> 0, this.executor);
		this.executor.shutdownNow();

		assertThatCode(sweep::run).doesNotThrowAnyException();
	}

	/** In how many minutes the one sweep waiting is due. */
	private long nextInMinutes() {
		assertThat(this.executor.getQueue()).as("the next sweep, waiting").hasSize(1);
		return ((Delayed) this.executor.getQueue().peek()).getDelay(TimeUnit.MINUTES);
	}

}
