package org.khronika.access;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.crypto.Sealer;
import org.khronika.eventlog.EventLog;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id, 64 MiB, 3 passes, 16-byte salt, 32-byte hash
		return new Argon2PasswordEncoder(16, 32, 1, 64 * 1024, 3);
	}

	@Bean
	AccessPolicy accessPolicy() {
		return new AccessPolicy();
	}

	/** Closed with the context: what is queued is committed first. */
	@Bean
	AuditTrail auditTrail(EventLog log, @Qualifier("auditChain") EventLog auditChain, DataSource dataSource,
			AccessPolicy policy, Sealer sealer) {
		return new AuditTrail(log, auditChain, new JdbcTemplate(dataSource), policy, sealer);
	}

	@Bean
	Accounts accounts(DataSource dataSource, PasswordEncoder passwords, Clock clock, AuditTrail audit,
			AccessPolicy policy) {
		return new Accounts(new JdbcTemplate(dataSource), passwords, clock, audit, policy);
	}

	@Bean
	ApiTokens apiTokens(DataSource dataSource, Accounts accounts, AccessPolicy policy, Clock clock, AuditTrail audit) {
		return new ApiTokens(new JdbcTemplate(dataSource), accounts, policy, clock, audit);
	}

	@Bean
	SecondFactors secondFactors(DataSource dataSource, Sealer sealer, Clock clock, AuditTrail audit,
			AccessPolicy policy) {
		return new SecondFactors(new JdbcTemplate(dataSource), sealer, clock, audit, policy);
	}

	@Bean
	HttpSessionSecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	/** Also outside the web server: controllers are built in every context. */
	Sessions sessions(Accounts accounts, AccessPolicy policy, SecondFactors factors, AuditTrail audit,
			HttpSessionSecurityContextRepository contexts, ActiveSessions active, Clock clock,
			AccessSettings settings) {
		return new Sessions(accounts, policy, factors, audit, new LoginThrottle(settings.freeLoginFailures(), clock),
				contexts, active, clock, settings.sessionLifetime());
	}

	/** The servlet container tells it when a session ends or changes its id. */
	@Bean
	ActiveSessions activeSessions() {
		return new ActiveSessions();
	}

}
