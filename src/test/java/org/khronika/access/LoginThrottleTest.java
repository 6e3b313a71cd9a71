package org.khronika.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private Instant now = Instant.parse("2026-11-27T10:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return LoginThrottleTest.this.now;
		}
	};

	private final LoginThrottle throttle = new LoginThrottle(5, this.clock);

	@Test
	void fiveFailuresAreFreeThenEachTryWaitsLongerUpToSixteenSeconds() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("anna");
		}
		assertThat(this.throttle.delayFor("anna")).isZero();
		this.throttle.failed("anna");
		assertThat(this.throttle.delayFor("anna")).isEqualTo(Duration.ofSeconds(1));
		this.throttle.failed("anna");
		assertThat(this.throttle.delayFor("anna")).isEqualTo(Duration.ofSeconds(2));
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("anna");
		}
		assertThat(this.throttle.delayFor("anna")).isEqualTo(LoginThrottle.MAX_DELAY);
	}

	@Test
	void countsPerLoginWhetherOrNotItExistsAndIgnoresCase() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("No-Such-Login");
		}
		assertThat(this.throttle.delayFor("no-such-login")).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.delayFor("anna")).as("other logins are not slowed").isZero();
	}

	@Test
	void aSuccessOrFifteenQuietMinutesClearTheCount() {
		for (int i = 0; i < 6; i++) {
			this.throttle.failed("anna");
			this.throttle.failed("boris");
		}
		this.throttle.succeeded("anna");
		assertThat(this.throttle.delayFor("anna")).isZero();

		this.now = this.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
		assertThat(this.throttle.delayFor("boris")).isZero();
	}

}
