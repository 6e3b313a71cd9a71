package org.khronika.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.khronika.KhronikaApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Khronika's Spring context for a command: with the web server for serve, without
 * for the rest.
 */
final class Contexts {

	private Contexts() {
	}

	/**
	 * @throws Failures.CommandFailure if the directory has no keyring: it was never
	 * initialised, or the path is wrong
	 */
	static ConfigurableApplicationContext start(Path dataDirectory, boolean web, Map<String, Object> extra) {
		DataDirectory.requireInitialised(dataDirectory);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("khronika.data-dir", dataDirectory.toString());
		// a command or a server that fails to start says why in one line (Failures): no
		// stack trace on the console, whose messages may quote what was stored
		properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		properties.put("logging.level.org.springframework.boot.diagnostics", "OFF");
		if (!web) {
			properties.put("logging.level.root", "WARN");
			properties.put("logging.level.org.springframework.context", "ERROR");
			properties.put("spring.main.log-startup-info", "false");
		}
		properties.putAll(extra);
		// as command-line arguments, these override application.properties
		String[] arguments = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(KhronikaApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.run(arguments);
	}

	static ConfigurableApplicationContext start(Path dataDirectory) {
		return start(dataDirectory, false, Map.of());
	}

}
