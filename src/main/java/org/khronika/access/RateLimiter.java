package org.khronika.access;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests per key (a client address, an account) in each minute; a
 * fixed window, per node, in memory. Ten lines: not worth a library.
 */
final class RateLimiter {

	private final int limit;

	private final Clock clock;

	private volatile long minute;

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	RateLimiter(int limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/** Counts a request for {@code key}; false if it is over the limit this minute. */
	boolean tryAcquire(String key) {
		long now = this.clock.millis() / 60_000;
		if (now != this.minute) {
			synchronized (this) {
				if (now != this.minute) {
					this.counts.clear();
					this.minute = now;
				}
			}
		}
		return this.counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= this.limit;
	}

	/** Seconds until the current window ends: the {@code Retry-After} of a refusal. */
	long secondsToNextWindow() {
		return 60 - (this.clock.millis() / 1000) % 60;
	}

}
