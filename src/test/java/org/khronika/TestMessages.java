package org.khronika;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's messages as its pages read them, without starting it. */
public final class TestMessages {

	private TestMessages() {
	}

	public static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
