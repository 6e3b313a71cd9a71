package org.khronika.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.khronika.registry.CaseEventDetails;
import org.khronika.registry.Dossier;
import org.khronika.registry.FieldProblem;
import org.khronika.registry.HistoryItem;
import org.khronika.registry.IncidentDetails;
import org.khronika.registry.InputReader;
import org.khronika.registry.Listing;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordInput;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordValidator;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;
import org.khronika.registry.SaveResult;
import org.khronika.registry.Validated;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages, the same for every kind: list, record, history, and the forms to
 * record and edit (Post/Redirect/Get; a hidden version guards against lost updates). Work
 * without JavaScript.
 */
@Controller
class RecordPages {

	private static final String KINDS = "{plural:persons|incidents|cases|case-events|sources}";

	private static final int PAGE_SIZE = 50;

	/** Someone who can be named on a record, as the access form lists them. */
	record StaffMember(String login, String role) {
	}

	private final Registry registry;

	private final RecordValidator validator;

	private final Catalog catalog;

	private final MessageSource messages;

	private final Accounts accounts;

	RecordPages(Registry registry, RecordValidator validator, Catalog catalog, MessageSource messages,
			Accounts accounts) {
		this.registry = registry;
		this.validator = validator;
		this.catalog = catalog;
		this.messages = messages;
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		List<Map<String, Object>> tiles = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			tiles.add(Map.of("code", kind.code(), "plural", kind.plural(), "count", this.registry.count(actor, kind),
					"mayCreate", this.registry.mayCreate(actor, kind)));
		}
		model.addAttribute("tiles", tiles);
		return "home";
	}

	@GetMapping("/" + KINDS)
	String list(@PathVariable String plural, @RequestParam(defaultValue = "0") int page, Actor actor, Model model,
			Locale locale) {
		RecordKind kind = kind(plural);
		Listing listing = this.registry.list(actor, kind, page, PAGE_SIZE);
		RecordPresenter presenter = presenter(locale).know(listing.referenced());
		model.addAttribute("kind", kind.code());
		model.addAttribute("plural", plural);
		model.addAttribute("columns", presenter.columns(kind));
		model.addAttribute("rows", listing.page().items().stream().map(presenter::row).toList());
		model.addAttribute("page", listing.page());
		model.addAttribute("mayCreate", this.registry.mayCreate(actor, kind));
		return "records/list";
	}

	@GetMapping("/" + KINDS + "/new")
	String initCreationForm(@PathVariable String plural, @RequestParam MultiValueMap<String, String> prefill,
			Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		requireCreate(actor, kind);
		MultiValueMap<String, String> form = formValues(InputReader.empty(kind));
		for (String reference : List.of("person", "caseId")) {
			if (prefill.containsKey(reference)) {
				form.put(reference, List.of(prefill.getFirst(reference)));
			}
		}
		return form(actor, kind, form, null, Map.of(), null, model, locale);
	}

	@PostMapping("/" + KINDS)
	String processCreationForm(@PathVariable String plural, @RequestParam MultiValueMap<String, String> form,
			Actor actor, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		RecordKind kind = kind(plural);
		requireCreate(actor, kind);
		List<FieldProblem> readProblems = new ArrayList<>();
		Validated<?> validated = this.validator.validate(actor, InputReader.fromForm(kind, form, readProblems),
				readProblems);
		if (!validated.isValid()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, kind, form, null, errors(validated.problems(), locale), null, model, locale);
		}
		SaveResult result = this.registry.record(actor, validated.details());
		if (result instanceof SaveResult.Refused refused) {
			throw refusal(refused);
		}
		SaveResult.Saved saved = (SaveResult.Saved) result;
		redirect.addFlashAttribute("saved", true);
		return "redirect:/" + plural + "/" + saved.id();
	}

	@GetMapping("/" + KINDS + "/{id}")
	String show(@PathVariable String plural, @PathVariable String id, Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		Dossier dossier = this.registry.dossier(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
		RecordView record = dossier.record();
		RecordPresenter presenter = presenter(locale).know(dossier.referenced()).know(record);
		model.addAttribute("kind", kind.code());
		model.addAttribute("plural", plural);
		model.addAttribute("record", record);
		model.addAttribute("title", presenter.title(record));
		model.addAttribute("fields", presenter.fields(kind, record.details(), record.redacted()));
		model.addAttribute("mayEdit", !record.shredded() && this.registry.mayEdit(actor, record.id()));
		boolean mayShare = this.registry.mayShare(actor, record.id());
		model.addAttribute("mayShare", mayShare);
		model.addAttribute("mayAddCase", this.registry.mayCreate(actor, RecordKind.CASE));
		model.addAttribute("mayAddEvent", this.registry.mayCreate(actor, RecordKind.CASE_EVENT));
		model.addAttribute("restricted", dossier.restricted());
		model.addAttribute("named", dossier.named());
		if (mayShare) {
			model.addAttribute("staff",
					this.accounts.all()
						.stream()
						.filter(Account::enabled)
						.map(a -> new StaffMember(a.login(), a.role().code()))
						.toList());
		}
		List<Map<String, Object>> related = new ArrayList<>();
		for (RecordKind other : RecordKind.values()) {
			List<RecordView> linking = chronological(dossier.related().getOrDefault(other, List.of()));
			if (!linking.isEmpty()) {
				related.add(Map
					.of("heading", presenter.message("kind." + other.code() + ".many"), "links", linking.stream()
						.map(r -> new RecordPresenter.Value(presenter.title(r), "/" + other.plural() + "/" + r.id()))
						.toList()));
			}
		}
		model.addAttribute("related", related);
		return "records/view";
	}

	@GetMapping("/" + KINDS + "/{id}/history")
	String history(@PathVariable String plural, @PathVariable String id, Actor actor, Model model, Locale locale) {
		RecordKind kind = kind(plural);
		RecordView record = find(actor, kind, id);
		RecordPresenter presenter = presenter(locale).know(record);
		List<Map<String, Object>> versions = new ArrayList<>();
		List<RecordPresenter.FieldView> previous = null;
		List<HistoryItem> items = this.registry.history(actor, record.id()).orElseThrow(RecordPages::notFound);
		for (HistoryItem item : items) {
			List<RecordPresenter.FieldView> fields = (item.details() != null)
					? presenter.fields(kind, item.details(), record.redacted()) : null;
			Set<String> changed = new java.util.HashSet<>();
			if (fields != null && previous != null) {
				for (int i = 0; i < fields.size(); i++) {
					if (!fields.get(i).values().equals(previous.get(i).values())) {
						changed.add(fields.get(i).label());
					}
				}
			}
			Map<String, Object> version = new LinkedHashMap<>();
			version.put("number", item.version());
			version.put("type", item.eventType());
			version.put("at", item.at());
			version.put("actor", item.actor());
			version.put("fields", fields);
			version.put("changed", changed);
			versions.add(version);
			previous = (fields != null) ? fields : previous;
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
		RecordView record = find(actor, kind, id);
		if (record.shredded()) {
			throw notFound();
		}
		requireEdit(actor, record);
		return form(actor, kind, formValues(RecordInput.of(record.details())), record, Map.of(), null, model, locale);
	}

	@PostMapping("/" + KINDS + "/{id}")
	String processUpdateForm(@PathVariable String plural, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Actor actor, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		RecordKind kind = kind(plural);
		RecordView record = find(actor, kind, id);
		requireEdit(actor, record);
		List<FieldProblem> readProblems = new ArrayList<>();
		Validated<?> validated = this.validator.validate(actor, InputReader.fromForm(kind, form, readProblems),
				readProblems);
		List<FieldProblem> problems = new ArrayList<>(validated.problems());
		Integer version = parseVersion(form.getFirst("version"));
		if (version == null) {
			problems.add(FieldProblem.of("version", "version_required"));
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(actor, kind, form, record, errors(problems, locale), null, model, locale);
		}
		SaveResult result = this.registry.revise(actor, record.id(), version, validated.details());
		if (result instanceof SaveResult.Refused refused) {
			if (!List.of("record.stale", "record.shredded").contains(refused.code())) {
				throw refusal(refused);
			}
			response.setStatus(HttpStatus.CONFLICT.value());
			String code = "record.shredded".equals(refused.code()) ? "record.shredded.refused" : refused.code();
			return form(actor, kind, form, record, Map.of(), code, model, locale);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/" + plural + "/" + record.id();
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
		RecordView record = find(actor, kind, id);
		List<String> named = (users != null) ? users.stream().filter(this.accounts::exists).toList() : List.of();
		SaveResult result = this.registry.share(actor, record.id(), (version != null) ? version : -1, restricted,
				named);
		if (result instanceof SaveResult.Refused refused) {
			if (!"record.stale".equals(refused.code())) {
				throw refusal(refused);
			}
			redirect.addFlashAttribute("refusal", "record.stale");
		}
		else {
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/" + plural + "/" + record.id();
	}

	private String form(Actor actor, RecordKind kind, MultiValueMap<String, String> form, RecordView record,
			Map<String, List<String>> errors, String refusal, Model model, Locale locale) {
		RecordPresenter presenter = presenter(locale);
		MultiValueMap<String, String> shown = new LinkedMultiValueMap<>(form);
		model.addAttribute("form", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("options",
				new FormOptions(this.registry, actor, this.catalog, presenter, locale).forKind(kind));
		model.addAttribute("fieldsTemplate", "records/" + kind.code() + "-fields");
		if (record == null) {
			model.addAttribute("heading", presenter.message("kind." + kind.code() + ".new"));
			model.addAttribute("action", "/" + kind.plural());
			model.addAttribute("version", null);
			model.addAttribute("cancelUrl", "/" + kind.plural());
		}
		else {
			model.addAttribute("heading", presenter.message("action.edit") + ": " + presenter.title(record));
			model.addAttribute("action", "/" + kind.plural() + "/" + record.id());
			String submitted = form.getFirst("version");
			model.addAttribute("version", (submitted != null) ? submitted : String.valueOf(record.version()));
			model.addAttribute("cancelUrl", "/" + kind.plural() + "/" + record.id());
		}
		return "records/form";
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
			if (bracket > 0) {
				prefix = "(" + (Integer.parseInt(field.substring(bracket + 1, field.length() - 1)) + 1) + ") ";
				field = field.substring(0, bracket);
			}
			String message = this.messages.getMessage(problem.messageCode(), problem.arguments().toArray(),
					problem.code(), locale);
			errors.computeIfAbsent(field, f -> new ArrayList<>()).add(prefix + message);
		}
		return errors;
	}

	private RecordView find(Actor actor, RecordKind kind, String id) {
		return this.registry.read(actor, id(kind, id)).orElseThrow(RecordPages::notFound);
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

	/** A refusal the forms cannot show next to a field: not found, or forbidden. */
	private static ResponseStatusException refusal(SaveResult.Refused refused) {
		return switch (refused.code()) {
			case "record.not_found" -> notFound();
			case "record.reference_not_found" -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT);
			default -> new ResponseStatusException(HttpStatus.FORBIDDEN);
		};
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

	/**
	 * Events and incidents in the order they happened (undated ones last), the rest as
	 * recorded.
	 */
	private static List<RecordView> chronological(List<RecordView> records) {
		return records.stream()
			.sorted(Comparator.comparing(RecordPages::dateOf, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private static LocalDate dateOf(RecordView record) {
		if (record.details() instanceof CaseEventDetails event) {
			return event.date();
		}
		if (record.details() instanceof IncidentDetails incident) {
			return incident.date();
		}
		return null;
	}

	private static MultiValueMap<String, String> formValues(RecordInput input) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		InputReader.values(input).forEach((name, value) -> {
			if (value instanceof List<?> list) {
				form.put(name, new ArrayList<>(list.stream().map(Object::toString).toList()));
			}
			else if (value != null) {
				form.add(name, value.toString());
			}
		});
		return form;
	}

}
