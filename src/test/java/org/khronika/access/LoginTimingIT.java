package org.khronika.access;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a login exists cannot be told from how long the answer takes, and one address
 * cannot hammer the login form. The throttle is set high here so that it does not mask
 * the timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginTimingIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.access.free-login-failures", () -> "100000");
		registry.add("khronika.access.logins-per-minute", () -> "600");
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anUnknownLoginAndAWrongPasswordTakeTheSameTime() {
		Staff.add(this.context, "timed-anna", Role.ANALYST);
		WebSession web = new WebSession(this.port);
		web.get("/login");
		for (int i = 0; i < 10; i++) {
			web.submitPassword("warm-up", "warm-up password");
		}
		List<Long> unknown = new ArrayList<>();
		List<Long> wrong = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			unknown.add(timed(web, "nobody-" + i, "some password " + i));
			wrong.add(timed(web, "timed-anna", "some password " + i));
		}
		double unknownMedian = median(unknown);
		double wrongMedian = median(wrong);

		assertThat(Math.abs(unknownMedian - wrongMedian) / wrongMedian)
			.as("medians %.1f ms (unknown) and %.1f ms (wrong password)", unknownMedian / 1e6, wrongMedian / 1e6)
			.isLessThan(0.10);
	}

	@Test
	void oneAddressMayTryOnlySoManyLoginsAMinute() {
		WebSession web = new WebSession(this.port);
		web.get("/login");
		int refused = 0;
		for (int i = 0; i < 1300; i++) {
			if (web.post("/login/code", Map.of("code", List.of("000000"))).status() == 429) {
				refused++;
			}
		}
		assertThat(refused).as("at most 600 login attempts a minute from one address").isGreaterThan(0);
	}

	private static long timed(WebSession web, String login, String password) {
		long start = System.nanoTime();
		WebSession.Response response = web.submitPassword(login, password);
		long elapsed = System.nanoTime() - start;
		assertThat(response.header("Location")).endsWith("/login?error");
		return elapsed;
	}

	private static double median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
	}

}
