package org.khronika.publish.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.Sessions;
import org.khronika.publish.Decisions;
import org.khronika.publish.Publication;
import org.khronika.registry.PersonId;
import org.khronika.publish.Snapshots;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /publish}: for editors and admins, every planned figure as it would be published
 * now (suppressed, as the public would see it), a button that publishes exactly that as a
 * dated snapshot, and the snapshots so far, each checked against its log entry, with what
 * moved between each and the one before. Works without JavaScript.
 */
@Controller
class PublishPage {

	private final Publication publication;

	private final Snapshots snapshots;

	private final AccessPolicy policy;

	private final Decisions decisions;

	PublishPage(Publication publication, Snapshots snapshots, AccessPolicy policy, Decisions decisions) {
		this.publication = publication;
		this.snapshots = snapshots;
		this.policy = policy;
		this.decisions = decisions;
	}

	/** A figure as the preview shows it: named, with its header, rows and footer. */
	record Figure(String code, String title, String note, List<String> header, List<List<String>> rows,
			List<String> footer) {
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
		model.addAttribute("figures", tables.stream().map(table -> figure(table, locale)).toList());
		model.addAttribute("position", position(tables));
		java.util.Map<Snapshots.Snapshot, Boolean> verified = this.snapshots.verifyAll();
		List<Snapshots.Snapshot> all = new ArrayList<>(verified.keySet());
		List<Listed> listed = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			List<String> changes = new ArrayList<>();
			if (i + 1 < all.size()) {
				for (Snapshots.Change change : this.snapshots.changes(all.get(i + 1).id(), all.get(i).id())) {
					changes.add(this.publication.describe(change.figure(), change.element(), locale) + ": "
							+ change.before() + " → " + change.after() + " (" + ((change.by() > 0) ? "+" : "")
							+ change.by() + ")");
				}
			}
			listed.add(new Listed(all.get(i), verified.get(all.get(i)), changes));
		}
		model.addAttribute("snapshots", listed);
		model.addAttribute("decisionMethodologies", this.decisions.methodologies());
		model.addAttribute("decisions", this.decisions.all(actor));
		java.util.Map<String, String> titles = new java.util.HashMap<>();
		this.publication.plan().methodologies().forEach(m -> titles.put(m.code(), m.title().in(locale)));
		model.addAttribute("methodologyTitles", titles);
		model.addAttribute("locale", locale);
		return "publish/page";
	}

	/**
	 * Lists a person by an editors' decision: the person named by their record's id or
	 * its page's address, with written reasons.
	 */
	@PostMapping("/publish/decisions")
	String decide(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String methodology,
			@RequestParam(defaultValue = "") String reasons, Actor actor, RedirectAttributes redirect) {
		mayPublish(actor);
		java.util.regex.Matcher id = java.util.regex.Pattern
			.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")
			.matcher(person);
		String refused = null;
		if (!id.find()) {
			refused = "publish.decision.person";
		}
		else {
			try {
				this.decisions.list(actor, new PersonId(java.util.UUID.fromString(id.group(1))), methodology, reasons);
				redirect.addFlashAttribute("decided", "publish.decision.saved");
			}
			catch (Decisions.Refused ex) {
				refused = ex.code();
			}
		}
		if (refused != null) {
			// the form comes back as it was typed, with what is wrong
			redirect.addFlashAttribute("refused", refused);
			redirect.addFlashAttribute("reasons", reasons);
			redirect.addFlashAttribute("person", person);
		}
		return "redirect:/publish#decisions";
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
		return "redirect:/publish#decisions";
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

	private Figure figure(Publication.Table table, Locale locale) {
		boolean english = locale.getLanguage().equals("en");
		String note = table.k()
			.map(k -> english
					? "Counts from 1 to " + (k - 1) + " are shown as '< " + k + "', counts beside them as 'x'."
					: "Числа от 1 до " + (k - 1) + " показаны как «< " + k + "», числа рядом с ними — «x».")
			.orElse(english ? "Not suppressed: it counts events, not people."
					: "Не скрывается: считает события, а не людей.");
		List<String> by = table.figure().by();
		String total = english ? "Total" : "Итого";
		List<String> header = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		List<String> footer = new ArrayList<>();
		if (by.size() == 1) {
			header.add("");
			header.add(english ? "Count" : "Число");
			for (int c = 0; c < table.columns().size(); c++) {
				rows.add(List.of(this.publication.heading(by.get(0), table.columns().get(c), locale),
						table.cells().get(0).get(c)));
			}
		}
		else if (by.size() == 2) {
			header.add("");
			table.columns().forEach(column -> header.add(this.publication.heading(by.get(1), column, locale)));
			header.add(total);
			for (int r = 0; r < table.rows().size(); r++) {
				List<String> row = new ArrayList<>();
				row.add(this.publication.heading(by.get(0), table.rows().get(r), locale));
				row.addAll(table.cells().get(r));
				row.add(table.rowTotals().get(r));
				rows.add(row);
			}
			footer.add(total);
			footer.addAll(table.columnTotals());
		}
		if (footer.isEmpty()) {
			footer.add(total);
		}
		footer.add(table.total());
		return new Figure(table.figure().code(), table.figure().title().in(locale), note, header, rows, footer);
	}

	/** Shows the publishing link to those who may publish. */
	@ControllerAdvice
	static class Navigation {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@ModelAttribute("mayPublish")
		boolean mayPublish() {
			return Sessions.currentActor()
				.map(actor -> this.policy.may(actor, Capability.PUBLISH).isGranted())
				.orElse(false);
		}

	}

}
