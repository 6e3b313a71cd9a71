package org.khronika.access.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccountException;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.ApiTokens;
import org.khronika.access.Role;
import org.khronika.access.SecondFactors;
import org.khronika.access.Sessions;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account: change the password, see the second factor and make new recovery
 * codes, make and revoke API tokens, see the sessions and end one, log out everywhere.
 */
@Controller
class AccountPage {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final SecondFactors factors;

	private final Sessions sessions;

	private final AccessPolicy policy;

	private final MessageSource messages;

	private final Clock clock;

	AccountPage(Accounts accounts, ApiTokens tokens, SecondFactors factors, Sessions sessions, AccessPolicy policy,
			MessageSource messages, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.factors = factors;
		this.sessions = sessions;
		this.policy = policy;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/account")
	String show(Actor actor, Model model, HttpServletRequest request) {
		return page(actor, model, request);
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
			@RequestParam(defaultValue = "") String repeated, Actor actor, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!next.equals(repeated)) {
			return refused(actor, model, request, response, "repeated", message("password.mismatch", locale));
		}
		try {
			int epoch = this.accounts.changePassword(actor.login(), current.toCharArray(), next.toCharArray());
			this.sessions.passwordChanged(request, epoch);
		}
		catch (AccountException ex) {
			return refused(actor, model, request, response, "password.wrong".equals(ex.code()) ? "current" : "next",
					message(ex.code(), locale, ex.getMessage()));
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "90") String days, Actor actor, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			Role tokenRole = Role.ofCode(role)
				.orElseThrow(() -> new AccountException("token.roleNotAllowed", "choose the token's role"));
			int validity = parseDays(days);
			// shown once, in this response only: never in a URL, a redirect or the
			// session
			model.addAttribute("newToken",
					this.tokens.create(actor, actor.login(), tokenRole, label, Duration.ofDays(validity)));
		}
		catch (AccountException ex) {
			// what was asked for stays in the form, to be corrected rather than typed
			// again
			model.addAttribute("typedLabel", label.replaceAll("\\p{Cntrl}", ""));
			model.addAttribute("typedRole", role);
			model.addAttribute("typedDays", days);
			return refused(actor, model, request, response, switch (ex.code()) {
				case "token.validity" -> "days";
				case "token.roleNotAllowed" -> "role";
				default -> "label";
			}, message(ex.code(), locale, ex.getMessage()));
		}
		return page(actor, model, request);
	}

	/**
	 * What revoking a token does, on a page of its own before it is done; a token that no
	 * longer acts (revoked from another page, or expired) is said as such.
	 */
	@GetMapping("/account/tokens/{id}/revoke")
	String confirmRevokeToken(@PathVariable String id, Actor actor, Model model, Locale locale,
			RedirectAttributes redirect) {
		ApiTokens.TokenInfo token = ownToken(actor, id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!token.isActive(this.clock.instant())) {
			redirect.addFlashAttribute("notice", "token.notActive");
			return "redirect:/account";
		}
		return Confirmation.page(model, this.messages, locale, "revokeToken", token.label(),
				"/account/tokens/" + id + "/revoke", "/account");
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable String id, Actor actor, RedirectAttributes redirect) {
		if (this.tokens.revoke(actor, actor.login(), id)) {
			redirect.addFlashAttribute("notice", "token.revokedNotice");
		}
		else if (ownToken(actor, id).isPresent()) {
			// a second revoke (another tab, a double click) finds it revoked already
			redirect.addFlashAttribute("notice", "token.notActive");
		}
		else {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/account";
	}

	/** One of the reader's own tokens, active or not. */
	private java.util.Optional<ApiTokens.TokenInfo> ownToken(Actor actor, String id) {
		return this.tokens.list(actor, actor.login()).stream().filter(t -> t.id().equals(id)).findFirst();
	}

	/**
	 * New recovery codes in place of the old ones, given the authenticator's current
	 * code: shown once, on the page that shows them after enrolment.
	 */
	@PostMapping("/account/recovery-codes")
	String regenerateRecoveryCodes(@RequestParam(defaultValue = "") String code, Actor actor, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		List<String> codes = this.sessions.regenerateRecoveryCodes(actor, code);
		if (codes.isEmpty()) {
			return refused(actor, model, request, response, "code", message("recovery.codeWrong", locale));
		}
		model.addAttribute("codes", codes);
		return "recovery-codes";
	}

	/**
	 * The recovery codes just shown, as a text file to keep: the page sends them back (a
	 * form, never a URL), and only the account's unspent codes are given.
	 */
	@PostMapping(path = "/account/recovery-codes.txt")
	org.springframework.http.ResponseEntity<String> downloadRecoveryCodes(
			@RequestParam(name = "codes", required = false) List<String> codes, Actor actor, Locale locale) {
		List<String> given = (codes != null) ? codes : List.of();
		if (!this.factors.areUnspentRecoveryCodes(actor.login(), given)) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String text = message("recovery.fileHeading", locale) + " (" + actor.login() + ")\n\n"
				+ String.join("\n", given) + "\n";
		return org.springframework.http.ResponseEntity.ok()
			.contentType(
					new org.springframework.http.MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"khronika-recovery-codes.txt\"")
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(text);
	}

	@PostMapping("/account/logout-everywhere")
	String logoutEverywhere(Actor actor, HttpServletRequest request) {
		this.sessions.endEverywhere(request, actor);
		return "redirect:/login?logout";
	}

	/**
	 * Ends one of the account's other sessions (this one ends by logging out): the page
	 * names it by a handle in the form, never by its id. A session not among the
	 * account's (ended already, from another page or by its timeout) is said to be gone,
	 * in the same words whoever's it was.
	 */
	@PostMapping("/account/sessions/end")
	String endSession(@RequestParam(defaultValue = "") String session, Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				this.sessions.end(actor, session) ? "session.endedNotice" : "session.goneNotice");
		return "redirect:/account";
	}

	private String page(Actor actor, Model model, HttpServletRequest request) {
		model.addAttribute("actor", actor);
		model.addAttribute("sessions", this.sessions.list(request, actor));
		model.addAttribute("account", this.accounts.find(actor.login()).orElseThrow());
		model.addAttribute("recoveryCodesLeft", this.factors.recoveryCodesLeft(actor.login()));
		model.addAttribute("tokens", this.tokens.list(actor, actor.login()));
		model.addAttribute("now", this.clock.instant());
		Role accountRole = this.accounts.roleOf(actor.login()).orElse(actor.role());
		model.addAttribute("tokenRoles",
				List.of(Role.values()).stream().filter(r -> this.policy.mayDelegate(accountRole, r)).toList());
		return "account";
	}

	/**
	 * The page again, {@code message} said beside the form {@code field} belongs to and
	 * that field marked and focused: the page holds several forms, and the one refused
	 * may be screens below its top.
	 */
	private String refused(Actor actor, Model model, HttpServletRequest request, HttpServletResponse response,
			String field, String message) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", message);
		model.addAttribute("problemField", field);
		return page(actor, model, request);
	}

	private String message(String code, Locale locale, Object... fallback) {
		return this.messages.getMessage(code, null, (fallback.length > 0) ? fallback[0].toString() : code, locale);
	}

	private static int parseDays(String days) {
		try {
			return Integer.parseInt(days.strip());
		}
		catch (NumberFormatException ex) {
			throw new AccountException("token.validity", "a token lives from 1 to 365 days");
		}
	}

}
