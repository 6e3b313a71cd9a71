package org.khronika.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.Account;
import org.khronika.access.Accounts;
import org.khronika.access.Actor;
import org.khronika.catalog.Catalog;
import org.khronika.registry.CaseDetails;
import org.khronika.registry.CaseEventDetails;
import org.khronika.registry.CaseEventType;
import org.khronika.registry.CaseStatus;
import org.khronika.registry.Dossier;
import org.khronika.registry.Field;
import org.khronika.registry.FieldType;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.History;
import org.khronika.registry.HistoryItem;
import org.khronika.registry.InvalidQuery;
import org.khronika.registry.ListExport;
import org.khronika.registry.IncidentDetails;
import org.khronika.registry.ListQuery;
import org.khronika.registry.Outcome;
import org.khronika.registry.NextEvents;
import org.khronika.registry.Proceedings;
import org.khronika.registry.Listing;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.PersonMatcher;
import org.khronika.registry.RecordDetails;
import org.khronika.registry.RecordDraft;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordView;
import org.khronika.registry.Refusal;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The registry's pages, the same for every kind (each kind says what its fields, titles,
 * columns and summary are): list with filters and order, record, history, and the forms
 * to record and edit (Post/Redirect/Get; a hidden version guards against lost updates).
 * Work without JavaScript.
 */
@Controller
class RecordPages {

	private static final String KINDS = "{plural:persons|incidents|cases|case-events|sources}";

	private static final int PAGE_SIZE = 50;

	/**
	 * The button of a link field's search: the form is shown again with what was found,
	 * and nothing is saved.
	 */
	static final String FIND = "_find";

	/** The button that records a new person although the form offered known ones. */
	static final String ANYWAY = "_anyway";

	/**
	 * The creation form's "Save and add another": saved, the next blank form opens, with
	 * the records it links to kept (the next event of the same case).
	 */
	static final String ANOTHER = "_another";

	/**
	 * The button beside a field whose choice decides which fields apply: the form is
	 * shown again with the fields for the choice, and nothing is saved.
	 */
	static final String CHOOSE = "_choose";

	/**
	 * The fields a form showed, so that a choice changed without {@link #CHOOSE} shows
	 * the fields it calls for before anything is saved.
	 */
	static final String SHOWN = "_shown";

	/**
	 * A case event form for a hearing at which the measure of restraint was extended: one
	 * action that records the hearing and the extension, together.
	 */
	static final String EXTENSION = "_extension";

	/**
	 * The new person form's "Save and open a case": saved, the case form opens with the
	 * person chosen.
	 */
	static final String OPEN_CASE = "_openCase";

	/**
	 * A case event form opened from its case's page: once saved, the case's page again,
	 * where the next event is added.
	 */
	static final String TO_CASE = "_toCase";

	/** Someone who can be named on a record, as the access form lists them. */
	record StaffMember(String login, String role) {
	}

	/** A group of records that refer to the record shown, as a small table. */
	record Related(String heading, List<String> columns, List<RecordPresenter.Row> rows) {
	}

	/**
	 * The records around a record, as a table on its page: a column that names the page's
	 * own record on every row (the case of each of a case's events) says nothing there
	 * and is left out. One that names another record on some row (a linked person's other
	 * spelling) stays.
	 */
	static Related related(String heading, List<String> columns, List<RecordPresenter.Row> rows, String own) {
		List<Integer> kept = java.util.stream.IntStream.range(0, columns.size())
			.filter(i -> i == 0 || rows.stream().anyMatch(row -> !own.equals(row.cells().get(i))))
			.boxed()
			.toList();
		return new Related(heading, kept.stream().map(columns::get).toList(),
				rows.stream()
					.map(row -> new RecordPresenter.Row(row.id(), row.href(),
							kept.stream().map(row.cells()::get).toList(), row.title()))
					.toList());
	}

	private final Registry registry;

	private final Catalog catalog;

	private final MessageSource messages;

	private final Accounts accounts;

	private final Clock clock;

	/** The most rows a list exports at once. */
	private final int mostExported;

	private final RecordFinder finder;

	private final PersonMatcher matcher;

	RecordPages(Registry registry, RecordFinder finder, PersonMatcher matcher, Catalog catalog, MessageSource messages,
			Accounts accounts, Clock clock,
			@Value("${khronika.export.most-rows:" + ListExport.MOST_ROWS + "}") int mostExported) {
		this.mostExported = mostExported;
		this.finder = finder;
		this.matcher = matcher;
		this.registry = registry;
		this.catalog = catalog;
		this.messages = messages;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The overview: what needs attention (the intake module adds the reports waiting and
	 * those assigned to the reader, statistics the last 30 days' figures), the records
	 * the reader changed last, and every kind with its count.
	 */
	@GetMapping("/")
	String home(Actor actor, Model model, Locale locale) {
		List<Map<String, Object>> tiles = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			tiles.add(Map.of("code", kind.code(), "plural", kind.plural(), "count", this.registry.count(actor, kind),
					"mayCreate", this.registry.mayCreate(actor, kind)));
		}
		model.addAttribute("tiles", tiles);
		RecordPresenter presenter = presenter(locale);
		Listing changed = this.registry.changedBy(actor, 10);
		presenter.know(changed.referenced());
		model.addAttribute("changed", changed.page().items().stream().map(presenter::line).toList());
		return "home";
	}

	@GetMapping("/" + KINDS)
	String list(@PathVariable String plural, @RequestParam Map<String, String> asked, Actor actor, Model model,
			Locale locale, HttpServletResponse response) {
		RecordKind kind = kind(plural);
		Map<String, String> parameters = new LinkedHashMap<>(asked);
		boolean refused = parameters.remove(ListExport.REFUSED) != null;
		RecordPresenter presenter = presenter(locale);
		model.addAttribute("kind", kind.code());
		model.addAttribute("plural", plural);
		model.addAttribute("mayCreate", this.registry.mayCreate(actor, kind));
		model.addAttribute("filters", filters(kind, parameters, presenter));
		model.addAttribute("sorts", sorts(kind, presenter));
		model.addAttribute("query", parameters);
		// how many filters narrow the list: then they are shown unfolded, on a phone too
		long filtered = parameters.entrySet()
			.stream()
			.filter(p -> !List.of("page", "size", "lang", "sort").contains(p.getKey()) && !p.getValue().isBlank())
			.count();
		model.addAttribute("filtered", filtered);
		ListQuery query;
		Listing listing;
		try {
			query = ListQuery.parse(kind, parameters, PAGE_SIZE);
			listing = this.registry.list(actor, query, false);
		}
		catch (InvalidQuery ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem(kind, ex.problem(), presenter));
			model.addAttribute("rows", List.of());
			return "records/list";
		}
		presenter.know(listing.referenced());
		model.addAttribute("columns", presenter.columns(kind));
		model.addAttribute("rows", listing.page().items().stream().map(presenter::row).toList());
		model.addAttribute("page", listing.page());
		model.addAttribute("empty", empty(listing.page(), filtered, presenter));
		// a bookmark past the end of a list that has shrunk leads back into it
		model.addAttribute("lastHref",
				pastEnd(listing.page()) ? pageLink(plural, parameters, listing.page().pages() - 1) : null);
		model.addAttribute("previousHref",
				listing.page().hasPrevious() ? pageLink(plural, parameters, query.page() - 1) : null);
		model.addAttribute("nextHref",
				listing.page().hasNext() ? pageLink(plural, parameters, query.page() + 1) : null);
		model.addAttribute("csvHref", exportLink(plural, parameters, ListExport.Format.CSV));
		model.addAttribute("xlsxHref", exportLink(plural, parameters, ListExport.Format.XLSX));
		// a list longer than a file holds says so in place of the links (and when a file
		// was refused because it grew past that since the page was shown)
		model.addAttribute("exportRefused", refused || listing.page().total() > this.mostExported);
		model.addAttribute("mostExported", this.mostExported);
		return "records/list";
	}

