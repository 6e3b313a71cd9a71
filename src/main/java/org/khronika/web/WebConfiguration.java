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
 * Russian otherwise.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
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
		registry.addInterceptor(interceptor);
	}

}
