package org.khronika.intake.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the memory that reports with files take while they are read. A file is never
 * written to the disk before it is sealed (it would lie there in plain), so the body of a
 * report is held in memory: without a bound, a few dozen reports of 100 MB at once would
 * exhaust the server. Each report over 1 MiB takes as many megabytes from a pool as its
 * body declares (all of the pool, if it declares more: it then goes alone), and waits up
 * to {@value #WAIT_SECONDS} seconds for them; if they do not come free, it is answered
 * 503 with a page asking to send again in a minute. Reports without files never wait.
 */
final class UploadGate extends OncePerRequestFilter {

	private static final long MEGABYTE = 1024 * 1024;

	private static final int WAIT_SECONDS = 30;

	private final Semaphore megabytes;

	private final int pool;

	private final java.time.Duration wait;

	UploadGate(int megabytes, java.time.Duration wait) {
		this.pool = megabytes;
		this.megabytes = new Semaphore(megabytes, true);
		this.wait = wait;
	}

	/**
	 * A gate of {@code megabytes} in front of {@code /report} and the report API; 0 for a
	 * fifth of the heap (each megabyte sent is held about four times: as sent, as a file,
	 * cleaned, sealed).
	 */
	static FilterRegistrationBean<UploadGate> registered(int megabytes) {
		int pool = (megabytes > 0) ? megabytes : (int) Math.max(1, Runtime.getRuntime().maxMemory() / 5 / MEGABYTE);
		FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(
				new UploadGate(pool, java.time.Duration.ofSeconds(WAIT_SECONDS)));
		registration.addUrlPatterns("/report", "/api/v1/reports");
		return registration;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (!"POST".equals(request.getMethod()) || length <= MEGABYTE) {
			chain.doFilter(request, response);
			return;
		}
		int needed = (int) Math.min(this.pool, (length + MEGABYTE - 1) / MEGABYTE);
		boolean acquired;
		try {
			acquired = this.megabytes.tryAcquire(needed, this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			response.setHeader("Retry-After", "60");
			response.sendError(503);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.megabytes.release(needed);
		}
	}

}
