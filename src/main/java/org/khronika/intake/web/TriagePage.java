package org.khronika.intake.web;

import java.util.List;
import java.util.Locale;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.ReportState;
import org.khronika.intake.Reports;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /intake}: the triage queue for those who triage reports. New reports first, with
 * filters by state, region and what happened (the fields kept in clear, so the list opens
 * nothing); each report opened on its own page, audited; a decision (in review, needs
 * information, accepted, duplicate, spam, closed) and an assignee for each. Works without
 * JavaScript.
 */
@Controller
class TriagePage {

	private static final int SHOWN = 200;

	private final Reports reports;

	private final Catalog catalog;

	private final MessageSource messages;

	private final Accounts accounts;

	private final AccessPolicy policy;

	TriagePage(Reports reports, Catalog catalog, MessageSource messages, Accounts accounts, AccessPolicy policy) {
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
		this.accounts = accounts;
		this.policy = policy;
	}

	/** A report in the list, in words. */
	record Row(String id, String receivedOn, String channel, String what, String region, String state,
			String assignee) {
	}

	/** An answer of an opened report, in words. */
	record Answer(String question, String answer) {
	}

	@GetMapping("/intake")
	String queue(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
			@RequestParam(required = false) String what, Actor actor, Model model, Locale locale) {
		ReportState wanted = (state == null || state.isEmpty()) ? null
				: ReportState.ofCode(state).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		List<Row> rows = this.reports.queue(actor, new Reports.Filter(wanted, blank(region), blank(what)), SHOWN)
			.stream()
			.map(summary -> row(summary, locale))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("state", (wanted != null) ? wanted.code() : "");
		model.addAttribute("region", (region != null) ? region : "");
		model.addAttribute("what", (what != null) ? what : "");
		model.addAttribute("states",
				java.util.Arrays.stream(ReportState.values())
					.map(s -> new ReportPage.Option(s.code(), message("intake.state." + s.code(), locale)))
					.toList());
		model.addAttribute("regions",
				this.catalog.regions()
					.stream()
					.map(r -> new ReportPage.Option(r.code(), r.label().in(locale)))
					.toList());
		model.addAttribute("kinds",
				ReportAnswers.WHAT.stream()
					.map(code -> new ReportPage.Option(code, message("report.what." + code, locale)))
					.toList());
		model.addAttribute("retentionDays", this.reports.retentionDays());
		return "intake/list";
	}

	@GetMapping("/intake/{id}")
	String report(@PathVariable String id, Actor actor, Model model, Locale locale) {
		Reports.Opened opened = this.reports.open(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ReportAnswers a = opened.answers();
		model.addAttribute("row", row(opened.summary(), locale));
		model.addAttribute("answers", List.of(
				new Answer(message("report.field.what", locale), term("report.what.", a.what(), locale)),
				new Answer(message("report.field.date", locale), (a.date() != null) ? a.date().toString() : ""),
				new Answer(message("report.field.region", locale), region(a.region(), locale)),
				new Answer(message("report.field.place", locale), text(a.place())),
				new Answer(message("report.field.person", locale), text(a.person())),
				new Answer(message("report.field.relation", locale), term("report.relation.", a.relation(), locale)),
				new Answer(message("report.field.denounced", locale), term("report.answer.", a.denounced(), locale)),
				new Answer(message("report.field.informant", locale),
						(a.informant() != null) ? this.catalog.valueLabel("informant-relationships", a.informant())
							.map(l -> l.in(locale))
							.orElse(a.informant()) : ""),
				new Answer(message("report.field.accused", locale), text(a.accused())),
				new Answer(message("report.field.hasLawyer", locale), term("report.answer.", a.hasLawyer(), locale)),
				new Answer(message("report.field.needsLawyer", locale),
						message(a.needsLawyer() ? "report.answer.yes" : "report.answer.no", locale)),
				new Answer(message("report.field.contact", locale), text(a.contact())),
				new Answer(message("report.field.text", locale), text(a.text()))));
		model.addAttribute("decisions",
				java.util.Arrays.stream(ReportState.values())
					.filter(s -> s != ReportState.NEW)
					.map(s -> new ReportPage.Option(s.code(), message("intake.decide." + s.code(), locale)))
					.toList());
		model.addAttribute("staff",
				this.accounts.all()
					.stream()
					.filter(account -> account.enabled() && this.policy.may(account.role(), Capability.TRIAGE_REPORTS))
					.map(account -> account.login())
					.toList());
		return "intake/report";
	}

	@PostMapping("/intake/{id}/decide")
	String decide(@PathVariable String id, @RequestParam String state, Actor actor, RedirectAttributes redirect) {
		ReportState decided = ReportState.ofCode(state)
			.filter(s -> s != ReportState.NEW)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		if (!this.reports.decide(actor, id, decided)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("decided", "intake.decided." + decided.code());
		return "redirect:/intake/" + id;
	}

	@PostMapping("/intake/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(defaultValue = "") String login, Actor actor,
			RedirectAttributes redirect) {
		if (!this.reports.assign(actor, id, login.isBlank() ? null : login)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("decided", "intake.assigned");
		return "redirect:/intake/" + id;
	}

	private Row row(Reports.Summary summary, Locale locale) {
		return new Row(summary.id(), summary.receivedOn().toString(),
				message("intake.channel." + summary.channel(), locale), term("report.what.", summary.kind(), locale),
				region(summary.region(), locale), message("intake.state." + summary.state().code(), locale),
				(summary.assignee() != null) ? summary.assignee() : "");
	}

	private String region(String code, Locale locale) {
		return (code == null) ? ""
				: this.catalog.valueLabel("regions", code).map(label -> label.in(locale)).orElse(code);
	}

	private String term(String prefix, String code, Locale locale) {
		return (code == null) ? "" : message(prefix + code, locale);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	/** Shows the reports link, with how many are new, to those who triage. */
	@ControllerAdvice
	static class Navigation {

		private final AccessPolicy policy;

		private final Reports reports;

		Navigation(AccessPolicy policy, Reports reports) {
			this.policy = policy;
			this.reports = reports;
		}

		@ModelAttribute("newReports")
		Long newReports() {
			return Sessions.currentActor()
				.filter(actor -> this.policy.may(actor, Capability.TRIAGE_REPORTS).isGranted())
				.map(this.reports::waiting)
				.orElse(null);
		}

	}

}
