package org.khronika.eventlog;

import java.time.Clock;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.khronika.eventlog.jdbc.JdbcEventLog;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two chains: the records' log, which every module that writes records uses, and the
 * audit trail's, which only {@code access} asks for by name ({@value #AUDIT}).
 */
@Configuration(proxyBeanMethods = false)
class EventLogConfiguration {

	/** The bean name of the audit trail's chain. */
	static final String AUDIT = "auditChain";

	@Bean
	@Primary
	EventLog eventLog(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
			CheckpointSigner signer, LogSettings settings, HeadWitness witness) {
		return new JdbcEventLog(Chain.RECORDS, dataSource, transactions, clock, signer, settings.checkpointInterval(),
				witness);
	}

	/**
	 * Readiness says whether the log takes writes: down while a chain does not extend its
	 * witnessed head ({@link EventLog#witnessProblem}).
	 */
	@Bean("log")
	org.springframework.boot.health.contributor.HealthIndicator logHealth(java.util.List<EventLog> chains) {
		return () -> chains.stream().allMatch(chain -> chain.witnessProblem().isEmpty())
				? org.springframework.boot.health.contributor.Health.up().build()
				: org.springframework.boot.health.contributor.Health.down().build();
	}

	/**
	 * {@code khronika_log_entries{chain}}: the entries of each chain, so that appends per
	 * second are its rate.
	 */
	@Bean
	io.micrometer.core.instrument.binder.MeterBinder logMetric(java.util.List<EventLog> chains) {
		return registry -> chains
			.forEach(chain -> io.micrometer.core.instrument.Gauge.builder("khronika.log.entries", chain, EventLog::size)
				.description("entries in the chain")
				.tag("chain", (chain.chain() == Chain.AUDIT) ? "audit" : "log")
				.register(registry));
	}

	/** The signed heads, witnessed in the data directory beside the database. */
	@Bean
	HeadWitness headWitness(@org.springframework.beans.factory.annotation.Value("${khronika.data-dir}") Path data) {
		return new HeadWitness(data);
	}

	@Bean(AUDIT)
	@Qualifier(AUDIT)
	EventLog auditChain(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
			CheckpointSigner signer, LogSettings settings, HeadWitness witness) {
		return new JdbcEventLog(Chain.AUDIT, dataSource, transactions, clock, signer, settings.checkpointInterval(),
				witness);
	}

}
