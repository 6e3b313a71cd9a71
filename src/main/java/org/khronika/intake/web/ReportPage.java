package org.khronika.intake.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.khronika.catalog.Catalog;
import org.khronika.intake.InvalidReport;
import org.khronika.intake.Receipt;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.ReportState;
import org.khronika.intake.Reports;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public report form, {@code /report}, in Russian, Ukrainian and English: no login,
 * no cookie, no JavaScript, nothing from elsewhere. A report is sealed as it arrives and
 * answered with a receipt, shown once. {@code /report/status} shows its state to whoever
 * has the receipt, and lets them withdraw it. The receipt travels only in a form's body,
 * never in an address. Nothing about the request (address, browser, time of day) is kept;
 * the address is only counted, in memory, to slow down floods and receipt guessing.
 */
@Controller
class ReportPage {

	private final Reports reports;

	private final Catalog catalog;

	private final MessageSource messages;

	private final AddressThrottle submissions;

	private final AddressThrottle lookups;

	ReportPage(Reports reports, Catalog catalog, MessageSource messages, java.time.Clock clock) {
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
		// a mass-detention day sends many reports through one Tor exit: generous for
		// reports, strict for receipts, which can be guessed
		this.submissions = new AddressThrottle(60, clock);
		this.lookups = new AddressThrottle(10, clock);
	}

	/** An option of a choice: its code and its words in the reader's language. */
	record Option(String code, String label) {
	}

	@GetMapping("/report")
	String form(Model model, Locale locale) {
		prepare(model, locale, Map.of(), List.of());
		return "report/form";
	}

	@PostMapping("/report")
	String submit(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		if (!this.submissions.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			prepare(model, locale, form.toSingleValueMap(), List.of(new Problem("", "report.problem.busy")));
			return "report/form";
		}
		Map<String, String> given = form.toSingleValueMap();
		List<Problem> problems = new ArrayList<>();
		ReportAnswers answers = answers(given, problems);
		if (problems.isEmpty()) {
			try {
				Receipt receipt = this.reports.submit(answers, Reports.Channel.WEB);
				model.addAttribute("receipt", receipt.display());
				model.addAttribute("lang", locale.getLanguage());
				return "report/receipt";
			}
			catch (InvalidReport ex) {
				ex.problems().forEach(p -> problems.add(new Problem(p.field(), p.code(), p.arguments())));
			}
		}
		response.setStatus(422);
		prepare(model, locale, given, problems);
		return "report/form";
	}

	@GetMapping("/report/status")
	String statusForm(Model model, Locale locale) {
		model.addAttribute("lang", locale.getLanguage());
		return "report/status";
	}

	@PostMapping("/report/status")
	String status(@RequestParam(defaultValue = "") String receipt, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("lang", locale.getLanguage());
		Optional<Receipt> parsed = lookup(receipt, request, response, model);
		if (parsed.isEmpty()) {
			return "report/status";
		}
		Optional<ReportState> state = this.reports.status(parsed.get());
		if (state.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("problem", "report.status.unknown");
			return "report/status";
		}
		model.addAttribute("state", state.get().shownToReporter());
		// the receipt goes back into the page's own forms only, never into an address
		model.addAttribute("receipt", parsed.get().display());
		return "report/status";
	}

	@PostMapping("/report/withdraw")
	String withdraw(@RequestParam(defaultValue = "") String receipt, @RequestParam(defaultValue = "false") boolean sure,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("lang", locale.getLanguage());
		Optional<Receipt> parsed = lookup(receipt, request, response, model);
		if (parsed.isEmpty()) {
			return "report/status";
		}
		if (!sure) {
			response.setStatus(422);
			model.addAttribute("problem", "report.withdraw.notSure");
			model.addAttribute("receipt", parsed.get().display());
			this.reports.status(parsed.get()).ifPresent(state -> model.addAttribute("state", state.shownToReporter()));
			return "report/status";
		}
		if (!this.reports.withdraw(parsed.get())) {
			response.setStatus(404);
			model.addAttribute("problem", "report.status.unknown");
			return "report/status";
		}
		model.addAttribute("withdrawn", true);
		return "report/status";
	}

	/**
	 * The receipt typed, if it may be looked up: written as a receipt is, and within the
	 * tries a network has this minute (only receipts that could be one count: a typo
	 * guesses nothing). Otherwise the page is told why.
	 */
	private Optional<Receipt> lookup(String typed, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Receipt> parsed = Receipt.parse(typed);
		if (parsed.isEmpty()) {
			response.setStatus(422);
			model.addAttribute("problem", typed.isBlank() ? "report.status.empty" : "report.status.malformed");
			return parsed;
		}
		if (!this.lookups.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			model.addAttribute("problem", "report.status.busy");
			return Optional.empty();
		}
		return parsed;
	}

	/**
	 * A problem with the form as the page shows it: the field, the message, its values.
	 */
	record Problem(String field, String code, Object... arguments) {
	}

	/**
	 * The answers as typed, read into their types; problems of form go to
	 * {@code problems}.
	 */
	private static ReportAnswers answers(Map<String, String> form, List<Problem> problems) {
		for (Map.Entry<String, String> entry : form.entrySet()) {
			if (entry.getValue() != null && entry.getValue().indexOf('\uFFFD') >= 0) {
				// the browser sent bytes that are not UTF-8: nothing typed is read as
				// garbage
				problems.add(new Problem(entry.getKey(), "report.problem.encoding"));
			}
		}
		LocalDate date = null;
		String day = given(form, "date");
		if (day != null) {
			try {
				date = LocalDate.parse(day);
			}
			catch (DateTimeParseException ex) {
				problems.add(new Problem("date", "report.problem.date"));
			}
		}
		return new ReportAnswers(given(form, "what"), date, given(form, "region"), given(form, "place"),
				given(form, "person"), given(form, "relation"), given(form, "denounced"), given(form, "informant"),
				given(form, "accused"), given(form, "hasLawyer"), "yes".equals(given(form, "needsLawyer")),
				given(form, "contact"), given(form, "text"));
	}

	private static String given(Map<String, String> form, String field) {
		String value = form.get(field);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private void prepare(Model model, Locale locale, Map<String, String> values, List<Problem> problems) {
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("values", values);
		Map<String, String> byField = new LinkedHashMap<>();
		for (Problem problem : problems) {
			byField.merge(problem.field(),
					this.messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale),
					(a, b) -> a + " " + b);
		}
		model.addAttribute("problems", byField);
		model.addAttribute("what", options(ReportAnswers.WHAT, "report.what.", locale));
		model.addAttribute("relations", options(ReportAnswers.RELATIONS, "report.relation.", locale));
		model.addAttribute("yesNo", options(ReportAnswers.YES_NO, "report.answer.", locale));
		model.addAttribute("regions",
				this.catalog.regions().stream().map(r -> new Option(r.code(), r.label().in(locale))).toList());
		model.addAttribute("informants",
				this.catalog.vocabulary("informant-relationships")
					.terms()
					.stream()
					.map(t -> new Option(t.code(), t.label().in(locale)))
					.toList());
		model.addAttribute("retentionDays", this.reports.retentionDays());
		model.addAttribute("maxText", ReportAnswers.LONG);
	}

	private List<Option> options(List<String> codes, String prefix, Locale locale) {
		return codes.stream()
			.map(code -> new Option(code, this.messages.getMessage(prefix + code, null, code, locale)))
			.toList();
	}

}
