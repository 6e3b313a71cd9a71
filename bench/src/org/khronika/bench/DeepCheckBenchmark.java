package org.khronika.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Role;
import org.khronika.crypto.KeyringFile;
import org.khronika.eventlog.EventLog;
import org.khronika.eventlog.Verification;
import org.khronika.imports.ImportReport;
import org.khronika.imports.Importer;
import org.khronika.imports.MappingProfile;
import org.khronika.registry.DeepCheck;
import org.khronika.registry.ListQuery;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Registry;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The deep check ({@code verify-log --deep}) over a registry of {@code ROWS} imported
 * incidents (the import benchmark's synthetic table) whose audit chain holds every read of
 * them {@code READS} times over (list pages of 500, as editors read them): how long the
 * writers wait while it runs. Beside it, in the same run and database, {@code verify-log}
 * without {@code --deep}: the walk of both chains, every hash recomputed and every
 * checkpoint's signature checked, which the deep check's replay of them stands beside.
 * One untimed run of each first, then the median of {@value #RUNS}.
 *
 * <pre>bench/run deep [ROWS] [READS]</pre>
 */
public final class DeepCheckBenchmark {

	private static final int RUNS = 3;

	private DeepCheckBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int reads = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Path dir = Bench.temporaryDirectory("khronika-bench-deep-");
		Path table = dir.resolve("synthetic.csv");
		ImportBenchmark.write(ImportBenchmark.generate(rows), table);
		System.out.printf("machine: %s%n", Bench.machine());
		try (ConfigurableApplicationContext context = Bench.start(dir.resolve("data"))) {
			Actor editor = new Actor("bench-editor", Role.EDITOR);
			context.getBean(Accounts.class)
				.add(new Actor("cli", Role.ADMIN), editor.login(), "bench-password-123".toCharArray(), Role.EDITOR,
						true);
			ImportReport report = context.getBean(Importer.class)
				.run(editor, MappingProfile.load(Path.of("profiles/ovdinfo-moscow-2011-2012.yaml")), table, false,
						(phase, done, fraction) -> {
						});
			if (report.created() != rows) {
				throw new IllegalStateException("the import created " + report.created() + " of " + rows + " rows");
			}
			Registry registry = context.getBean(Registry.class);
			int pages = (rows + ListQuery.MAX_SIZE - 1) / ListQuery.MAX_SIZE;
			for (int round = 0; round < reads; round++) {
				for (int page = 0; page < pages; page++) {
					registry.list(editor, ListQuery.of(RecordKind.INCIDENT, page, ListQuery.MAX_SIZE), false);
				}
			}
			AuditTrail audit = context.getBean(AuditTrail.class);
			audit.checkpoint();
			List<EventLog> chains = new ArrayList<>(context.getBeansOfType(EventLog.class).values());
			for (EventLog chain : chains) {
				chain.checkpoint();
				System.out.printf("%s: %,d entries%n", chain.chain().name().toLowerCase(java.util.Locale.ROOT),
						chain.size());
			}
			System.out.printf("incidents: %,d, each read %d times (the audit trail's table: %,d rows)%n", rows, reads,
					(long) rows * reads);

			DeepCheck check = context.getBean(DeepCheck.class);
			double[] deep = time(() -> {
				DeepCheck.Result result = check.run();
				if (!result.agrees()) {
					throw new IllegalStateException("the tables differ: " + result.differences().get(0));
				}
			});
			var verifier = KeyringFile.checkpointVerifier(dir.resolve("data"));
			double[] walk = time(() -> {
				for (EventLog chain : chains) {
					if (!(chain.verify(verifier::verifies) instanceof Verification.Intact)) {
						throw new IllegalStateException("the " + chain.chain() + " chain does not verify");
					}
				}
			});
			double deepSeconds = Bench.median(deep);
			double walkSeconds = Bench.median(walk);
			System.out.printf("verify-log --deep: %.1f s (median of %d)%n", deepSeconds, RUNS);
			System.out.printf("verify-log, both chains walked: %.1f s (median of %d)%n", walkSeconds, RUNS);
			System.out.printf("ratio: the deep check takes %.1f× as long as the walk%n", deepSeconds / walkSeconds);
		}
	}

	/** One untimed run of {@code work}, then {@value #RUNS} timed, in seconds. */
	private static double[] time(Runnable work) {
		work.run();
		double[] seconds = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			work.run();
			seconds[i] = (System.nanoTime() - started) / 1e9;
		}
		return seconds;
	}

}
