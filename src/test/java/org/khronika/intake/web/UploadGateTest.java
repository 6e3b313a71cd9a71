package org.khronika.intake.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports with files wait for room in memory rather than exhaust it: a report takes as
 * many megabytes as its body declares, and one that finds none free in time is asked to
 * come back in a minute. Small reports never wait.
 */
class UploadGateTest {

	private static MockHttpServletRequest report(int megabytes) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/report");
		request.setContent(new byte[megabytes * 1024 * 1024]);
		return request;
	}

	@Test
	void aReportThatFindsNoRoomInTimeIsAskedToComeBackAndOneThatFindsRoomGoesThrough() throws Exception {
		UploadGate gate = new UploadGate(10, Duration.ofMillis(200));
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		FilterChain holding = (request, response) -> {
			inside.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		CompletableFuture<Void> large = CompletableFuture
			.runAsync(() -> filter(gate, report(8), new MockHttpServletResponse(), holding));
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse refused = new MockHttpServletResponse();
		boolean[] passed = { false };
		filter(gate, report(5), refused, (request, response) -> passed[0] = true);
		assertThat(passed[0]).as("8 of 10 MB are taken: 5 more do not fit").isFalse();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("60");

		MockHttpServletResponse small = new MockHttpServletResponse();
		filter(gate, report(0), small, (request, response) -> passed[0] = true);
		assertThat(passed[0]).as("a report without files never waits").isTrue();

		release.countDown();
		large.get(10, TimeUnit.SECONDS);
		passed[0] = false;
		filter(gate, report(5), new MockHttpServletResponse(), (request, response) -> passed[0] = true);
		assertThat(passed[0]).as("the room is given back").isTrue();
	}

	private static void filter(UploadGate gate, MockHttpServletRequest request, MockHttpServletResponse response,
			FilterChain chain) {
		try {
			gate.doFilter(request, response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
