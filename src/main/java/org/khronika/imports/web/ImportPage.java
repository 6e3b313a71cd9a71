package org.khronika.imports.web;

import org.khronika.catalog.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.AccessSettings;
import org.khronika.access.Actor;
import org.khronika.access.Permission;
import org.khronika.access.RecordType;
import org.khronika.access.Sessions;
import org.khronika.imports.ImportFailure;
import org.khronika.imports.ImportJobs;
import org.khronika.imports.MappingProfile;
import org.khronika.imports.ProfileException;
import org.khronika.catalog.Catalog;
import org.khronika.imports.ImportReport;
import org.khronika.registry.ListQuery;
import org.khronika.registry.Listing;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The import page: upload a table (CSV or XLSX) with a mapping profile, read the dry
 * run's report, then start the import and follow it. Both run as background jobs
 * ({@link ImportJobs}): closing the page stops nothing, and the report stays. The job
 * page refreshes itself while the job runs, without JavaScript.
 */
@Controller
class ImportPage {

	/** At most this many problems on the page; the counts say how many there are. */
	static final int PROBLEMS_SHOWN = 500;

	private final ImportJobs jobs;

	private final Registry registry;

	private final AccessSettings settings;

	private final AccessPolicy policy;

	private final Map<String, MappingProfile> shipped;

	private final MessageSource messages;

	private final Catalog catalog;

	ImportPage(ImportJobs jobs, Registry registry, AccessSettings settings, AccessPolicy policy, MessageSource messages,
			Catalog catalog) {
		this.messages = messages;
		this.catalog = catalog;
		this.jobs = jobs;
		this.registry = registry;
		this.settings = settings;
		this.policy = policy;
		this.shipped = shippedProfiles();
	}

