package org.khronika.imports;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.access.AccessPolicy;
import org.khronika.crypto.Fingerprints;
import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EventLog;
import org.khronika.registry.PersonMatcher;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.Registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class ImportsConfiguration {

	@Bean
	Importer importer(Registry registry, RecordValidator validator, EventLog log, DataSource dataSource,
			PersonMatcher matcher, Fingerprints fingerprints, Sealer sealer) {
		return new Importer(registry, validator, log,
				new ImportKeys(new JdbcTemplate(dataSource), fingerprints, sealer), matcher);
	}

	@Bean
	ImportJobs importJobs(Importer importer, AccessPolicy policy, Clock clock) {
		return new ImportJobs(importer, policy, clock);
	}

	/**
	 * {@code khronika_import_jobs{state}}: how many import jobs are queued and running.
	 */
	@Bean
	io.micrometer.core.instrument.binder.MeterBinder importMetric(ImportJobs jobs) {
		return registry -> {
			for (ImportJobs.State state : java.util.List.of(ImportJobs.State.QUEUED, ImportJobs.State.RUNNING)) {
				io.micrometer.core.instrument.Gauge.builder("khronika.import.jobs", jobs, j -> j.count(state))
					.description("import jobs in this state")
					.tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
					.register(registry);
			}
		};
	}

}
