package org.khronika.access;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.web.ProblemDocuments;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Deny by default. The API answers 401 without a valid bearer token; every page but the
 * login page, the style sheet and the public report form needs a full session (password,
 * then the second factor for every role that sees identifying data). What a logged-in
 * user may see and do is then decided by {@link AccessPolicy} in the services, not here.
 * Strict headers on every response; CSRF on every form; rate limits on logins and the
 * API; a size limit on request bodies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

	/**
	 * A request the firewall refuses (a path edited or cut short, such as {@code //} or
	 * {@code ;}) is refused before any chain writes its headers: the API answers it with
	 * a problem document, as every refusal; a page gets the 400 page under the headers
	 * every page has.
	 */
	@Bean
	org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(ProblemDocuments problems) {
		return (request, response, ex) -> {
			if (ProblemDocuments.isApi(request)) {
				problems.write(request, response, HttpStatus.BAD_REQUEST, "unreadable");
				return;
			}
			HEADERS.forEach(writer -> writer.writeHeaders(request, response));
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		};
	}

	@Bean
	FilterRegistrationBean<?> requestSizeLimit(AccessSettings settings, ProblemDocuments problems) {
		FilterRegistrationBean<?> registration = new FilterRegistrationBean<>(
				RequestFilters.sizeLimit(settings.maxRequestBytes(), settings.maxUploadBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The public report form: no login, no session, no cookie. It needs no anti-forgery
	 * token: a forged submission has no one's authority to borrow, and a token would be
	 * one more thing that could tie a reporter to a visit. With it, the reports API,
	 * which takes intake tokens (they name no account) and checks them itself.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain report(HttpSecurity http) throws Exception {
		http.securityMatcher("/report", "/report/**", "/api/v1/reports")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return anonymous(http);
	}

	/**
	 * The public site of the latest snapshot: read only (GET), no login, no session, no
	 * cookie; the files are the signed site and nothing else.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicSiteChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/public", "/public/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(org.springframework.http.HttpMethod.GET)
				.permitAll()
				.anyRequest()
				.denyAll());
		return anonymous(http);
	}

	/**
	 * Metrics for Prometheus: only with the metrics token
	 * ({@code KHRONIKA_METRICS_TOKEN}), which names no account; without one set, to no
	 * one. No session, no cookie.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metricsChain(HttpSecurity http,
			@org.springframework.beans.factory.annotation.Value("${khronika.metrics.token:}") String token)
			throws Exception {
		byte[] expected = ("Bearer " + token).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		http.securityMatcher("/actuator/prometheus")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.addFilterBefore((request, response, chain) -> {
				String given = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("Authorization");
				if (token.isBlank() || given == null || !java.security.MessageDigest.isEqual(expected,
						given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
					((jakarta.servlet.http.HttpServletResponse) response).sendError(401);
					return;
				}
				chain.doFilter(request, response);
			}, org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class);
		return anonymous(http);
	}

	/** A chain for visitors who log in to nothing: no session, no cookie, no token. */
	private static SecurityFilterChain anonymous(HttpSecurity http) throws Exception {
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(
					new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable);
		headers(http);
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccessSettings settings, Clock clock,
			ProblemDocuments problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(roleNames()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.addFilterAfter(
					RequestFilters.apiRateLimit(new RateLimiter(settings.apiRequestsPerMinute(), clock), problems),
					AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "auth.required"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"access.denied")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, Sessions sessions, Accounts accounts, PasswordEncoder passwords,
			HttpSessionSecurityContextRepository contexts, AccessSettings settings, Clock clock) throws Exception {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwords);
		AuthenticationProvider throttled = new AuthenticationProvider() {
			@Override
			public org.springframework.security.core.Authentication authenticate(
					org.springframework.security.core.Authentication authentication) {
				sessions.waitFor(authentication.getName());
				try {
					return dao.authenticate(authentication);
				}
				catch (AuthenticationException ex) {
					sessions.failedPassword(authentication.getName());
					throw ex;
				}
			}

			@Override
			public boolean supports(Class<?> type) {
				return dao.supports(type);
			}
		};
		http.securityContext(context -> context.securityContextRepository(contexts))
			.authenticationManager(new ProviderManager(throttled))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/favicon.svg", "/actuator/health", "/actuator/health/liveness",
						"/actuator/health/readiness", "/error")
				.permitAll()
				.requestMatchers("/login/code", "/login/enrol")
				.hasAuthority(Sessions.PENDING)
				.anyRequest()
				.hasAnyRole(roleNames()))
			.formLogin(form -> form.loginPage("/login")
				.successHandler((request, response, authentication) -> response.sendRedirect(
						request.getContextPath() + sessions.afterPassword(request, response, authentication.getName())))
				.failureHandler(
						(request, response, ex) -> response.sendRedirect(request.getContextPath() + "/login?error"))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession()))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> {
				if (sessions.pendingLogin().isPresent()) {
					response.sendRedirect(request.getContextPath() + "/login/code");
				}
				else {
					response.sendError(HttpServletResponse.SC_FORBIDDEN);
				}
			}))
			.addFilterBefore(RequestFilters.loginRateLimit(new RateLimiter(settings.loginsPerMinute(), clock)),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(RequestFilters.sessionCheck(sessions, contexts), AuthorizationFilter.class);
		headers(http);
		return http.build();
	}

	private static String[] roleNames() {
		return Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
	}

	/**
	 * The headers every response carries, the firewall's refusals too: Spring Security's
	 * defaults (no sniffing, no caching, HSTS over HTTPS, the browsers' XSS auditor off),
	 * then the content policy, no framing, no referrer, no powerful features, no opener.
	 */
	private static final List<HeaderWriter> HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
			new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY),
			new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));

	static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> HEADERS.forEach(headers.defaultsDisabled()::addHeaderWriter));
	}

}