	/** The profiles in the jar's {@code profiles/}, by name. */
	private static Map<String, MappingProfile> shippedProfiles() {
		Map<String, MappingProfile> profiles = new LinkedHashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:profiles/*.yaml")) {
				MappingProfile profile = MappingProfile.read("profiles/" + resource.getFilename(),
						resource.getContentAsString(StandardCharsets.UTF_8));
				profiles.put(profile.name(), profile);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return profiles;
	}

	@GetMapping("/imports")
	String page(Actor actor, Model model) {
		AccessRefused.unless(mayImport(actor));
		return form(actor, model, null, null);
	}

	@PostMapping("/imports")
	String upload(@RequestParam(defaultValue = "") String profile,
			@RequestParam(name = "profileFile", required = false) MultipartFile profileFile,
			@RequestParam(name = "table", required = false) MultipartFile table, Actor actor, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		AccessRefused.unless(mayImport(actor));
		MappingProfile chosen;
		try {
			chosen = profile(profile, profileFile);
		}
		catch (ProfileException ex) {
			return refused(actor, model, response, "profile", ex.what(), profile, locale);
		}
		if (chosen == null) {
			return refused(actor, model, response, "profile", null, profile, locale);
		}
		if (!this.registry.mayCreate(actor, chosen.kind())) {
			return refused(actor, model, response, "profile",
					Message.of("import.roleMayNotRecord", chosen.kind().plural()), profile, locale);
		}
		if (table == null || table.isEmpty()) {
			// a file chosen that holds nothing is said as such, not as no file chosen
			boolean chosenEmpty = table != null && table.getOriginalFilename() != null
					&& !table.getOriginalFilename().isBlank();
			return refused(actor, model, response, "table",
					chosenEmpty ? Message.of("imports.emptyTable", fileName(table)) : null, profile, locale);
		}
		String id;
		try {
			id = this.jobs.checkFirst(actor, chosen, fileName(table), table.getBytes());
		}
		catch (ImportFailure ex) {
			return refused(actor, model, response, "table", ex.what(), profile, locale);
		}
		return "redirect:/imports/" + id;
	}

	/** A known person a row may describe, as its page links it. */
	record Candidate(String href, String title, List<String> details) {
	}

	/** A new row and the known persons it may describe. */
	record KnownRow(long row, List<Candidate> candidates) {
	}

	/**
	 * The rows the dry run found may describe persons recorded already, each person
	 * opened as the reader may see them now (one that cannot be is left out).
	 */
	private List<KnownRow> knownRows(Actor actor, ImportReport report, Locale locale) {
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle");
		List<ImportReport.KnownPerson> shown = report.known()
			.subList(0, Math.min(PROBLEMS_SHOWN, report.known().size()));
		// the candidates opened together, a page of them per query and audit entry
		List<RecordId> ids = shown.stream().flatMap(known -> known.persons().stream()).distinct().toList();
		Map<RecordId, RecordView> opened = new java.util.HashMap<>();
		for (int page = 0; page * ListQuery.MAX_SIZE < ids.size(); page++) {
			Listing listing = this.registry.selection(actor, RecordKind.PERSON, ids, page, ListQuery.MAX_SIZE);
			labels.know(listing.referenced());
			listing.page().items().forEach(view -> opened.put(view.id(), view));
		}
		List<KnownRow> rows = new ArrayList<>();
		for (ImportReport.KnownPerson known : shown) {
			List<Candidate> candidates = new ArrayList<>();
			for (RecordId person : known.persons()) {
				RecordView view = opened.get(person);
				if (view != null && !view.redacted() && !view.shredded()) {
					candidates
						.add(new Candidate(RecordLabels.href(view.id()), labels.title(view), labels.details(view)));
				}
			}
			if (!candidates.isEmpty()) {
				rows.add(new KnownRow(known.row(), candidates));
			}
		}
		return rows;
	}

	@GetMapping("/imports/{id}")
	String job(@PathVariable String id, Actor actor, Model model, Locale locale) {
		ImportJobs.Snapshot job = this.jobs.find(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("job", job);
		if (!job.isFinished()) {
			model.addAttribute("refreshSeconds", 2);
		}
		if (job.report() != null) {
			model.addAttribute("problems",
					job.report().problems().subList(0, Math.min(PROBLEMS_SHOWN, job.report().problems().size())));
			model.addAttribute("knownRows", knownRows(actor, job.report(), locale));
		}
		return "imports/job";
	}

	@PostMapping("/imports/{id}/run")
	String run(@PathVariable String id, Actor actor, Model model, HttpServletResponse response, Locale locale) {
		if (this.jobs.find(actor, id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			return "redirect:/imports/" + this.jobs.importChecked(actor, id);
		}
		catch (ImportFailure ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("runProblem", say(ex.what(), locale));
			return job(id, actor, model, locale);
		}
	}

	private MappingProfile profile(String name, MultipartFile file) throws IOException {
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > 256 * 1024) {
				throw new ProfileException("profile.tooLarge");
			}
			return MappingProfile.read(fileName(file), new String(file.getBytes(), StandardCharsets.UTF_8));
		}
		return this.shipped.get(name);
	}

	private static String fileName(MultipartFile file) {
		String given = file.getOriginalFilename();
		String name = (given != null) ? given : "upload";
		return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
	}

	private String refused(Actor actor, Model model, HttpServletResponse response, String field, Message message,
			String profile, Locale locale) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("selectedProfile", profile);
		return form(actor, model, field, (message != null) ? say(message, locale) : null);
	}

	private String say(Message message, Locale locale) {
		return this.messages.getMessage(message.key(), message.argumentArray(), message.key(), locale);
	}

	private String form(Actor actor, Model model, String problemField, String problem) {
		List<MappingProfile> profiles = new ArrayList<>();
		for (MappingProfile profile : this.shipped.values()) {
			if (this.registry.mayCreate(actor, profile.kind())) {
				profiles.add(profile);
			}
		}
		model.addAttribute("profiles", profiles);
		model.addAttribute("jobs", this.jobs.list(actor));
		model.addAttribute("maxUploadMegabytes", this.settings.maxUploadBytes() / (1024 * 1024));
		model.addAttribute("problemField", problemField);
		model.addAttribute("problem", problem);
		return "imports/page";
	}

	private Permission mayImport(Actor actor) {
		return Permission.grantedIf(mayRecordAnything(this.policy, actor), "access.denied");
	}

	/**
	 * Whether {@code actor} may record some kind of record: who may import, and see the
	 * link.
	 */
	static boolean mayRecordAnything(AccessPolicy policy, Actor actor) {
		return Arrays.stream(RecordType.values()).anyMatch(type -> policy.mayCreate(actor, type).isGranted());
	}

	/**
	 * Shows the import link to the roles that may record anything, as the policy says.
	 */
	@org.springframework.stereotype.Component
	static class Navigation implements org.khronika.web.PageAttributes {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@Override
		public void addTo(Map<String, Object> model, Locale locale) {
			model.put("mayImport",
					Sessions.currentActor().map(actor -> mayRecordAnything(this.policy, actor)).orElse(false));
		}

	}

}
