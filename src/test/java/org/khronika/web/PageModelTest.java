package org.khronika.web;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class PageModelTest {

	@Test
	void anErrorPageGetsWhatEveryModuleAddsAndIsShownWhenAModuleCannotSay() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("reports", (PageAttributes) (model, locale) -> {
			throw new IllegalStateException("the database is down");
		});
		beans.registerSingleton("statistics", (PageAttributes) (model, locale) -> model.put("mayReadStatistics", true));
		PageModel pages = new PageModel(beans.getBeanProvider(PageAttributes.class));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/persons/x");
		request.addPreferredLocale(Locale.ENGLISH);
		ModelAndView page = new ModelAndView("error/404");

		pages.addTo(page, request);

		Map<String, Object> model = page.getModel();
		assertThat(model).containsEntry("mayReadStatistics", true).containsKeys("moments", "otherLanguageUrl");
	}

}
