package org.khronika.access;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.khronika.TestApplication;
import org.khronika.TestDatabases.Engine;
import org.khronika.WebSession;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address cannot hammer the login form: past the limit a minute, it is answered 429
 * with when to try again. (That a login's existence cannot be told from the time its
 * answer takes is measured by {@code bench/run login}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginRateLimitIT {

	private static final Path DATA = TestApplication.dataDirectory();

	private static final int PER_MINUTE = 30;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
		registry.add("khronika.access.logins-per-minute", () -> Integer.toString(PER_MINUTE));
	}

	@LocalServerPort
	int port;

	@Test
	void oneAddressMayTryOnlySoManyLoginsAMinute() {
		WebSession web = new WebSession(this.port);
		web.get("/login");
		int accepted = 0;
		WebSession.Response refusal = null;
		for (int i = 0; i < 3 * PER_MINUTE; i++) {
			WebSession.Response response = web.post("/login/code", Map.of("code", List.of("000000")));
			if (response.status() == 429) {
				refusal = response;
			}
			else {
				accepted++;
			}
		}
		assertThat(accepted).as("at most %d a minute (the run may straddle two minutes)", PER_MINUTE)
			.isBetween(PER_MINUTE, 2 * PER_MINUTE);
		assertThat(refusal).isNotNull();
		assertThat(Integer.parseInt(refusal.header("Retry-After"))).isBetween(1, 60);
	}

}
