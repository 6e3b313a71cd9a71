package org.khronika.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

	@Test
	void allowsTheLimitPerKeyInEachMinuteThenRefusesUntilTheNext() {
		Instant start = Instant.parse("2026-11-27T10:00:10Z");
		RateLimiter limiter = new RateLimiter(3, Clock.fixed(start, ZoneOffset.UTC));
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
		}
		assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
		assertThat(limiter.tryAcquire("10.0.0.2")).as("another key has its own count").isTrue();
		assertThat(limiter.secondsToNextWindow()).isEqualTo(50);

		RateLimiter later = new RateLimiter(3, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC));
		assertThat(later.tryAcquire("10.0.0.1")).isTrue();
	}

}
