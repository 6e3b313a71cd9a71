package org.khronika.access.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.AccountException;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.AuditTrail;
import org.khronika.access.Capability;
import org.khronika.access.Role;
import org.khronika.access.SecondFactors;

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
 * Administration: accounts (add, re-role, disable, enable, reset the second factor) and
 * the audit trail. The services refuse anyone the policy does not let manage users or
 * read the trail; these pages only ask them.
 */
@Controller
class AdminPage {

	private final Accounts accounts;

	private final SecondFactors factors;

	private final AuditTrail audit;

	private final AccessPolicy policy;

	private final MessageSource messages;

	AdminPage(Accounts accounts, SecondFactors factors, AuditTrail audit, AccessPolicy policy, MessageSource messages) {
		this.accounts = accounts;
		this.factors = factors;
		this.audit = audit;
		this.policy = policy;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String users(Actor actor, Model model) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		return usersPage(model);
	}

	@PostMapping("/admin/users")
	String addUser(@RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String role, Actor actor, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		char[] secret = password.toCharArray();
		try {
			Role parsed = Role.ofCode(role)
				.orElseThrow(() -> new AccountException("account.roleMissing", "choose a role"));
			this.accounts.add(actor, login.strip(), secret, parsed, false);
		}
		catch (AccountException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			// said beside the form, its field marked: with many accounts the form is far
			// below the top of the page
			model.addAttribute("addProblem", message(ex, locale));
			model.addAttribute("problemField", switch (ex.code()) {
				case "account.loginInvalid", "account.taken" -> "login";
				case "password.short" -> "password";
				case "account.roleMissing" -> "role";
				default -> "";
			});
			model.addAttribute("typedLogin", login);
			model.addAttribute("newRole", Role.ofCode(role).orElse(Role.LEAST_PRIVILEGED));
			return usersPage(model);
		}
		finally {
			Arrays.fill(secret, '\0');
		}
		redirect.addFlashAttribute("notice", "account.added");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{login}/role")
	String setRole(@PathVariable String login, @RequestParam(defaultValue = "") String role, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return change(actor, redirect, locale, () -> this.accounts.setRole(actor, login,
				Role.ofCode(role).orElseThrow(() -> new AccountException("account.roleMissing", "choose a role"))));
	}

	/** What disabling an account does, on a page of its own before it is done. */
	@GetMapping("/admin/users/{login}/disable")
	String confirmDisable(@PathVariable String login, Actor actor, Model model, Locale locale) {
		return confirm(actor, model, locale, login, "disable", "/admin/users/" + login + "/disable");
	}

	/** What resetting a second factor does, on a page of its own before it is done. */
	@GetMapping("/admin/users/{login}/second-factor/reset")
	String confirmResetSecondFactor(@PathVariable String login, Actor actor, Model model, Locale locale) {
		return confirm(actor, model, locale, login, "resetFactor", "/admin/users/" + login + "/second-factor/reset");
	}

	private String confirm(Actor actor, Model model, Locale locale, String login, String what, String action) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		if (!this.accounts.exists(login)) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return Confirmation.page(model, this.messages, locale, what, login, action, "/admin/users");
	}

	@PostMapping("/admin/users/{login}/disable")
	String disable(@PathVariable String login, Actor actor, RedirectAttributes redirect, Locale locale) {
		return change(actor, redirect, locale, () -> this.accounts.disable(actor, login));
	}

	@PostMapping("/admin/users/{login}/enable")
	String enable(@PathVariable String login, Actor actor, RedirectAttributes redirect, Locale locale) {
		return change(actor, redirect, locale, () -> this.accounts.enable(actor, login));
	}

	@PostMapping("/admin/users/{login}/second-factor/reset")
	String resetSecondFactor(@PathVariable String login, Actor actor, RedirectAttributes redirect, Locale locale) {
		return change(actor, redirect, locale, () -> {
			if (!this.accounts.exists(login)) {
				throw new AccountException("account.unknown", "no such account");
			}
			this.factors.reset(actor, login);
		});
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String record,
			Actor actor, Model model, java.util.Locale locale) {
		List<AuditTrail.Item> items;
		if (!record.isBlank()) {
			items = this.audit.byRecord(actor, record.strip(), 500);
		}
		else if (!user.isBlank()) {
			items = this.audit.byUser(actor, user.strip(), 500);
		}
		else {
			items = this.audit.latest(actor, 200);
		}
		AuditWords words = new AuditWords(this.messages, locale);
		model.addAttribute("items",
				items.stream()
					.map(item -> new AuditTrail.Item(item.sequence(), item.at(), item.actor(),
							words.action(item.action()), words.detail(item.detail()), item.recordIds()))
					.toList());
		model.addAttribute("user", user);
		model.addAttribute("record", record);
		return "admin/audit";
	}

	private String change(Actor actor, RedirectAttributes redirect, Locale locale, Runnable change) {
		AccessRefused.unless(this.policy.may(actor, Capability.MANAGE_USERS));
		try {
			change.run();
			redirect.addFlashAttribute("notice", "account.changed");
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/admin/users";
	}

	private String usersPage(Model model) {
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("newRole")) {
			model.addAttribute("newRole", Role.LEAST_PRIVILEGED);
		}
		return "admin/users";
	}

	private String message(AccountException ex, Locale locale) {
		return this.messages.getMessage(ex.code(), null, ex.getMessage(), locale);
	}

}
