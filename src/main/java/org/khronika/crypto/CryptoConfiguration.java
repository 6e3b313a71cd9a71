package org.khronika.crypto;

import java.io.Console;
import java.time.Clock;

import javax.sql.DataSource;

import org.khronika.crypto.jdbc.JdbcSubjectKeyStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	KeyringUnlock keyringUnlock(KeyringSettings settings) {
		return new KeyringUnlock(settings.directory(), CryptoConfiguration::secretFromEnvironmentOrConsole);
	}

	@Bean
	Sealer sealer(KeyringUnlock keyring, DataSource dataSource, Clock clock) {
		return new Sealer(keyring, new JdbcSubjectKeyStore(dataSource, clock));
	}

	private static char[] secretFromEnvironmentOrConsole() {
		for (String variable : new String[] { "KHRONIKA_PASSPHRASE", "KHRONIKA_RECOVERY_KEY" }) {
			String value = System.getenv(variable);
			if (value != null && !value.isEmpty()) {
				return value.toCharArray();
			}
		}
		Console console = System.console();
		return (console != null) ? console.readPassword("Passphrase or recovery key to unlock the keyring: ") : null;
	}

}
