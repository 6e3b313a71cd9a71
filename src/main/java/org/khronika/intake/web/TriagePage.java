package org.khronika.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Moments;
import org.khronika.intake.ReportAnswers;
import org.khronika.intake.ReportState;
import org.khronika.intake.Reports;
import org.khronika.intake.files.FileKind;
import org.khronika.catalog.LawArticle;
import org.khronika.registry.RecordKind;
import org.khronika.registry.Refusal;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final Registry registry;

	private final ReportForm form;

	TriagePage(Reports reports, Catalog catalog, MessageSource messages, Accounts accounts, AccessPolicy policy,
			Registry registry, ReportForm form) {
		this.form = form;
		this.registry = registry;
		this.reports = reports;
		this.catalog = catalog;
		this.messages = messages;
		this.accounts = accounts;
		this.policy = policy;
	}

	/** A report in the list, in words. */
	record Row(String id, java.time.LocalDate receivedOn, String channel, String what, String region, String state,
			String assignee) {
	}

	/**
	 * An answer of an opened report, in words.
	 *
	 * @param day the answer's ISO day, for a {@code <time datetime>}, when it is a day;
	 * otherwise null
	 */
	record Answer(String question, String answer, String day) {

		Answer(String question, String answer) {
			this(question, answer, null);
		}

	}

	/**
	 * A record form filled in from an accepted report: where it is posted (the kind's
	 * page) and the values, which travel in the form's body only.
	 */
	record Draft(String plural, Map<String, List<String>> fields) {
	}

	/**
	 * Asks the registry's record form to show itself filled in rather than save:
	 * {@code RecordPages.FIND}, the find button of a form that works without JavaScript.
	 */
	private static final String SHOW_FILLED = "_find";

	@GetMapping("/intake")
	String queue(@RequestParam(required = false) String state, @RequestParam(required = false) String region,
			@RequestParam(required = false) String what, @RequestParam(defaultValue = "false") boolean mine,
			Actor actor, Model model, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		ReportState wanted = (blank(state) == null) ? null : ReportState.ofCode(state).orElse(null);
		// a filter the queue does not know (an edited or old bookmark) is named, as the
		// registry's lists name it, rather than shown as a queue with nothing in it
		String problem = null;
		if (blank(state) != null && wanted == null) {
			problem = unknownFilter("state", state, locale);
		}
		else if (blank(region) != null && this.catalog.valueLabel("regions", region).isEmpty()) {
			problem = unknownFilter("region", region, locale);
		}
		else if (blank(what) != null && !ReportAnswers.WHAT.contains(what)) {
			problem = unknownFilter("what", what, locale);
		}
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem);
		}
		List<Row> rows = (problem != null) ? List.of() : this.reports
			.queue(actor, new Reports.Filter(wanted, blank(region), blank(what), mine ? actor.login() : null), SHOWN)
			.stream()
			.map(summary -> row(summary, locale))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("state", (wanted != null) ? wanted.code() : "");
		model.addAttribute("region", (region != null) ? region : "");
		model.addAttribute("what", (what != null) ? what : "");
		model.addAttribute("mine", mine);
		model.addAttribute("states",
				java.util.Arrays.stream(ReportState.values())
					.map(s -> new ReportForm.Option(s.code(), message("intake.state." + s.code(), locale)))
					.toList());
		model.addAttribute("regions",
				this.catalog.regions()
					.stream()
					.map(r -> new ReportForm.Option(r.code(), r.label().in(locale)))
					.toList());
		model.addAttribute("kinds",
				ReportAnswers.WHAT.stream()
					.map(code -> new ReportForm.Option(code, message("report.what." + code, locale)))
					.toList());
		model.addAttribute("retentionDays", this.reports.retentionDays());
		return "intake/list";
	}

	/** The form for a report taken by phone: the public form's questions. */
	@GetMapping("/intake/new")
	String phoneForm(Actor actor, Model model, Locale locale) {
		requireTriage(actor);
		this.form.prepare(model, locale, Map.of(), List.of());
		return "intake/phone";
	}

	@PostMapping("/intake/new")
	String phone(@RequestParam org.springframework.util.MultiValueMap<String, String> form, Actor actor,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			Model model, Locale locale) {
		requireTriage(actor);
		return this.form.submit(form, Reports.Channel.PHONE, request, response, model, locale, "intake/phone",
				"intake/phone-receipt");
	}

	private void requireTriage(Actor actor) {
		org.khronika.access.AccessRefused.unless(this.policy.may(actor, Capability.TRIAGE_REPORTS));
	}

	@GetMapping("/intake/{id}")
	String report(@PathVariable String id, Actor actor, Model model, Locale locale) {
		Reports.Opened opened = this.reports.open(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("row", row(opened.summary(), locale));
		model.addAttribute("unreadable", opened.unreadable());
		model.addAttribute("messages", opened.messages());
		model.addAttribute("files",
				opened.files()
					.stream()
					.map(file -> new FileRow(file.position() + 1, file.name(), file.kind().name(),
							file.kind().image() && file.kind() != FileKind.HEIC, size(file.size(), locale),
							file.removed()
								.stream()
								.map(code -> message("intake.file.removed." + code, locale))
								.collect(java.util.stream.Collectors.joining(", "))))
					.toList());
		ReportAnswers a = opened.answers();
		model.addAttribute("answers", (a == null) ? List.of() : List.of(
				new Answer(message("report.field.what", locale), term("report.what.", a.what(), locale)),
				new Answer(message("report.field.date", locale), new Moments(locale).day(a.date()),
						(a.date() != null) ? a.date().toString() : null),
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
		if (a != null && opened.sourceId() != null) {
			model.addAttribute("drafts", drafts(a, opened.sourceId()));
			model.addAttribute("showFilled", SHOW_FILLED);
		}
		// a report that does not open can be closed, not taken into the records
		boolean mayAccept = !opened.unreadable() && this.registry.mayCreate(actor, RecordKind.SOURCE);
		model.addAttribute("grades", GRADES);
		model.addAttribute("mayAccept", mayAccept);
		// an accepted report is a source the records cite: it stays accepted
		model.addAttribute("accepted", opened.sourceId() != null);
		model.addAttribute("decisions",
				java.util.Arrays.stream(ReportState.values())
					.filter(s -> s != ReportState.NEW && (mayAccept || s != ReportState.ACCEPTED))
					.map(s -> new ReportForm.Option(s.code(), message("intake.decide." + s.code(), locale)))
					.toList());
		model.addAttribute("staff",
				this.accounts.all()
					.stream()
					.filter(account -> account.enabled() && this.policy.may(account.role(), Capability.TRIAGE_REPORTS))
					.map(account -> account.login())
					.toList());
		return "intake/report";
	}

	/**
	 * A file of a report as the triage page lists it: its number, the name it came with,
	 * its kind, whether a browser shows it, its size, and what hidden data was removed.
	 */
	record FileRow(int number, String name, String kind, boolean shown, String size, String removed) {
	}

	private String size(long bytes, Locale locale) {
		return (bytes < 1_000_000)
				? this.messages.getMessage("intake.file.kilobytes", new Object[] { (bytes + 999) / 1000 }, locale)
				: this.messages.getMessage("intake.file.megabytes",
						new Object[] { String.format(locale, "%.1f", bytes / 1_000_000.0) }, locale);
	}

	/**
	 * File {@code number} of report {@code id}: cleaned of its hidden data, or the
	 * untouched {@code original}; audited either way. Only a cleaned photo is shown in
	 * the page; everything else is downloaded under a name that says only which report's
	 * file it is, and never kept in a cache.
	 */
	@GetMapping("/intake/{id}/files/{number}")
	ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable int number,
			@RequestParam(defaultValue = "false") boolean original, Actor actor) {
		Reports.OpenedFile file = this.reports.openFile(actor, id, number - 1, original)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		FileKind kind = file.description().kind();
		boolean inline = !original && kind.image() && kind != FileKind.HEIC;
		String name = "report-" + id.substring(0, 8) + "-file-" + number + (original ? "-original" : "") + "."
				+ kind.extension();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(kind.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.builder(inline ? "inline" : "attachment").filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(file.content());
	}

	@PostMapping("/intake/{id}/decide")
	String decide(@PathVariable String id, @RequestParam String state,
			@RequestParam(defaultValue = "F6") String reliability, Actor actor, RedirectAttributes redirect) {
		ReportState decided = ReportState.ofCode(state)
			.filter(s -> s != ReportState.NEW)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		if (decided == ReportState.ACCEPTED) {
			SaveResult result = this.reports.accept(actor, id, reliability);
			if (result instanceof SaveResult.Refused refused) {
				if (refused.refusal() == Refusal.NOT_FOUND) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND);
				}
				redirect.addFlashAttribute("refused",
						(refused.refusal() == Refusal.DENIED) ? "intake.acceptDenied" : "intake.acceptInvalid");
				return "redirect:/intake/" + id;
			}
		}
		else {
			switch (this.reports.decide(actor, id, decided)) {
				case NO_SUCH_REPORT -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
				case ACCEPTED_ALREADY -> {
					redirect.addFlashAttribute("refused", "intake.acceptedStays");
					return "redirect:/intake/" + id;
				}
				case DECIDED -> {
				}
			}
		}
		redirect.addFlashAttribute("decided", "intake.decided." + decided.code());
		return "redirect:/intake/" + id;
	}

	/** The Admiralty grades, A1 to F6. */
	private static final List<String> GRADES = "ABCDEF".chars()
		.boxed()
		.flatMap(letter -> java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(n -> (char) (int) letter + "" + n))
		.toList();

	/**
	 * The forms of a person, an incident and a case filled in from {@code a}, each citing
	 * the report's source. Answers the forms have no field for stay in the report.
	 */
	private List<Draft> drafts(ReportAnswers a, String source) {
		Map<String, List<String>> person = new LinkedHashMap<>();
		put(person, "names", a.person());
		put(person, "region", a.region());
		put(person, "sources", source);
		Map<String, List<String>> incident = new LinkedHashMap<>();
		put(incident, "date", (a.date() != null) ? a.date().toString() : null);
		put(incident, "region", a.region());
		put(incident, "locality", a.place());
		put(incident, "type", "search".equals(a.what()) ? "search" : null);
		put(incident, "description", a.text());
		put(incident, "sources", source);
		Map<String, List<String>> courtCase = new LinkedHashMap<>();
		put(courtCase, "region", a.region());
		put(courtCase, "trigger",
				"yes".equals(a.denounced()) ? "denunciation" : "search".equals(a.what()) ? "search" : null);
		put(courtCase, "informant", "yes".equals(a.denounced()) ? a.informant() : null);
		put(courtCase, "charges", (a.accused() != null)
				? this.catalog.findArticle(a.accused()).map(LawArticle::code).orElse(null) : null);
		put(courtCase, "sources", source);
		return List.of(new Draft("persons", person), new Draft("incidents", incident), new Draft("cases", courtCase));
	}

	private static void put(Map<String, List<String>> fields, String field, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(field, List.of(value));
		}
	}

	@PostMapping("/intake/{id}/ask")
	String ask(@PathVariable String id, @RequestParam(defaultValue = "") String message, Actor actor,
			RedirectAttributes redirect) {
		try {
			if (!this.reports.ask(actor, id, message)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("decided", "intake.asked");
		}
		catch (org.khronika.intake.InvalidReport ex) {
			redirect.addFlashAttribute("refused", "intake.askEmpty");
		}
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
		return new Row(summary.id(), summary.receivedOn(), message("intake.channel." + summary.channel(), locale),
				term("report.what.", summary.kind(), locale), region(summary.region(), locale),
				message("intake.state." + summary.state().code(), locale),
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

	/** A filter the queue does not know, named as the form labels its field. */
	private String unknownFilter(String field, String value, Locale locale) {
		return this.messages
			.getMessage("list.badParameter",
					new Object[] { this.messages.getMessage("intake.filter." + field, null, locale),
							this.messages.getMessage("problem.unknown_value", new Object[] { value }, locale) },
					locale);
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	/** Shows the reports link, with how many are new, to those who triage. */
	@org.springframework.stereotype.Component
	static class Navigation implements org.khronika.web.PageAttributes {

		private final AccessPolicy policy;

		private final Reports reports;

		Navigation(AccessPolicy policy, Reports reports) {
			this.policy = policy;
			this.reports = reports;
		}

		@Override
		public void addTo(Map<String, Object> model, Locale locale) {
			model.put("newReports", newReports());
			model.put("myReports", myReports());
			model.put("reportOfSource", reportOfSource());
		}

		/** The reader, if they triage reports. */
		private java.util.Optional<Actor> triager() {
			return Sessions.currentActor()
				.filter(actor -> this.policy.may(actor, Capability.TRIAGE_REPORTS).isGranted());
		}

		private Long newReports() {
			return triager().map(this.reports::waiting).orElse(null);
		}

		/**
		 * How many open reports are assigned to the reader, for the overview: asked only
		 * when a page shows it.
		 */
		private java.util.function.Supplier<Long> myReports() {
			return () -> triager().map(this.reports::assignedTo).orElse(null);
		}

		/**
		 * The report a source was accepted from, for the source's page, asked only there:
		 * to those who triage, a way back to the report and its files; to others nothing
		 * (null), as the source's reference already says which report it was.
		 */
		private java.util.function.Function<String, Reports.Origin> reportOfSource() {
			return source -> triager().flatMap(actor -> this.reports.acceptedAs(actor, source)).orElse(null);
		}

	}

}
