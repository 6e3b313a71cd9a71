package org.khronika;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application. It is started by the {@code serve} command and, without a
 * web server, by every other command of {@link org.khronika.cli.KhronikaCommand}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KhronikaApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
