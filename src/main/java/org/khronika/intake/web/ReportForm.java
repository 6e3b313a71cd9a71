package org.khronika.intake.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.khronika.catalog.Catalog;
import org.khronika.intake.Attachment;
import org.khronika.intake.InvalidReport;
import org.khronika.intake.Receipt;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.ReportInbox;
import org.khronika.intake.Reports;
import org.khronika.web.ReportLanguages;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * The report's questions as a form, shared by the public page and the operator's phone
 * form: their choices in the reader's language, the answers read from a posted form, and
 * a submission that ends on the receipt or on the form again with its problems by field.
 */
class ReportForm {

	/** An option of a choice: its code and its words in the reader's language. */
	record Option(String code, String label) {
	}

	private final ReportInbox reports;

	private final Catalog catalog;

	private final MessageSource messages;

	/**
	 * Reports a minute from one address on the public form: generous, as a day of mass
	 * detentions sends many reports through one Tor exit.
	 */
	private final AddressThrottle submissions;

	ReportForm(ReportInbox reports, Catalog catalog, MessageSource messages, int reportsPerMinute,
			java.time.Clock clock) {
		this.submissions = new AddressThrottle(reportsPerMinute, clock);
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
	}

	/**
	 * Takes a report posted to the public form in, if its address has not sent too many
	 * this minute (429 and the form again if it has).
	 */
	String submitPublic(MultiValueMap<String, String> form, List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		List<Attachment> attachments = attachments(files);
		if (!this.submissions.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			List<Problem> problems = new ArrayList<>(List.of(new Problem("", "report.problem.busy")));
			if (!attachments.isEmpty()) {
				problems.add(new Problem(ReportInbox.FILES, "report.problem.files.again"));
			}
			prepare(model, locale, form.toSingleValueMap(), problems);
			return "report/form";
		}
		return submit(form, attachments, Reports.Channel.WEB, request, response, model, locale, "report/form",
				"report/receipt");
	}

	/**
	 * The files chosen in the form: a file field left empty still sends a part, with no
	 * name and no bytes, which is no file.
	 */
	private static List<Attachment> attachments(List<MultipartFile> files) {
		List<Attachment> attachments = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			String name = file.getOriginalFilename();
			if ((name == null || name.isEmpty()) && file.isEmpty()) {
				continue;
			}
			try {
				attachments.add(new Attachment(name, file.getContentType(), file.getBytes()));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException("a file sent with a report could not be read", ex);
			}
		}
		return attachments;
	}

	/**
	 * Takes the posted report in through {@code channel}: the {@code receiptView} with
	 * the receipt, or the {@code formView} again (422) with what was typed and its
	 * problems.
	 */
	String submit(MultiValueMap<String, String> form, Reports.Channel channel, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale, String formView, String receiptView) {
		return submit(form, List.of(), channel, request, response, model, locale, formView, receiptView);
	}

	private String submit(MultiValueMap<String, String> form, List<Attachment> files, Reports.Channel channel,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale, String formView,
			String receiptView) {
		Map<String, String> given = form.toSingleValueMap();
		List<Problem> problems = new ArrayList<>();
		if (ReportLanguages.unreadable(request)) {
			problems.add(new Problem("", "report.problem.encoding"));
		}
		ReportAnswers answers = answers(given, problems);
		if (problems.isEmpty()) {
			try {
				Receipt receipt = this.reports.submit(answers, files, channel);
				model.addAttribute("receipt", receipt.display());
				model.addAttribute("lang", locale.getLanguage());
				return receiptView;
			}
			catch (InvalidReport ex) {
				ex.problems().forEach(p -> problems.add(new Problem(p.field(), p.code(), p.arguments())));
			}
		}
		if (!files.isEmpty()) {
			problems.add(new Problem(ReportInbox.FILES, "report.problem.files.again"));
		}
		response.setStatus(422);
		prepare(model, locale, given, problems);
		return formView;
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

	void prepare(Model model, Locale locale, Map<String, String> values, List<Problem> problems) {
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
		model.addAttribute("maxFiles", Attachment.MAX_FILES);
		model.addAttribute("maxFileMegabytes", Attachment.MAX_BYTES / 1_000_000);
	}

	private List<Option> options(List<String> codes, String prefix, Locale locale) {
		return codes.stream()
			.map(code -> new Option(code, this.messages.getMessage(prefix + code, null, code, locale)))
			.toList();
	}

}
