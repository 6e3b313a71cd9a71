package org.khronika.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * A page of its own that says what an action will do before it is done
 * ({@code confirm.html}): the messages {@code confirm.WHAT.title}, {@code .1},
 * {@code .2}… (as many as there are) and {@code .button}, each given {@code named}.
 */
final class Confirmation {

	private Confirmation() {
	}

	/** Fills {@code model} for the page; its view name. */
	static String page(Model model, MessageSource messages, Locale locale, String what, Object named, String action,
			String back) {
		Object[] arguments = { named };
		List<String> consequences = new ArrayList<>();
		for (int i = 1;; i++) {
			String consequence = messages.getMessage("confirm." + what + "." + i, arguments, null, locale);
			if (consequence == null) {
				break;
			}
			consequences.add(consequence);
		}
		model.addAttribute("title", messages.getMessage("confirm." + what + ".title", arguments, locale));
		model.addAttribute("consequences", consequences);
		model.addAttribute("confirmLabel", messages.getMessage("confirm." + what + ".button", arguments, locale));
		model.addAttribute("action", action);
		model.addAttribute("back", back);
		return "confirm";
	}

}