	/**
	 * A list, every page of it, as the reader sees it, as a CSV or XLSX file: the same
	 * filters and order as the page ({@code export=csv|xlsx} beside them), read at once
	 * and audited once, as an export. Past the most rows a file holds
	 * ({@code khronika.export.most-rows}) it is refused whole, nothing read: the reader
	 * is sent back to the list, which says to narrow it.
	 */
	@GetMapping(path = "/" + KINDS, params = "export")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String plural,
			@RequestParam Map<String, String> parameters, Actor actor, Locale locale) {
		RecordKind kind = kind(plural);
		ListExport.Format format = ListExport.Format.of(parameters.get("export"))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		Map<String, String> asked = new HashMap<>(parameters);
		asked.keySet().removeAll(List.of("export", "page", "size"));
		ListQuery query;
		try {
			query = ListQuery.parse(kind, asked, ListQuery.MAX_SIZE);
		}
		catch (InvalidQuery ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		RecordPresenter presenter = presenter(locale).withIsoDates();
		Listing listing = this.registry.export(actor, query, this.mostExported);
		if (listing.page().total() > this.mostExported) {
			// back to the list, which says why and how to narrow it: a download answered
			// with an error ends in the browser as a failed one, unexplained
			return org.springframework.http.ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI
					.create(listLink(plural, parameters, List.of("page", "export"), ListExport.REFUSED, "export")))
				.build();
		}
		presenter.know(listing.referenced());
		List<List<String>> rows = listing.page().items().stream().map(r -> presenter.row(r).cells()).toList();
		String file = "khronika-" + plural + "-" + LocalDate.now(this.clock) + "." + format.extension();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(format.contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ListExport.write(format, presenter.columns(kind), rows));
	}

	/**
	 * The list's filters, each with its choices: what this kind's list can be narrowed
	 * by.
	 */
	private List<Map<String, Object>> filters(RecordKind kind, Map<String, String> parameters,
			RecordPresenter presenter) {
		List<Map<String, Object>> filters = new ArrayList<>();
		for (ListQuery.Filter filter : kind.filters()) {
			kind.filterField(filter).ifPresent(field -> {
				List<RecordForm.Option> options = switch (field.type()) {
					case REGION -> this.catalog.regions()
						.stream()
						.map(r -> new RecordForm.Option(r.code(), r.label().in(presenter.locale())))
						.toList();
					case ARTICLES -> this.catalog.articles()
						.stream()
						.map(a -> new RecordForm.Option(a.code(), a.shortName(presenter.locale())))
						.toList();
					default -> this.catalog.vocabulary(field.vocabulary())
						.terms()
						.stream()
						.map(t -> new RecordForm.Option(t.code(), t.label().in(presenter.locale())))
						.toList();
				};
				filters.add(Map.of("name", filter.parameter(), "label", presenter.label(kind, field.name()), "options",
						options, "value", parameters.getOrDefault(filter.parameter(), "")));
			});
		}
		return filters;
	}

	/**
	 * What an empty page says: that it is past the end of the list, that nothing matches
	 * the filters, or that nothing is recorded; null when the page has records.
	 */
	private static String empty(org.khronika.registry.Page<?> page, long filtered, RecordPresenter presenter) {
		if (!page.items().isEmpty()) {
			return null;
		}
		if (pastEnd(page)) {
			return presenter.message("list.pastEnd", page.page() + 1, page.pages());
		}
		return presenter.message((filtered > 0) ? "list.noMatch" : "list.empty");
	}

	/** Whether {@code page} is empty past the end of a list that has records. */
	private static boolean pastEnd(org.khronika.registry.Page<?> page) {
		return page.items().isEmpty() && page.page() > 0 && page.total() > 0;
	}

	private static List<RecordForm.Option> sorts(RecordKind kind, RecordPresenter presenter) {
		List<RecordForm.Option> sorts = new ArrayList<>();
		sorts.add(new RecordForm.Option("-updated", presenter.message("list.sort.updated")));
		if (kind.dated()) {
			sorts.add(new RecordForm.Option("-date", presenter.message("list.sort.dateNewest")));
			sorts.add(new RecordForm.Option("date", presenter.message("list.sort.dateOldest")));
		}
		sorts.add(new RecordForm.Option("-created", presenter.message("list.sort.created")));
		return sorts;
	}

	private static String pageLink(String plural, Map<String, String> parameters, int page) {
		return listLink(plural, parameters, List.of(), "page", String.valueOf(page));
	}

	/** The list's export in {@code format}: its filters and order, every page. */
	private static String exportLink(String plural, Map<String, String> parameters, ListExport.Format format) {
		return listLink(plural, parameters, List.of("page", "size"), "export", format.extension());
	}

	/**
	 * The list with the filters and order {@code parameters} hold, less {@code dropped}
	 * (and the language, which the session keeps, and a refused file), and {@code name}
	 * set to {@code value} in place of any value given.
	 */
	private static String listLink(String plural, Map<String, String> parameters, List<String> dropped, String name,
			String value) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/" + plural);
		parameters.forEach((parameter, given) -> {
			if (!dropped.contains(parameter) && !List.of("lang", ListExport.REFUSED, name).contains(parameter)
					&& given != null && !given.isBlank()) {
				uri.queryParam(parameter, given);
			}
		});
		uri.queryParam(name, value);
		return uri.encode().build().toUriString();
	}

	@GetMapping("/" + KINDS + "/new")
	String initCreationForm(@PathVariable String plural, @RequestParam MultiValueMap<String, String> prefill,
			Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		requireCreate(actor, kind);
		Map<String, List<String>> values = new HashMap<>();
		// a record page's "new case for this person", "a hearing in this case": links
		// and codes only, never a sealed field, which would ride in the address
		kind.fields()
			.stream()
			.filter(f -> (f.isReference() || f.type() == FieldType.TERM) && !f.sealed()
					&& prefill.containsKey(f.name()))
			.forEach(f -> values.put(f.name(), List.of(prefill.getFirst(f.name()))));
		if (kind == RecordKind.CASE_EVENT && prefill.containsKey(EXTENSION)) {
			values.put(EXTENSION, List.of("true"));
		}
		if (kind == RecordKind.CASE_EVENT && prefill.containsKey("caseId")) {
			values.put(TO_CASE, List.of("true"));
		}
		return newForm(actor, kind, values, decides(actor, kind, values),
				errors(unknownPrefill(actor, kind, values), locale), model, locale);
	}

	/**
	 * The links a form was opened with (from a link that is stale, or edited) to records
	 * that do not exist or that the reader may not see, and the codes it was opened with
	 * that no list has ({@code ?type=hearing-hold}): said at their field when the form
	 * opens, where the field would show nothing chosen and the save would be refused.
	 */
	private List<FieldProblem> unknownPrefill(Actor actor, RecordKind kind, Map<String, List<String>> values) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Field field : kind.fields()) {
			for (String given : values.getOrDefault(field.name(), List.of())) {
				String shown = (given.length() > 64) ? given.substring(0, 64) : given;
				if (field.isReference() && RecordId.parseUuid(given)
					.map(field.target()::id)
					.filter(id -> this.registry.exists(actor, id))
					.isEmpty()) {
					problems.add(FieldProblem.of(field.name(), "no_such_record", field.target().code(), shown));
				}
				if (field.type() == FieldType.TERM && !this.catalog.vocabulary(field.vocabulary()).contains(given)) {
					problems.add(FieldProblem.of(field.name(), "unknown_term", shown));
				}
			}
		}
		return problems;
	}

	@PostMapping("/" + KINDS)
	String processCreationForm(@PathVariable String plural, @RequestParam MultiValueMap<String, String> form,
			Actor actor, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		RecordKind kind = kind(plural);
		requireCreate(actor, kind);
		Decides decides = decides(actor, kind, form);
		if (form.containsKey(FIND) || form.containsKey(CHOOSE)) {
			return newForm(actor, kind, form, decides, Map.of(), model, locale);
		}
		RecordView verdictCase = decides.verdictCase();
		if (callsForMoreFields(kind, form, chosen(kind, form), kind.fields())
				|| (verdictCase != null && callsForMoreFields(RecordKind.CASE, form, decided(form), outcomeFields()))) {
			model.addAttribute("moreFields", true);
			return newForm(actor, kind, form, decides, Map.of(), model, locale);
		}
		if (kind == RecordKind.PERSON && !form.containsKey(ANYWAY)
				&& this.registry.check(actor, RecordDraft.fromForm(kind, form), null).isEmpty()) {
			// someone already recorded may be this person: offer them before a second
			// record (a draft with problems is refused first, saying what to correct)
			if (!this.matcher.ready()) {
				// nobody found would not mean nobody recorded: say so, and let them
				// choose
				model.addAttribute("matches", List.of());
				model.addAttribute("cannotCheck", true);
				return newForm(actor, kind, form, decides, Map.of(), model, locale);
			}
			List<RecordView> matches = possibleMatches(actor, RecordDraft.fromForm(kind, form));
			if (!matches.isEmpty()) {
				RecordPresenter presenter = presenter(locale);
				model.addAttribute("matches", matches.stream().map(presenter::line).toList());
				return newForm(actor, kind, form, decides, Map.of(), model, locale);
			}
		}
		boolean extension = extension(kind, form);
		RecordView closedInquiry = form.containsKey(CLOSE_INQUIRY) ? decides.inquiry() : null;
		SaveResult result = extension ? this.registry.together(actor, hearingWithExtension(form))
				: (verdictCase != null) ? this.registry.together(actor, verdictWithOutcome(verdictCase, form))
						: (closedInquiry != null)
								? this.registry.together(actor, releaseClosingInquiry(closedInquiry, form))
								: this.registry.record(actor, RecordDraft.fromForm(kind, form));
		if (result instanceof SaveResult.Refused refused) {
			if (refused.refusal() != Refusal.INVALID) {
				throw refusal(refused);
			}
			response.setStatus(refused.refusal().status());
			List<FieldProblem> problems = extension ? onExtensionForm(refused.problems()) : refused.problems();
			return newForm(actor, kind, form, decides, errors(problems, locale), model, locale);
		}
		SaveResult.Saved saved = (SaveResult.Saved) result;
		if (extension || verdictCase != null || closedInquiry != null
				|| (kind == RecordKind.CASE_EVENT && form.containsKey(TO_CASE) && !form.containsKey(ANOTHER))) {
			// the case shows what was added (a hearing with an extension: both) and
			// offers the next
			redirect.addFlashAttribute("saved", true);
			return "redirect:/cases/" + RecordId.parseUuid(RecordForm.chosen(form).apply("caseId")).orElseThrow();
		}
		if (kind == RecordKind.PERSON && form.containsKey(OPEN_CASE)
				&& this.registry.mayCreate(actor, RecordKind.CASE)) {
			redirect.addFlashAttribute("savedRecord", "/" + plural + "/" + saved.id());
			return "redirect:/cases/new?person=" + saved.id();
		}
		if (form.containsKey(ANOTHER)) {
			redirect.addFlashAttribute("savedRecord", "/" + plural + "/" + saved.id());
			UriComponentsBuilder next = UriComponentsBuilder.fromPath("/" + plural + "/new");
			kind.fields()
				.stream()
				.filter(f -> f.isReference() && form.containsKey(f.name()) && form.get(f.name()).size() == 1)
				.forEach(f -> next.queryParam(f.name(), form.getFirst(f.name())));
			return "redirect:" + next.encode().build().toUriString();
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/" + plural + "/" + saved.id();
	}

	@GetMapping("/" + KINDS + "/{id}")
	String show(@PathVariable String plural, @PathVariable String id, Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		Dossier dossier = this.registry.dossier(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		RecordView record = dossier.record();
		RecordPresenter presenter = presenter(locale).know(dossier.referenced()).know(record).hide(dossier.hidden());
		List<RecordView> linkedRecords = kind.linkable() ? this.registry.linkedRecords(actor, record.id())
			.stream()
			.filter(other -> !other.id().equals(record.id()))
			.toList() : List.of();
		Map<RecordKind, List<RecordView>> around = asOne(actor, dossier, linkedRecords, presenter);
		List<RecordDetails> related = new ArrayList<>();
		around.values().forEach(views -> views.forEach(view -> related.add(view.details())));
		model.addAttribute("kind", kind.code());
		model.addAttribute("plural", plural);
		model.addAttribute("record", record);
		model.addAttribute("title", presenter.title(record));
		model.addAttribute("summary",
				record.kind().summary(record.details(), related, presenter, LocalDate.now(this.clock)));
		model.addAttribute("fields", presenter.fields(record));
		model.addAttribute("casesFor",
				(record.details() instanceof IncidentDetails incident && !record.shredded()
						&& this.registry.mayCreate(actor, RecordKind.CASE))
								? casesFor(record.id(), incident, dossier, presenter) : List.of());
		model.addAttribute("mayEdit",
				!record.shredded() && !record.unreadable() && this.registry.mayEdit(actor, record.id()));
		boolean mayShare = this.registry.mayShare(actor, record.id());
		model.addAttribute("mayShare", mayShare);
		model.addAttribute("mayAddCase", this.registry.mayCreate(actor, RecordKind.CASE));
		model.addAttribute("mayAddIncident", this.registry.mayCreate(actor, RecordKind.INCIDENT));
		model.addAttribute("mayShred", kind == RecordKind.PERSON && !record.shredded()
				&& this.registry.mayShred(actor, (PersonId) record.id()));
		model.addAttribute("mayAddEvent", this.registry.mayCreate(actor, RecordKind.CASE_EVENT));
		model.addAttribute("caseActions",
				(kind == RecordKind.CASE && !record.shredded() && this.registry.mayCreate(actor, RecordKind.CASE_EVENT))
						? caseActions(record, around.getOrDefault(RecordKind.CASE_EVENT, List.of()), presenter)
						: List.of());
		model.addAttribute("restricted", record.restricted());
		model.addAttribute("named", dossier.named());
		if (mayShare) {
			model.addAttribute("staff",
					this.accounts.all()
						.stream()
						.filter(Account::enabled)
						.map(a -> new StaffMember(a.login(), a.role().code()))
						.toList());
		}
		List<Related> groups = new ArrayList<>();
		for (RecordKind other : RecordKind.values()) {
			List<RecordView> linking = chronological(around.getOrDefault(other, List.of()));
			if (!linking.isEmpty()) {
				groups.add(related(presenter.message("kind." + other.code() + ".many"), presenter.columns(other),
						linking.stream().map(presenter::row).toList(), presenter.title(record)));
			}
		}
		model.addAttribute("related", groups);
		model.addAttribute("linkedRecords", linkedRecords.stream().map(presenter::line).toList());
		return "records/view";
	}

	/**
	 * A case page's one-step additions, each a case event form with the case and the kind
	 * of event chosen: the daily work of the lawyers who follow a case, from the arrest
	 * to the verdict, as far as the case admits them today (an inquiry has no hearings; a
	 * verdict needs a case in court; an extension, a measure in force, which its form
	 * then holds already). A questioning outside an inquiry is added through the general
	 * form, to keep the row short.
	 */
	private List<RecordForm.Option> caseActions(RecordView courtCase, List<RecordView> events,
			RecordPresenter presenter) {
		CaseDetails details = (CaseDetails) courtCase.details();
		NextEvents next = NextEvents.of(details,
				events.stream()
					.filter(e -> !e.shredded() && e.details() instanceof CaseEventDetails)
					.map(e -> (CaseEventDetails) e.details())
					.toList(),
				LocalDate.now(this.clock));
		String form = "/case-events/new?caseId=" + courtCase.id();
		String extension = (next.measureInForce() != null) ? "&measure=" + next.measureInForce().code() : "";
		List<RecordForm.Option> actions = new ArrayList<>();
		for (CaseEventType type : List.of(CaseEventType.DETENTION, CaseEventType.QUESTIONING, CaseEventType.SEARCH,
				CaseEventType.MEASURE_OF_RESTRAINT, CaseEventType.HEARING_SCHEDULED, CaseEventType.HEARING_HELD,
				CaseEventType.EXTENSION, CaseEventType.RELEASE, CaseEventType.VERDICT, CaseEventType.APPEAL)) {
			if (!next.admit(type)
					|| (type == CaseEventType.QUESTIONING && details.proceedings() != Proceedings.INQUIRY)) {
				continue;
			}
			actions.add(new RecordForm.Option(
					form + "&type=" + type.code() + ((type == CaseEventType.EXTENSION) ? extension : ""),
					presenter.term(CaseEventType.VOCABULARY, type.code())));
			if (type == CaseEventType.HEARING_HELD && next.admit(CaseEventType.EXTENSION)) {
				actions.add(new RecordForm.Option(form + "&" + EXTENSION + "=true" + extension,
						presenter.message("case.add.hearingWithExtension")));
			}
		}
		return actions;
	}

	/**
	 * An incident page's "open a case" for each person in it the reader may see: the case
	 * form with the person and the incident chosen.
	 */
	private static List<RecordForm.Option> casesFor(RecordId id, IncidentDetails incident, Dossier dossier,
			RecordPresenter presenter) {
		return incident.persons()
			.stream()
			.filter(dossier.referenced()::containsKey)
			.map(person -> new RecordForm.Option("/cases/new?person=" + person + "&incidents=" + id,
					presenter.message("action.newCaseFor", presenter.title(person))))
			.toList();
	}

	/**
	 * What refers to a record, and for a person (incident) linked with other records,
	 * what refers to any of them and the sources they cite: one person, with all their
	 * cases and sources on one page, as far as the reader may see them.
	 */
	private Map<RecordKind, List<RecordView>> asOne(Actor actor, Dossier dossier, List<RecordView> linkedRecords,
			RecordPresenter presenter) {
		if (linkedRecords.isEmpty()) {
			return dossier.related();
		}
		Map<RecordKind, Map<RecordId, RecordView>> around = new java.util.EnumMap<>(RecordKind.class);
		dossier.related()
			.forEach((kind, views) -> views
				.forEach(view -> around.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(view.id(), view)));
		Set<RecordId> cited = dossier.referenced().keySet();
		for (RecordView linked : linkedRecords) {
			Dossier other = this.registry.dossier(actor, linked.id()).orElse(null);
			if (other == null) {
				continue;
			}
			presenter.know(other.referenced()).know(other.record());
			other.related()
				.forEach((kind, views) -> views.forEach(
						view -> around.computeIfAbsent(kind, k -> new LinkedHashMap<>()).putIfAbsent(view.id(), view)));
			other.referenced()
				.values()
				.stream()
				.filter(view -> view.kind() == RecordKind.SOURCE && !cited.contains(view.id()))
				.forEach(view -> around.computeIfAbsent(RecordKind.SOURCE, k -> new LinkedHashMap<>())
					.putIfAbsent(view.id(), view));
		}
		Map<RecordKind, List<RecordView>> merged = new java.util.EnumMap<>(RecordKind.class);
		around.forEach((kind, views) -> merged.put(kind, new ArrayList<>(views.values())));
		return merged;
	}

	/**
	 * The persons already recorded that a new person's draft may describe; none if the
	 * draft cannot be read (saving it will say why).
	 */
	private List<RecordView> possibleMatches(Actor actor, RecordDraft draft) {
		List<String> names = draft.get("names")
			.stream()
			.flatMap(v -> v.lines())
			.map(String::strip)
			.filter(v -> !v.isEmpty())
			.toList();
		if (names.isEmpty()) {
			return List.of();
		}
		Integer born = draft.get("birthYear")
			.stream()
			.filter(v -> v.strip().matches("[0-9]{4}"))
			.map(v -> Integer.valueOf(v.strip()))
			.findFirst()
			.orElse(null);
		String region = draft.get("region").stream().filter(v -> !v.isBlank()).findFirst().orElse(null);
		try {
			return this.matcher.matches(actor,
					new PersonDetails(names, born, region, null, null, false, false, List.of()), 5);
		}
		catch (org.khronika.registry.InvalidDetails ex) {
			return List.of();
		}
	}

	/**
	 * Shredding a person, first on a page of its own that says what will happen: what
	 * becomes unreadable and where, that it cannot be undone, the other records of the
	 * same person shredded with it, and the records that refer to the person and stay.
	 */
	@GetMapping("/persons/{id}/shred")
	String confirmShred(@PathVariable String id, Actor actor, Model model, Locale locale) {
		PersonId person = (PersonId) id(RecordKind.PERSON, id);
		Dossier dossier = this.registry.dossier(actor, person).orElseThrow(RecordPages::notFound);
		RecordView record = dossier.record();
		if (record.shredded()) {
			throw notFound();
		}
		if (!this.registry.mayShred(actor, person)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		RecordPresenter presenter = presenter(locale).know(dossier.referenced()).know(record);
		String name = presenter.title(record);
		long sameperson = this.registry.linkedRecords(actor, person)
			.stream()
			.filter(other -> !other.id().equals(person) && !other.shredded())
			.count();
		long referring = dossier.related().values().stream().mapToLong(List::size).sum();
		List<String> consequences = new ArrayList<>(
				List.of(presenter.message("confirm.shred.1", name), presenter.message("confirm.shred.2")));
		if (sameperson > 0) {
			consequences.add(presenter.message("confirm.shred.samePerson", sameperson));
		}
		if (referring > 0) {
			consequences.add(presenter.message("confirm.shred.referring", referring));
		}
		model.addAttribute("title", presenter.message("confirm.shred.title", name));
		model.addAttribute("consequences", consequences);
		model.addAttribute("confirmLabel", presenter.message("confirm.shred.button"));
		model.addAttribute("action", "/persons/" + person + "/shred");
		model.addAttribute("back", "/persons/" + person);
		return "confirm";
	}

	@PostMapping("/persons/{id}/shred")
	String shred(@PathVariable String id, Actor actor, RedirectAttributes redirect) {
		PersonId person = (PersonId) id(RecordKind.PERSON, id);
		SaveResult result = this.registry.shred(actor, person);
		if (result instanceof SaveResult.Refused refused && refused.refusal() != Refusal.SHREDDED) {
			throw refusal(refused);
		}
		redirect.addFlashAttribute("shreddedNow", true);
		return "redirect:/persons/" + person;
	}

	/**
	 * Takes back a link that made two person records one person, or two incident records
	 * one incident.
	 */
	@PostMapping("/" + KINDS + "/{id}/unlink")
	String unlink(@PathVariable String plural, @PathVariable String id, @RequestParam String other, Actor actor,
			RedirectAttributes redirect) {
		RecordKind kind = kind(plural);
		if (!kind.linkable()) {
			throw notFound();
		}
		RecordId record = id(kind, id);
		this.registry.read(actor, record).orElseThrow(RecordPages::notFound);
		RecordId linked = id(kind, other);
		SaveResult result = this.registry.unlink(actor, record, linked);
		if (result instanceof SaveResult.Refused refused) {
			if (refused.refusal() == Refusal.DENIED) {
				throw refusal(refused);
			}
			// both there, and not linked: the link was taken back already (another tab)
			// (asked without reading it: nothing of it is shown, so nothing is audited)
			boolean notLinked = refused.refusal() == Refusal.NOT_FOUND && this.registry.exists(actor, linked);
			redirect.addFlashAttribute("refusal", notLinked ? "record.notLinked" : refused.refusal().code());
		}
		else {
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/" + plural + "/" + record;
	}

	@GetMapping("/" + KINDS + "/{id}/history")
	String history(@PathVariable String plural, @PathVariable String id, Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		History history = this.registry.history(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		RecordView record = history.record();
		RecordPresenter presenter = presenter(locale).know(history.referenced()).know(record).hide(history.hidden());
		List<Map<String, Object>> versions = new ArrayList<>();
		Map<String, List<RecordPresenter.Value>> previous = null;
		for (HistoryItem item : history.versions()) {
			List<RecordPresenter.FieldView> fields = (item.details() != null) ? presenter.fields(kind, item.details(),
					kind.values(item.details()), record.redacted() || item.unreadable()) : null;
			Set<String> changed = new HashSet<>();
			Map<String, List<RecordPresenter.Value>> now = new HashMap<>();
			if (fields != null) {
				fields.forEach(f -> now.put(f.name(), f.values()));
				if (previous != null) {
					for (RecordPresenter.FieldView field : fields) {
						if (!field.values().equals(previous.get(field.name()))) {
							changed.add(field.name());
						}
					}
				}
			}
			Map<String, Object> version = new LinkedHashMap<>();
			version.put("number", item.version());
			version.put("type", item.eventType());
			version.put("at", item.at());
			version.put("actor", item.actor());
			version.put("fields", fields);
			version.put("unreadable", item.unreadable());
			version.put("changed", changed);
			versions.add(version);
			previous = (fields != null) ? now : previous;
		}
		model.addAttribute("plural", plural);
		model.addAttribute("id", record.id().toString());
		model.addAttribute("title", presenter.title(record));
		model.addAttribute("versions", versions);
		return "records/history";
	}

	@GetMapping("/" + KINDS + "/{id}/edit")
	String initUpdateForm(@PathVariable String plural, @PathVariable String id, Actor actor, Model model,
			Locale locale) {
		RecordKind kind = kind(plural);
		Dossier dossier = this.registry.dossier(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		RecordView record = dossier.record();
		if (record.shredded()) {
			throw notFound();
		}
		requireEdit(actor, record);
		if (record.unreadable()) {
			// Its form would show the sealed fields empty, and saving it would write them
			// so.
			return "redirect:/" + plural + "/" + record.id();
		}
		return form(actor, kind, RecordDraft.of(record.details()).values(), hidden(dossier), record, Map.of(), null,
				model, locale);
	}

	@PostMapping("/" + KINDS + "/{id}")
	String processUpdateForm(@PathVariable String plural, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Actor actor, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		RecordKind kind = kind(plural);
		Dossier dossier = this.registry.dossier(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		RecordView record = dossier.record();
		requireEdit(actor, record);
		if (form.containsKey(FIND) || form.containsKey(CHOOSE)) {
			return form(actor, kind, form, hidden(dossier), record, Map.of(), null, model, locale);
		}
		if (callsForMoreFields(kind, form, chosen(kind, form), kind.fields())) {
			model.addAttribute("moreFields", true);
			return form(actor, kind, form, hidden(dossier), record, Map.of(), null, model, locale);
		}
		Integer version = parseVersion(form.getFirst("version"));
		if (version == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, kind, form, hidden(dossier), record,
					errors(List.of(FieldProblem.of("version", "version_required")), locale), null, model, locale);
		}
		SaveResult result = this.registry.revise(actor, record.id(), version, RecordDraft.fromForm(kind, form));
		if (result instanceof SaveResult.Refused refused) {
			switch (refused.refusal()) {
				case INVALID -> {
					response.setStatus(refused.refusal().status());
					return form(actor, kind, form, hidden(dossier), record, errors(refused.problems(), locale), null,
							model, locale);
				}
				case STALE, SHREDDED -> {
					response.setStatus(refused.refusal().status());
					return form(actor, kind, form, hidden(dossier), record, Map.of(), refused.refusal().code(), model,
							locale);
				}
				default -> throw refusal(refused);
			}
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/" + plural + "/" + record.id();
	}

	/**
	 * Whether what was {@code chosen} on a submitted form calls for one of {@code fields}
	 * that the form did not show (a fine chosen, the amount not yet asked for): then it
	 * is shown first.
	 */
	private static boolean callsForMoreFields(RecordKind kind, MultiValueMap<String, String> form,
			java.util.function.Function<String, String> chosen, List<Field> fields) {
		String shownList = form.getFirst(SHOWN);
		if (shownList == null) {
			return false;
		}
		Set<String> shown = Set.of(shownList.split(","));
		return fields.stream()
			.anyMatch(f -> kind.conditional(f) && !shown.contains(f.name()) && kind.applies(chosen, f));
	}

	/** The case's fields that say what a verdict decided. */
	private static List<Field> outcomeFields() {
		return RecordKind.CASE.fields().stream().filter(f -> OUTCOME.contains(f.name())).toList();
	}

	/** The case's fields a verdict form also asks for: what the court decided. */
	private static final List<String> OUTCOME = List.of("outcome", "fineAmount", "sentenceMonths");

	/**
	 * What a new case event decides besides itself, read once per request: the case a
	 * verdict is recorded in, whose outcome its form asks for too; or the open inquiry a
	 * release is recorded in, which its form offers to close, the person released without
	 * charge. Each only where the reader may edit that case; neither for another kind of
	 * record or event.
	 */
	private record Decides(RecordView verdictCase, RecordView inquiry) {

		static final Decides NOTHING = new Decides(null, null);

	}

	private Decides decides(Actor actor, RecordKind kind, Map<String, List<String>> values) {
		String type = (kind == RecordKind.CASE_EVENT) ? RecordForm.chosen(values).apply("type") : null;
		if (CaseEventType.VERDICT.code().equals(type)) {
			return new Decides(editableCase(actor, values), null);
		}
		if (!CaseEventType.RELEASE.code().equals(type)) {
			return Decides.NOTHING;
		}
		RecordView inquiry = editableCase(actor, values);
		return (inquiry != null && inquiry.details() instanceof CaseDetails details
				&& details.proceedings() == Proceedings.INQUIRY && details.status() != CaseStatus.CLOSED)
						? new Decides(null, inquiry) : Decides.NOTHING;
	}

	/** The case a case event form names, if the reader may edit it. */
	private RecordView editableCase(Actor actor, Map<String, List<String>> values) {
		String caseId = RecordForm.chosen(values).apply("caseId");
		if (caseId == null) {
			return null;
		}
		return RecordId.parseUuid(caseId)
			.map(RecordKind.CASE::id)
			.filter(id -> this.registry.mayEdit(actor, id))
			.flatMap(id -> this.registry.read(actor, id))
			.filter(courtCase -> !courtCase.shredded())
			.orElse(null);
	}

	/**
	 * A release and the end of the inquiry it ended, from one form: the event, and the
	 * inquiry closed, the person released without charge.
	 */
	private static List<Registry.Change> releaseClosingInquiry(RecordView inquiry, MultiValueMap<String, String> form) {
		RecordDraft closed = RecordDraft.of(inquiry.details())
			.with("status", CaseStatus.CLOSED.code())
			.with("outcome", new Outcome.NoCharge().code());
		return List.of(new Registry.Change.New(RecordDraft.fromForm(RecordKind.CASE_EVENT, form)),
				new Registry.Change.Revision(inquiry.id(), inquiry.version(), closed));
	}

	/**
	 * The release form's box that closes the inquiry too: the person released without
	 * charge.
	 */
	static final String CLOSE_INQUIRY = "_closeInquiry";

	/** The codes of a case the verdict decides: closed, with the outcome chosen. */
	private static java.util.function.Function<String, String> decided(Map<String, List<String>> values) {
		java.util.function.Function<String, String> chosen = RecordForm.chosen(values);
		return name -> "status".equals(name) ? CaseStatus.CLOSED.code() : chosen.apply(name);
	}

	/**
	 * A verdict and the outcome it decided, from one form: the event, and the case closed
	 * with that outcome; or the event alone if no outcome was chosen.
	 */
	private static List<Registry.Change> verdictWithOutcome(RecordView courtCase, MultiValueMap<String, String> form) {
		List<Registry.Change> changes = new ArrayList<>(
				List.of(new Registry.Change.New(RecordDraft.fromForm(RecordKind.CASE_EVENT, form))));
		if (RecordForm.chosen(form).apply("outcome") != null) {
			RecordDraft closed = RecordDraft.of(courtCase.details()).with("status", CaseStatus.CLOSED.code());
			for (String field : OUTCOME) {
				closed = closed.with(field,
						form.getOrDefault(field, List.of()).stream().filter(v -> !v.isBlank()).toList());
			}
			changes.add(new Registry.Change.Revision(courtCase.id(), courtCase.version(), closed));
		}
		return changes;
	}

	private static boolean extension(RecordKind kind, Map<String, List<String>> values) {
		return kind == RecordKind.CASE_EVENT && values.containsKey(EXTENSION);
	}

	/**
	 * The codes chosen on a form; on the form of a hearing with an extension, the fields
	 * of an extension apply too.
	 */
	private static java.util.function.Function<String, String> chosen(RecordKind kind,
			Map<String, List<String>> values) {
		java.util.function.Function<String, String> chosen = RecordForm.chosen(values);
		return extension(kind, values)
				? name -> "type".equals(name) ? CaseEventType.EXTENSION.code() : chosen.apply(name) : chosen;
	}

	/**
	 * A hearing and the extension it decided, from one form: the same case, day, court
	 * and sources; the note is the hearing's.
	 */
	private static List<Registry.Change> hearingWithExtension(MultiValueMap<String, String> form) {
		Map<String, List<String>> hearing = new LinkedHashMap<>(form);
		hearing.put("type", List.of(CaseEventType.HEARING_HELD.code()));
		hearing.remove("measure");
		hearing.remove("until");
		Map<String, List<String>> extension = new LinkedHashMap<>(form);
		extension.put("type", List.of(CaseEventType.EXTENSION.code()));
		extension.remove("note");
		return List.of(new Registry.Change.New(RecordDraft.fromForm(RecordKind.CASE_EVENT, hearing)),
				new Registry.Change.New(RecordDraft.fromForm(RecordKind.CASE_EVENT, extension)));
	}

	/**
	 * The problems of a hearing with an extension, on the fields its form shows: what is
	 * wrong with the extension as such (no measure in force to extend) is said at the
	 * measure.
	 */
	private static List<FieldProblem> onExtensionForm(List<FieldProblem> problems) {
		return problems.stream()
			.map(p -> "type".equals(p.field()) ? FieldProblem.of("measure", p.code(), p.arguments().toArray()) : p)
			.toList();
	}

	private static Set<String> hidden(Dossier dossier) {
		Set<String> hidden = new HashSet<>();
		dossier.hidden().forEach(id -> hidden.add(id.toString()));
		return hidden;
	}

	/**
	 * Who may see the record: restricted or not, and the named users (assigned lawyers).
	 */
	@PostMapping("/" + KINDS + "/{id}/access")
	String processAccessForm(@PathVariable String plural, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean restricted,
			@RequestParam(name = "users", required = false) List<String> users,
			@RequestParam(name = "version", required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		RecordKind kind = kind(plural);
		RecordView record = this.registry.read(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		List<String> named = (users != null) ? users.stream().filter(this.accounts::exists).toList() : List.of();
		SaveResult result = this.registry.share(actor, record.id(), (version != null) ? version : -1, restricted,
				named);
		if (result instanceof SaveResult.Refused refused) {
			if (refused.refusal() != Refusal.STALE) {
				throw refusal(refused);
			}
			redirect.addFlashAttribute("refusal", refused.refusal().code());
		}
		else {
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/" + plural + "/" + record.id();
	}

	/** The form for a new record, with what its event decides besides itself. */
	private String newForm(Actor actor, RecordKind kind, Map<String, List<String>> values, Decides decides,
			Map<String, List<String>> errors, Model model, Locale locale) {
		return form(actor, kind, values, Set.of(), null, errors, null, decides, model, locale);
	}

	/** The form that edits {@code record}. */
	private String form(Actor actor, RecordKind kind, Map<String, List<String>> values, Set<String> hidden,
			RecordView record, Map<String, List<String>> errors, String refusal, Model model, Locale locale) {
		return form(actor, kind, values, hidden, record, errors, refusal, Decides.NOTHING, model, locale);
	}

	private String form(Actor actor, RecordKind kind, Map<String, List<String>> values, Set<String> hidden,
			RecordView record, Map<String, List<String>> errors, String refusal, Decides decides, Model model,
			Locale locale) {
		RecordPresenter presenter = presenter(locale);
		RecordForm form = new RecordForm(this.registry, this.finder, actor, this.catalog, presenter);
		boolean extension = record == null && extension(kind, values);
		List<RecordForm.FormField> fields = new ArrayList<>(form.fields(kind, values, chosen(kind, values), hidden)
			.stream()
			.filter(f -> !(extension && "type".equals(f.name())))
			.toList());
		boolean verdict = decides.verdictCase() != null;
		if (verdict) {
			// the case's outcome, as the verdict decided it: saved with the verdict
			fields.addAll(form.fields(RecordKind.CASE, OUTCOME::contains, values, decided(values), Set.of()));
		}
		model.addAttribute("verdict", verdict);
		model.addAttribute("closesInquiry", decides.inquiry() != null);
		model.addAttribute("closeInquiry", values.containsKey(CLOSE_INQUIRY));
		model.addAttribute("kind", kind.code());
		model.addAttribute("formFields", fields);
		model.addAttribute("shown", String.join(",", fields.stream().map(RecordForm.FormField::name).toList()));
		model.addAttribute("extension", extension);
		model.addAttribute("openCase", record == null && kind == RecordKind.PERSON && values.containsKey(OPEN_CASE));
		model.addAttribute("toCase", record == null && kind == RecordKind.CASE_EVENT && values.containsKey(TO_CASE));
		model.addAttribute("errors", errors);
		model.addAttribute("errorSummary", summary(errors, fields));
		model.addAttribute("refusal", refusal);
		if (extension) {
			model.addAttribute("heading", presenter.message("caseEvent.hearingWithExtension"));
			model.addAttribute("action", "/" + kind.plural());
			model.addAttribute("version", null);
			model.addAttribute("cancelUrl",
					RecordId.parseUuid(RecordForm.chosen(values).apply("caseId"))
						.map(id -> "/cases/" + id)
						.orElse("/case-events"));
		}
		else if (record == null) {
			model.addAttribute("heading", presenter.message("kind." + kind.code() + ".new"));
			model.addAttribute("action", "/" + kind.plural());
			model.addAttribute("version", null);
			model.addAttribute("cancelUrl", "/" + kind.plural());
		}
		else {
			presenter.know(record);
			model.addAttribute("heading", presenter.message("action.edit") + ": " + presenter.title(record));
			model.addAttribute("action", "/" + kind.plural() + "/" + record.id());
			List<String> submitted = values.get("version");
			model.addAttribute("version",
					(submitted != null && !submitted.isEmpty()) ? submitted.get(0) : String.valueOf(record.version()));
			model.addAttribute("cancelUrl", "/" + kind.plural() + "/" + record.id());
		}
		return "records/form";
	}

	/**
	 * The problems as the list above a form says them, each naming its field as the form
	 * labels it ("Year of birth: Not a whole number."), since "This field is required" at
	 * the top of a long form does not say which.
	 */
	private static List<SummaryLine> summary(Map<String, List<String>> errors, List<RecordForm.FormField> fields) {
		Map<String, String> labels = new HashMap<>();
		fields.forEach(field -> labels.putIfAbsent(field.name(), field.label()));
		return errors.entrySet().stream().map(problems -> {
			String said = String.join(" ", problems.getValue());
			String label = labels.get(problems.getKey());
			return new SummaryLine(problems.getKey(), (label == null) ? said : label + ": " + said);
		}).toList();
	}

	/**
	 * One line of the list of problems above a form: the field it links to and what it
	 * says.
	 */
	record SummaryLine(String field, String text) {
	}

	/**
	 * Problems by form field; indexed fields ({@code names[1]}) are shown on their field,
	 * with the position.
	 */
	private Map<String, List<String>> errors(List<FieldProblem> problems, Locale locale) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			String field = problem.field();
			String prefix = "";
			int bracket = field.indexOf('[');
			if (bracket > 0 && field.endsWith("]")) {
				prefix = "(" + (Integer.parseInt(field.substring(bracket + 1, field.length() - 1)) + 1) + ") ";
				field = field.substring(0, bracket);
			}
			String message = this.messages.getMessage(problem.messageCode(), problem.arguments().toArray(),
					problem.code(), locale);
			errors.computeIfAbsent(field, f -> new ArrayList<>()).add(prefix + message);
		}
		return errors;
	}

	/**
	 * Why a list cannot be shown, naming the parameter at fault as the list's form labels
	 * its field, the page's number and size, which no field holds, in words, and a
	 * parameter the list does not have quoted from the address.
	 */
	private String problem(RecordKind kind, FieldProblem problem, RecordPresenter presenter) {
		String field = problem.field();
		String named = switch (field) {
			case "from", "to", "sort" -> presenter.message("list." + field);
			case "page" -> presenter.message("list.pageNumber");
			case "size" -> presenter.message("list.pageSize");
			default -> kind.field(field).isPresent() ? presenter.label(kind, field)
					: presenter.message("list.addressParameter", field);
		};
		return presenter.message("list.badParameter", named,
				presenter.message(problem.messageCode(), problem.arguments().toArray()));
	}

	private static RecordId id(RecordKind kind, String id) {
		UUID uuid = RecordId.parseUuid(id).orElseThrow(RecordPages::notFound);
		return kind.id(uuid);
	}

	private void requireCreate(Actor actor, RecordKind kind) {
		if (!this.registry.mayCreate(actor, kind)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private void requireEdit(Actor actor, RecordView record) {
		if (!this.registry.mayEdit(actor, record.id())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/** A refusal the forms cannot show next to a field: its own status and page. */
	private static ResponseStatusException refusal(SaveResult.Refused refused) {
		return new ResponseStatusException(HttpStatus.valueOf(refused.refusal().status()));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private RecordPresenter presenter(Locale locale) {
		return new RecordPresenter(this.catalog, this.messages, locale);
	}

	private static RecordKind kind(String plural) {
		return RecordKind.ofPlural(plural).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static Integer parseVersion(String text) {
		try {
			return (text == null) ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** In the order they happened (undated last), the rest as recorded. */
	private static List<RecordView> chronological(List<RecordView> records) {
		return records.stream()
			.sorted(Comparator.comparing((RecordView r) -> r.kind().date(r.details()),
					Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

}
