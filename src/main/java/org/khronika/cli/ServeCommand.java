package org.khronika.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.khronika.access.Accounts;
import org.khronika.access.AuditTrail;
import org.khronika.access.Role;
import org.khronika.crypto.KeyringFile;
import org.khronika.crypto.KeyringUnlock;
import org.khronika.eventlog.EventLog;
import org.khronika.linkage.Linkage;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Start the web server (and the API under /api/v1).")
class ServeCommand implements Callable<Integer> {

	static final String DEMO_LOGIN = "demo";

	@Mixin
	DataDirectory data;

	@Option(names = "--port", paramLabel = "N", defaultValue = "8080",
			description = "HTTP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--demo",
			description = "Use a demonstration data directory: create it with an unprotected key if it "
					+ "does not exist, load synthetic records if it is empty, and print a fresh password for the login 'demo'.")
	boolean demo;

	@Option(names = "--demo-persons", paramLabel = "N",
			description = "With --demo, loading an empty registry: how many invented persons, with their incidents "
					+ "and cases, join the few written by hand (default ${DEFAULT-VALUE}; 0 for those few only).")
	int demoPersons = DemoCrowd.PERSONS;

	@Option(names = "--intake-only",
			description = "Run a public intake node: only the report form, into the shared PostgreSQL database "
					+ "(KHRONIKA_DB_URL, as a role that may only insert reports), with no keyring: the data "
					+ "directory holds only intake-key.json, copied from the staff node's.")
	boolean intakeOnly;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.port < 1 || this.port > 65535) {
			throw new Failures.CommandFailure("--port: " + this.port + " is not a port; 1 to 65535");
		}
		if (this.demoPersons < 0) {
			throw new Failures.CommandFailure("--demo-persons: " + this.demoPersons + "; 0 or more");
		}
		Path dir = this.data.path();
		if (this.intakeOnly) {
			return intakeOnly(dir, out);
		}
		if (!KeyringFile.exists(dir)) {
			if (!this.demo) {
				throw new Failures.CommandFailure("no keyring in " + dir + ": run 'init --data " + dir + "' first");
			}
			KeyringFile.createUnprotected(dir);
			out.println("Created demo data directory " + dir + " with an UNPROTECTED key: do not put real data in it.");
		}
		else if (this.demo && KeyringFile.isProtected(dir)) {
			// a demo login with a printed password must never appear in a real
			// installation
			throw new Failures.CommandFailure("--demo is only for demonstration directories (unprotected key); " + dir
					+ " is protected by a passphrase");
		}
		try (ServerLock lock = ServerLock.take(dir)) {
			return serve(dir, out);
		}
	}

	/**
	 * Starts the staff server on {@code dir}, locked for it, and waits until it stops.
	 */
	private Integer serve(Path dir, PrintWriter out) throws InterruptedException {
		ConfigurableApplicationContext context = Contexts.start(dir, true, Map.of("server.port", this.port));
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				// sign the head of the log while the database is still open
				checkpointQuietly(context);
				closed.countDown();
			}
		});
		try {
			context.getBean(KeyringUnlock.class).get();
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
		for (EventLog chain : context.getBeansOfType(EventLog.class).values()) {
			if (chain.halted().isPresent()) {
				// the deep check at start found tables that differ: reads go on, writes
				// wait
				this.spec.commandLine().getErr().println("WRITES STOPPED: " + chain.halted().get());
				continue;
			}
			java.util.Optional<String> problem = chain.witnessProblem();
			if (problem.isPresent()) {
				context.close();
				throw new Failures.CommandFailure("refusing to start: " + problem.get() + ". The head was witnessed in "
						+ dir.resolve(org.khronika.eventlog.HeadWitness.FILE)
						+ "; 'verify-log' says more. If you restored an older backup on purpose, move that file away.");
			}
		}
		// row keys an earlier build kept in clear are sealed as soon as the keyring opens
		context.getBean(org.khronika.imports.Importer.class).sealClearKeys();
		String loginLine = "Log in with an account made by 'user add'.";
		if (this.demo) {
			Registry registry = context.getBean(Registry.class);
			if (registry.count(DemoData.LOADER, RecordKind.PERSON) == 0) {
				out.println("Loading synthetic demo records (a minute at most)…");
				out.flush();
				int records = new DemoData(registry, LocalDate.now(context.getBean(Clock.class)))
					.load(this.demoPersons);
				out.println("Loaded " + records + " synthetic demo records.");
				// the persons the demo records twice wait on the linkage page, as after
				// a run there
				Linkage.Summary found = context.getBean(Linkage.class).run(DemoData.LOADER, (phase, done, total) -> {
				});
				out.println("Proposed as recorded twice: pairs of persons " + found.proposals() + ", of incidents "
						+ found.incidentProposals() + " (the page 'Recorded twice?').");
			}
			char[] password = randomPassword();
			context.getBean(Accounts.class).add(CommandLineActor.CLI, DEMO_LOGIN, password, Role.ADMIN, true);
			loginLine = "Log in as '" + DEMO_LOGIN + "' with the password " + new String(password)
					+ " (new at every demo start); the first login sets up a second factor.";
		}
		out.println("Khronika is running at http://localhost:" + this.port + "/");
		out.println(loginLine);
		out.flush();
		closed.await();
		return 0;
	}

	/**
	 * The keyless intake node: refused on a directory that holds a keyring, or without
	 * PostgreSQL, so that it is never run where a seizure would give anything away.
	 */
	private Integer intakeOnly(Path dir, PrintWriter out) throws InterruptedException {
		if (this.demo) {
			throw new Failures.CommandFailure("--intake-only and --demo do not go together");
		}
		if (KeyringFile.exists(dir)) {
			throw new Failures.CommandFailure(dir + " holds a keyring: an intake node must hold none. Give it a "
					+ "directory of its own with only the staff node's intake-key.json in it");
		}
		String url = System.getenv("KHRONIKA_DB_URL");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			throw new Failures.CommandFailure("an intake node writes into the staff node's PostgreSQL database: "
					+ "set KHRONIKA_DB_URL (and KHRONIKA_DB_USER, a role that may only insert reports)");
		}
		KeyringFile.intakeSealer(dir);
		ConfigurableApplicationContext context = org.khronika.intake.IntakeOnlyNode.start(dir,
				Map.of("server.port", this.port));
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		out.println("Khronika intake node is taking reports at http://localhost:" + this.port + "/report");
		out.flush();
		closed.await();
		return 0;
	}

	private static void checkpointQuietly(ConfigurableApplicationContext context) {
		try {
			// the audit entries waiting to be written first
			context.getBean(AuditTrail.class).checkpoint();
			// stopped cleanly at these heads: whatever follows them was not written by
			// Khronika
			context.getBeansOfType(EventLog.class).values().forEach(EventLog::stop);
		}
		catch (RuntimeException ex) {
			System.err.println("khronika: no checkpoint signed at shutdown: " + Failures.describe(ex));
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static char[] randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		char[] password = new char[16];
		for (int i = 0; i < password.length; i++) {
			password[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
		}
		return password;
	}

}
