package org.khronika.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing on an account without locking anyone out: after
 * {@code freeFailures} failed logins within {@link #WINDOW}, every further attempt on
 * that login waits before its password is checked, 1 s, then 2, 4, 8, up to 16 s. The
 * owner still gets in with the right password, only slower; a success clears the count.
 * Unknown logins are counted the same way, so the delay tells nothing about which logins
 * exist. Per node, in memory.
 */
final class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration MAX_DELAY = Duration.ofSeconds(16);

	private final int freeFailures;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(int freeFailures, Clock clock) {
		this.freeFailures = freeFailures;
		this.clock = clock;
	}

	/** How long the next attempt on {@code login} must wait before it is checked. */
	Duration delayFor(String login) {
		Deque<Instant> recent = this.failures.get(key(login));
		if (recent == null) {
			return Duration.ZERO;
		}
		int count;
		synchronized (recent) {
			prune(recent);
			count = recent.size();
		}
		if (count < this.freeFailures) {
			return Duration.ZERO;
		}
		long seconds = 1L << Math.min(count - this.freeFailures, 4);
		return Duration.ofSeconds(Math.min(seconds, MAX_DELAY.toSeconds()));
	}

	void failed(String login) {
		Deque<Instant> recent = this.failures.computeIfAbsent(key(login), k -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent);
			recent.addLast(this.clock.instant());
		}
		if (this.failures.size() > 100_000) {
			// a flood of invented logins must not fill the heap
			this.failures.entrySet().removeIf(e -> e.getValue().isEmpty());
		}
	}

	void succeeded(String login) {
		this.failures.remove(key(login));
	}

	private void prune(Deque<Instant> recent) {
		Instant oldest = this.clock.instant().minus(WINDOW);
		while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
			recent.removeFirst();
		}
	}

	private static String key(String login) {
		return (login == null) ? "" : login.strip().toLowerCase(Locale.ROOT);
	}

}
