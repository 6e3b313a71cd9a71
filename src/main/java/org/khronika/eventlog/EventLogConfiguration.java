package org.khronika.eventlog;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.eventlog.jdbc.JdbcEventLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class EventLogConfiguration {

	@Bean
	EventLog eventLog(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
			CheckpointSigner signer, LogSettings settings) {
		return new JdbcEventLog(dataSource, transactions, clock, signer, settings.checkpointInterval());
	}

}
