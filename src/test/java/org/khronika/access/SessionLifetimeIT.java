package org.khronika.access;

import java.nio.file.Path;

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
 * A session ends when its lifetime is over however busy it is (12 hours by default; three
 * seconds here), and one idle longer than the idle limit ends too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "khronika.access.session-lifetime=3s", "server.servlet.session.timeout=30m" })
class SessionLifetimeIT {

	private static final Path DATA = TestApplication.dataDirectory();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApplication.register(registry, DATA, Engine.SQLITE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSessionEndsAtTheEndOfItsLifetimeEvenWhileInUse() throws InterruptedException {
		WebSession web = new WebSession(this.port).login(Staff.add(this.context, "busy-editor", Role.EDITOR));
		for (int i = 0; i < 2; i++) {
			assertThat(web.get("/persons").status()).isEqualTo(200);
			Thread.sleep(1000);
		}
		Thread.sleep(1500);

		assertThat(web.get("/persons").header("Location")).endsWith("/login?expired");
	}

}
