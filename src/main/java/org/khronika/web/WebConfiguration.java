package org.khronika.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Russian or English: from {@code ?lang=}, then a cookie, then the browser's languages;
 * Russian otherwise. The public report form ({@code /report}) speaks Ukrainian too, and
 * sets no cookie: its language comes from its {@code lang} parameter (a link, or a hidden
 * field of its forms), then the browser's languages.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);

	/**
	 * {@code /error} asked for directly, not as the page of a failure: there is nothing
	 * there (404), rather than the "failure" with no cause Spring Boot would report as a
	 * 500.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> errorPageAskedDirectly() {
		org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				(request, response, chain) -> ((jakarta.servlet.http.HttpServletResponse) response).sendError(404));
		registration.addUrlPatterns("/error");
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
		return registration;
	}

	/** Khronika's page, not Tomcat's, for a request the server refuses itself. */
	@Bean
	org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> serverErrorPage() {
		return ServerErrorPage.installed("/");
	}

	/**
	 * A page is HTML whatever its address ends in: Thymeleaf otherwise takes the type
	 * from the address when the request accepts anything, and the "not found" page for
	 * {@code /css/gone.css} or {@code /persons.json}, asked by a script or a feed reader,
	 * went out as CSS or JSON.
	 */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor pagesAreHtml() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof org.thymeleaf.spring6.view.ThymeleafViewResolver pages) {
					pages.setForceContentType(true);
				}
				return bean;
			}
		};
	}

	/** The error page's attributes, with why a request was not understood (400). */
	@Bean
	org.springframework.boot.webmvc.error.ErrorAttributes errorAttributes() {
		return BadRequests.errorAttributes();
	}

	@Bean
	LocaleResolver localeResolver() {
		LocaleResolver staff = staffLocaleResolver();
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
				return isReport(request) ? ReportLanguages.of(request) : staff.resolveLocale(request);
			}

			@Override
			public void setLocale(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, Locale locale) {
				if (!isReport(request)) {
					staff.setLocale(request, response, locale);
				}
			}
		};
	}

	private static boolean isReport(jakarta.servlet.http.HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/report") || path.startsWith("/report/");
	}

	private static LocaleResolver staffLocaleResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("khronika-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Strict");
		resolver.setDefaultLocaleFunction(request -> {
			for (java.util.Enumeration<Locale> wanted = request.getLocales(); wanted.hasMoreElements();) {
				String language = wanted.nextElement().getLanguage();
				for (Locale supported : SUPPORTED) {
					if (supported.getLanguage().equals(language)) {
						return supported;
					}
				}
			}
			return RUSSIAN;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		// not on error pages either: a request refused as too large must not have its
		// body read for a parameter
		registry.addInterceptor(interceptor)
			.excludePathPatterns("/report", "/report/**", "/public", "/public/**", "/error");
	}

}
