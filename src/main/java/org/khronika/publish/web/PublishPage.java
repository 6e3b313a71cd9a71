package org.khronika.publish.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.PublicationPlan;
import org.khronika.publish.Decisions;
import org.khronika.publish.PreviewFigure;
import org.khronika.publish.Publication;
import org.khronika.publish.Snapshots;
import org.khronika.registry.Listing;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordFinder;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.registry.Registry;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /publish}: for editors and admins, every planned figure as it would be published
 * now (suppressed, as the public would see it), a button that publishes exactly that as a
 * dated snapshot, the snapshots so far, each checked against its log entry, with what
 * moved between each and the one before; and {@code /publish/decisions}, the editors'
 * decisions to list a person (found by name, as a form's link field finds a record).
 * Works without JavaScript.
 */
@Controller
class PublishPage {

	private final Publication publication;

	private final Snapshots snapshots;

	private final AccessPolicy policy;

	private final Decisions decisions;

	private final RecordFinder finder;

	private final Registry registry;

	private final Catalog catalog;

	private final MessageSource messages;

	PublishPage(Publication publication, Snapshots snapshots, AccessPolicy policy, Decisions decisions,
			RecordFinder finder, Registry registry, Catalog catalog, MessageSource messages) {
		this.publication = publication;
		this.snapshots = snapshots;
		this.policy = policy;
		this.decisions = decisions;
		this.finder = finder;
		this.registry = registry;
		this.catalog = catalog;
		this.messages = messages;
	}

	/**
	 * A snapshot as listed: checked against its log entry, with what moved since the one
	 * before.
	 */
	record Listed(Snapshots.Snapshot snapshot, boolean matches, List<String> changes) {
	}

	@GetMapping("/publish")
	String page(Actor actor, Model model, Locale locale) {
		mayPublish(actor);
		List<Publication.Table> tables = this.publication.preview(actor);
		model.addAttribute("figures",
				tables.stream()
					.map(table -> PreviewFigure.of(this.publication, table, this.messages, locale))
					.toList());
		model.addAttribute("position", position(tables));
		// the latest few, each checked, and the one before the last of them for what
		// moved since: checking reads a snapshot's files through, which every view
		// cannot do for a year of snapshots (the command line checks them all)
		List<Snapshots.Snapshot> latest = this.snapshots.latest(SNAPSHOTS_SHOWN + 1);
		java.util.Map<Snapshots.Snapshot, Boolean> verified = this.snapshots
			.verify(latest.subList(0, Math.min(SNAPSHOTS_SHOWN, latest.size())));
		List<Snapshots.Snapshot> all = new ArrayList<>(verified.keySet());
		List<Listed> listed = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			List<String> changes = new ArrayList<>();
			if (i + 1 < latest.size()) {
				for (Snapshots.Change change : this.snapshots.changes(latest.get(i + 1).id(), all.get(i).id())) {
					changes.add(this.publication.describe(change.figure(), change.element(), locale) + ": "
							+ change.before() + " → " + change.after() + " (" + ((change.by() > 0) ? "+" : "")
							+ change.by() + ")");
				}
			}
			listed.add(new Listed(all.get(i), verified.get(all.get(i)), changes));
		}
		model.addAttribute("snapshots", listed);
		model.addAttribute("earlierSnapshots",
				(latest.size() > SNAPSHOTS_SHOWN) ? this.snapshots.count() - SNAPSHOTS_SHOWN : 0);
		model.addAttribute("decisionMethodologies", this.decisions.methodologies());
		model.addAttribute("decisionCount", this.decisions.count());
		return "publish/page";
	}

	/**
	 * {@code /publish/decisions}: the editors' decisions to list a person, with a form to
	 * list one more (the person found by name) and a button to take each off the list. A
	 * page of its own, so that a search for the person does not compute the preview
	 * again.
	 */
	@GetMapping("/publish/decisions")
	String decisionsPage(Actor actor, Model model, Locale locale) {
		mayPublish(actor);
		return showDecisions(actor, model, locale);
	}

	/**
	 * The decisions page, for an actor who may publish, with what {@code model} holds.
	 */
	private String showDecisions(Actor actor, Model model, Locale locale) {
		List<PublicationPlan.Methodology> methodologies = this.decisions.methodologies();
		if (methodologies.isEmpty()) {
			// the plan lists no one by decision
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("decisionMethodologies", methodologies);
		model.addAttribute("decisions", this.decisions.all(actor));
		java.util.Map<String, String> titles = new java.util.HashMap<>();
		this.publication.plan().methodologies().forEach(m -> titles.put(m.code(), m.title().in(locale)));
		model.addAttribute("methodologyTitles", titles);
		model.addAttribute("locale", locale);
		return "publish/decisions";
	}

	/**
	 * The decision form's search for the person to list: the persons {@code q} finds,
	 * each with enough to tell namesakes apart, to choose one; what was typed in the rest
	 * of the form is kept.
	 */
	@PostMapping(path = "/publish/decisions", params = "_find")
	String findPerson(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String methodology,
			@RequestParam(defaultValue = "") String reasons, Actor actor, Model model, Locale locale) {
		mayPublish(actor);
		decisionForm(actor, q, null, methodology, reasons, model, locale);
		return showDecisions(actor, model, locale);
	}

	/**
	 * Lists a person by an editors' decision: the person chosen (their record's id, or
	 * its page's address), with written reasons. Refused, the form comes back as it was,
	 * saying what is wrong.
	 */
	@PostMapping(path = "/publish/decisions", params = "!_find")
	String decide(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String methodology,
			@RequestParam(defaultValue = "") String reasons, @RequestParam(defaultValue = "") String q, Actor actor,
			Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		mayPublish(actor);
		java.util.regex.Matcher id = java.util.regex.Pattern
			.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")
			.matcher(person);
		String refused;
		if (!id.find()) {
			refused = person.isBlank() ? "publish.decision.choose" : "publish.decision.person";
		}
		else {
			try {
				this.decisions.list(actor, new PersonId(java.util.UUID.fromString(id.group(1))), methodology, reasons);
				redirect.addFlashAttribute("decided", "publish.decision.saved");
				return "redirect:/publish/decisions";
			}
			catch (Decisions.Refused ex) {
				refused = ex.code();
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("refused", refused);
		decisionForm(actor, q, person, methodology, reasons, model, locale);
		return showDecisions(actor, model, locale);
	}

	/**
	 * The decision form as it was sent: the reasons and methodology typed, and the
	 * persons the search {@code q} finds (none before a search), {@code chosen} among
	 * them checked, or the one found if it is the only one.
	 */
	private void decisionForm(Actor actor, String q, String chosen, String methodology, String reasons, Model model,
			Locale locale) {
		model.addAttribute("reasons", reasons);
		model.addAttribute("methodology", methodology);
		if (q.isBlank()) {
			return;
		}
		Listing found = this.finder.find(actor, RecordKind.PERSON, q, CANDIDATES);
		List<RecordView> persons = found.page().items();
		Map<PersonId, List<RecordView>> mentioning = this.registry.recordsMentioning(actor,
				persons.stream().map(r -> (PersonId) r.id()).toList());
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle")
			.know(found.referenced());
		model.addAttribute("query", q);
		model.addAttribute("found",
				persons.stream().map(r -> new Candidate(r.id().toString(), labels.candidate(r, mentioning))).toList());
		// the one person found is the one to choose
		model.addAttribute("chosen", (persons.size() == 1) ? persons.get(0).id().toString() : chosen);
		model.addAttribute("building", !this.finder.ready());
	}

	/** How many of the latest snapshots the page lists. */
	static final int SNAPSHOTS_SHOWN = 10;

	/** The most persons the decision form's search offers. */
	private static final int CANDIDATES = 10;

	/**
	 * A person the decision form's search offers: their record's id, the value chosen,
	 * and a line about them.
	 */
	record Candidate(String value, String label) {
	}

	@PostMapping("/publish/decisions/remove")
	String undecide(@RequestParam String person, @RequestParam String methodology, Actor actor,
			RedirectAttributes redirect) {
		mayPublish(actor);
		try {
			this.decisions.unlist(actor, new PersonId(java.util.UUID.fromString(person)), methodology);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("decided", "publish.decision.removed");
		return "redirect:/publish/decisions";
	}

	/**
	 * Publishes what the preview showed: refused, with the new preview, if records
	 * changed since it was shown (the log moved on).
	 */
	@PostMapping("/publish")
	String publish(@RequestParam long position, Actor actor, RedirectAttributes redirect) {
		mayPublish(actor);
		if (position(this.publication.preview(actor)) != position) {
			redirect.addFlashAttribute("moved", true);
			return "redirect:/publish";
		}
		Snapshots.Snapshot taken = this.snapshots.take(actor);
		redirect.addFlashAttribute("taken", taken);
		return "redirect:/publish";
	}

	private void mayPublish(Actor actor) {
		if (!this.policy.may(actor, Capability.PUBLISH).isGranted()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private static long position(List<Publication.Table> tables) {
		return tables.stream().mapToLong(Publication.Table::position).max().orElse(0);
	}

	/** Shows the publishing link to those who may publish. */
	@org.springframework.stereotype.Component
	static class Navigation implements org.khronika.web.PageAttributes {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@Override
		public void addTo(Map<String, Object> model, Locale locale) {
			model.put("mayPublish", Sessions.currentActorMay(this.policy, Capability.PUBLISH));
		}

	}

}
