package org.khronika.intake.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.khronika.access.PublicEdge;
import org.khronika.catalog.Catalog;
import org.khronika.crypto.IntakeSealer;
import org.khronika.crypto.KeyringFile;
import org.khronika.intake.ReportInbox;
import org.khronika.web.ProblemDocuments;
import org.khronika.web.ReportLanguages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The keyless intake node ({@code serve --intake-only}): a public server that takes
 * reports through the form at {@code /report} into the shared PostgreSQL database, and
 * does nothing else. It holds no keyring, only the intake key's public half
 * ({@code intake-key.json}), so it can seal a report and never open one; it connects as a
 * database role that may only insert reports, so it can read nothing; it runs no
 * migrations (the staff node does). Seized, it gives away nothing. Reporters follow their
 * reports on the staff node's status page.
 */
public final class IntakeNode {

	/**
	 * The setting that switches the node's beans on, and that the staff server never has.
	 */
	static final String SWITCH = "khronika.intake-only";

	private IntakeNode() {
	}

	/**
	 * Starts the node on {@code dataDirectory} (which needs only {@code intake-key.json})
	 * with {@code settings} as command-line settings (the database's URL and role, the
	 * port).
	 */
	public static ConfigurableApplicationContext start(Path dataDirectory, Map<String, Object> settings) {
		java.util.List<String> arguments = new java.util.ArrayList<>(List.of("--khronika.data-dir=" + dataDirectory,
				"--" + SWITCH + "=true", "--spring.flyway.enabled=false"));
		settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
			.run(arguments.toArray(String[]::new));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
	@ConditionalOnProperty(name = SWITCH, havingValue = "true")
	@Import(Page.class)
	static class Application {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		Catalog catalog() {
			return Catalog.load();
		}

		@Bean
		IntakeSealer intakeSealer(@Value("${khronika.data-dir}") Path dataDirectory) {
			return KeyringFile.intakeSealer(dataDirectory);
		}

		@Bean
		ReportInbox reportInbox(DataSource dataSource, IntakeSealer sealer, Catalog catalog, Clock clock,
				@Value("${khronika.intake.retention-days:90}") int retentionDays) {
			return new ReportInbox(new JdbcTemplate(dataSource), () -> sealer, catalog, clock, retentionDays);
		}

		@Bean
		ReportForm reportForm(ReportInbox inbox, Catalog catalog, MessageSource messages, Clock clock,
				@Value("${khronika.intake.reports-per-minute:60}") int reportsPerMinute) {
			return new ReportForm(inbox, catalog, messages, reportsPerMinute, clock);
		}

		@Bean
		LocaleResolver localeResolver() {
			return new LocaleResolver() {
				@Override
				public Locale resolveLocale(HttpServletRequest request) {
					return ReportLanguages.of(request);
				}

				@Override
				public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
					// the language is never kept: no cookie
				}
			};
		}

		/** Khronika's page, not Tomcat's, for a request the server refuses itself. */
		@Bean
		org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> serverErrorPage() {
			return org.khronika.web.ServerErrorPage.installed("/report");
		}

		/** The form, its style sheet and icon; nothing else answers. */
		@Bean
		SecurityFilterChain intakeOnly(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.requestMatchers("/report", "/css/**", "/favicon.svg")
				.permitAll()
				.anyRequest()
				.denyAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.anonymous(AbstractHttpConfigurer::disable);
			PublicEdge.headers(http);
			return http.build();
		}

		@Bean
		FilterRegistrationBean<UploadGate> reportUploadGate(
				@Value("${khronika.intake.upload-memory-megabytes:0}") int megabytes) {
			return UploadGate.registered(megabytes);
		}

		@Bean
		FilterRegistrationBean<?> requestSizeLimit(
				@Value("${khronika.access.max-request-bytes:1048576}") long maxRequestBytes,
				@Value("${khronika.access.max-upload-bytes:104857600}") long maxUploadBytes, MessageSource messages) {
			FilterRegistrationBean<?> registration = new FilterRegistrationBean<>(
					PublicEdge.sizeLimit(maxRequestBytes, maxUploadBytes, new ProblemDocuments(messages)));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/** {@code /report} on the node: the form, and the receipt. */
	@Controller
	@ConditionalOnProperty(name = SWITCH, havingValue = "true")
	static class Page {

		private final ReportForm form;

		Page(ReportForm form) {
			this.form = form;
		}

		@GetMapping("/report")
		String form(Model model, Locale locale) {
			this.form.prepare(model, locale, Map.of(), List.of());
			model.addAttribute("intakeOnly", true);
			return "report/form";
		}

		@PostMapping("/report")
		String submit(@RequestParam MultiValueMap<String, String> form,
				@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
				HttpServletResponse response, Model model, Locale locale) {
			model.addAttribute("intakeOnly", true);
			return this.form.submitPublic(form, files, request, response, model, locale);
		}

	}

}
