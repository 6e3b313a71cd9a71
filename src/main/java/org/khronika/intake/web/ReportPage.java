package org.khronika.intake.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.khronika.intake.InvalidReport;
import org.khronika.intake.Receipt;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.ReportState;
import org.khronika.intake.Reports;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
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

	private final ReportForm form;

	private final MessageSource messages;

	private final AddressThrottle lookups;

	ReportPage(Reports reports, ReportForm form, MessageSource messages, java.time.Clock clock,
			org.khronika.intake.IntakeSettings settings) {
		this.reports = reports;
		this.form = form;
		this.messages = messages;
		// strict for receipts, which can be guessed
		this.lookups = new AddressThrottle(settings.receiptTriesPerMinute(), clock);
	}

	@GetMapping("/report")
	String form(Model model, Locale locale) {
		this.form.prepare(model, locale, Map.of(), List.of());
		return "report/form";
	}

	@PostMapping("/report")
	String submit(@RequestParam MultiValueMap<String, String> form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		return this.form.submitPublic(form, files, request, response, model, locale);
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
		show(parsed.get(), state.get(), model);
		return "report/status";
	}

	/**
	 * The report's state and conversation, for the holder of its receipt. The receipt
	 * goes back into the page's own forms only, never into an address.
	 */
	private void show(Receipt receipt, ReportState state, Model model) {
		model.addAttribute("state", state.shownToReporter());
		model.addAttribute("waitingForYou", state == ReportState.NEEDS_INFORMATION);
		model.addAttribute("receipt", receipt.display());
		model.addAttribute("messages", this.reports.messages(receipt));
	}

	@PostMapping("/report/reply")
	String reply(@RequestParam(defaultValue = "") String receipt, @RequestParam(defaultValue = "") String message,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("lang", locale.getLanguage());
		Optional<Receipt> parsed = lookup(receipt, request, response, model);
		if (parsed.isEmpty()) {
			return "report/status";
		}
		try {
			if (message.indexOf('\uFFFD') >= 0) {
				// the browser sent bytes that are not UTF-8: nothing is read as garbage
				throw new InvalidReport(List.of(new ReportAnswers.Problem("message", "report.problem.encoding")));
			}
			if (!this.reports.reply(parsed.get(), message)) {
				response.setStatus(404);
				model.addAttribute("problem", "report.status.unknown");
				return "report/status";
			}
			model.addAttribute("sent", true);
		}
		catch (InvalidReport ex) {
			response.setStatus(422);
			ReportAnswers.Problem problem = ex.problems().get(0);
			model.addAttribute("messageProblem",
					this.messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale));
			model.addAttribute("draft", message);
		}
		this.reports.status(parsed.get()).ifPresent(state -> show(parsed.get(), state, model));
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
			this.reports.status(parsed.get()).ifPresent(state -> show(parsed.get(), state, model));
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

}
