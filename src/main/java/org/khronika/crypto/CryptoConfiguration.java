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

	@Bean
	Sealer sealer(KeyringUnlock keyring, DataSource dataSource, Clock clock) {
		return new Sealer(keyring, new JdbcSubjectKeyStore(dataSource, clock));
	}

	@Bean
	Fingerprints fingerprints(KeyringUnlock keyring, DataSource dataSource, Clock clock) {
		return new Fingerprints(keyring, new JdbcSubjectKeyStore(dataSource, clock));
	}

}
