package org.khronika.bench;

import java.util.ArrayList;
import java.util.List;

import org.khronika.WebSession;
import org.khronika.access.Role;
import org.khronika.access.Staff;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whether a login exists must not show in how long the answer takes: the login form's
 * answer to an unknown login and to a known login with a wrong password, timed over
 * HTTP, alternately, after a warm-up. Reports both medians and their difference.
 *
 * <pre>bench/run login [TRIES]</pre>
 */
public final class LoginTimingBenchmark {

	private LoginTimingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int tries = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		System.out.printf("machine: %s%n", Bench.machine());
		try (ConfigurableApplicationContext context = Bench.startServer(
				Bench.temporaryDirectory("khronika-bench-login-").resolve("data"), "--khronika.access.free-login-failures=100000",
				"--khronika.access.logins-per-minute=100000")) {
			Staff.add(context, "timed-anna", Role.ANALYST);
			WebSession web = new WebSession(Bench.port(context));
			for (int i = 0; i < 20; i++) {
				web.submitPassword("warm-up", "warm-up password");
				web.submitPassword("timed-anna", "warm-up password");
			}
			double[] unknown = new double[tries];
			double[] wrong = new double[tries];
			for (int i = 0; i < tries; i++) {
				unknown[i] = timed(web, "nobody-" + i, "some password " + i);
				wrong[i] = timed(web, "timed-anna", "some password " + i);
			}
			double unknownMedian = Bench.median(unknown);
			double wrongMedian = Bench.median(wrong);
			System.out.printf("login, unknown account: median %.1f ms over %d tries%n", unknownMedian, tries);
			System.out.printf("login, wrong password: median %.1f ms over %d tries%n", wrongMedian, tries);
			System.out.printf("difference: %.1f%% of the wrong password's time%n",
					100 * Math.abs(unknownMedian - wrongMedian) / wrongMedian);
		}
	}

	private static double timed(WebSession web, String login, String password) {
		long start = System.nanoTime();
		WebSession.Response response = web.submitPassword(login, password);
		double elapsed = (System.nanoTime() - start) / 1e6;
		if (!String.valueOf(response.header("Location")).endsWith("/login?error")) {
			throw new IllegalStateException("a wrong login was not refused: " + response.status());
		}
		return elapsed;
	}

}
