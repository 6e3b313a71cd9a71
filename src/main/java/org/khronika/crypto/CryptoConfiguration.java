package org.khronika.crypto;

import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.crypto.jdbc.JdbcSubjectKeyStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	KeyringUnlock keyringUnlock(KeyringSettings settings) {
		return new KeyringUnlock(settings.directory(), KeyringUnlock::secretFromEnvironmentOrConsole);
	}

	/**
	 * Readiness says whether the keyring is unlocked: until it is, nothing sealed can be
	 * read or written. Out of service until then; nothing else is said.
	 */
	@Bean("keyring")
	org.springframework.boot.health.contributor.HealthIndicator keyringHealth(KeyringUnlock keyring) {
		return () -> keyring.isUnlocked() ? org.springframework.boot.health.contributor.Health.up().build()
				: org.springframework.boot.health.contributor.Health.outOfService().build();
	}

	/** {@code khronika_keyring_unlocked}: 1 once the keyring is unlocked, else 0. */
	@Bean
	io.micrometer.core.instrument.binder.MeterBinder keyringMetric(KeyringUnlock keyring) {
		return registry -> io.micrometer.core.instrument.Gauge
			.builder("khronika.keyring.unlocked", keyring, unlock -> unlock.isUnlocked() ? 1 : 0)
			.description("1 once the keyring is unlocked")
			.register(registry);
	}

	@Bean
	SubjectKeyStore subjectKeyStore(DataSource dataSource, Clock clock) {
		return new JdbcSubjectKeyStore(dataSource, clock);
	}

	@Bean
	Sealer sealer(KeyringUnlock keyring, SubjectKeyStore keys) {
		return new Sealer(keyring, keys);
	}

	@Bean
	Fingerprints fingerprints(KeyringUnlock keyring, SubjectKeyStore keys) {
		return new Fingerprints(keyring, keys);
	}

}
