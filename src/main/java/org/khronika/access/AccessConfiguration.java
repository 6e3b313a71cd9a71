package org.khronika.access;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
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
	Accounts accounts(DataSource dataSource, PasswordEncoder passwords, Clock clock) {
		return new Accounts(new JdbcTemplate(dataSource), passwords, clock);
	}

	@Bean
	ApiTokens apiTokens(DataSource dataSource, Accounts accounts, Clock clock) {
		return new ApiTokens(new JdbcTemplate(dataSource), accounts, clock);
	}

}
