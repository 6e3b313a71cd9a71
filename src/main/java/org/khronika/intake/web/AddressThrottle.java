package org.khronika.intake.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * At most {@code limit} requests per client address (or other key: an intake token) a
 * minute, counted in memory under a keyed hash of the address (HMAC-SHA256 under a random
 * key that is replaced every day and never written anywhere): the counts say nothing
 * about who came, and yesterday's cannot be matched with today's. A fixed window, per
 * node.
 */
final class AddressThrottle {

	private final int limit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private long minute = -1;

	private LocalDate day;

	private Mac mac;

	AddressThrottle(int limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/**
	 * Counts a request from {@code address}; false if it is over the limit this minute.
	 */
	boolean tryAcquire(String address) {
		String key;
		synchronized (this) {
			long now = this.clock.millis() / 60_000;
			if (now != this.minute) {
				this.counts.clear();
				this.minute = now;
			}
			LocalDate today = LocalDate.now(this.clock);
			if (!today.equals(this.day)) {
				this.mac = newKey();
				this.day = today;
			}
			key = Base64.getEncoder().encodeToString(this.mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
		}
		return this.counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= this.limit;
	}

	private Mac newKey() {
		byte[] key = new byte[32];
		this.random.nextBytes(key);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java has HMAC-SHA256", ex);
		}
		finally {
			java.util.Arrays.fill(key, (byte) 0);
		}
	}

}
