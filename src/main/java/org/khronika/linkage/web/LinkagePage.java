package org.khronika.linkage.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.khronika.access.AccessPolicy;
import org.khronika.access.Actor;
import org.khronika.access.RecordType;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.linkage.Linkage;
import org.khronika.linkage.LinkageRuns;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.PersonId;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.registry.SaveResult;

import org.springframework.context.MessageSource;
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
 * {@code /linkage}: the open proposals that two person records are one person, side by
 * side with what the reader may see of each, the probability and the reasons; a button to
 * confirm and one to reject each, and one to look for new proposals. Works without
 * JavaScript.
 */
@Controller
class LinkagePage {

	private static final int SHOWN = 50;

	private final Linkage linkage;

	private final LinkageRuns runs;

	private final Catalog catalog;

	private final MessageSource messages;

	LinkagePage(Linkage linkage, LinkageRuns runs, Catalog catalog, MessageSource messages) {
		this.linkage = linkage;
		this.runs = runs;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** One side of a proposal: the record's page, its names and facts. */
	record Side(String id, String href, List<String> names, String born, String region, String recorded) {
	}

	record Row(Side left, Side right, String probability, List<String> reasons) {
	}

	@GetMapping("/linkage")
	String page(Actor actor, Model model, Locale locale) {
		// the run first: when it says it is done, the proposals read next are its own
		this.runs.latest(actor).ifPresent(run -> {
			model.addAttribute("run", run);
			if (run.isRunning()) {
				// the page follows the run without JavaScript
				model.addAttribute("refreshSeconds", 2);
			}
		});
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle");
		List<Row> rows = new ArrayList<>();
		for (Linkage.Proposal proposal : this.linkage.proposals(actor, SHOWN)) {
			List<String> reasons = proposal.reasons().stream().map(reason -> reason.words(labels)).toList();
			rows.add(new Row(side(proposal.left(), labels), side(proposal.right(), labels),
					String.format(locale, "%.0f%%", proposal.probability() * 100), reasons));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("open", this.linkage.openProposals());
		return "linkage/page";
	}

	private static Side side(RecordView record, RecordLabels labels) {
		PersonDetails details = (PersonDetails) record.details();
		return new Side(record.id().toString(), RecordLabels.href(record.id()), details.names(),
				(details.birthYear() != null) ? details.birthYear().toString() : "—",
				(details.region() != null) ? labels.region(details.region()) : "—",
				record.createdAt().toString().substring(0, 10));
	}

	@PostMapping("/linkage/confirm")
	String confirm(@RequestParam String left, @RequestParam String right, Actor actor, RedirectAttributes redirect) {
		return decided(this.linkage.confirm(actor, person(left), person(right)), "linkage.confirmed", redirect);
	}

	@PostMapping("/linkage/reject")
	String reject(@RequestParam String left, @RequestParam String right, Actor actor, RedirectAttributes redirect) {
		return decided(this.linkage.reject(actor, person(left), person(right)), "linkage.rejected", redirect);
	}

	/**
	 * Starts a run in the background; the page then shows its progress and, when it is
	 * done, what it found.
	 */
	@PostMapping("/linkage/run")
	String run(Actor actor, RedirectAttributes redirect) {
		if (!this.runs.start(actor)) {
			redirect.addFlashAttribute("refusal", "linkage.running");
		}
		return "redirect:/linkage";
	}

	private static String decided(SaveResult result, String message, RedirectAttributes redirect) {
		if (result instanceof SaveResult.Refused refused) {
			redirect.addFlashAttribute("refusal", refused.refusal().code());
		}
		else {
			redirect.addFlashAttribute("decided", message);
		}
		return "redirect:/linkage";
	}

	private static PersonId person(String id) {
		return RecordId.parseUuid(id)
			.map(PersonId::new)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Shows the linkage link to the roles that record persons, as the policy says. */
	@ControllerAdvice
	static class Navigation {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@ModelAttribute("mayLink")
		boolean mayLink() {
			return Sessions.currentActor()
				.map(actor -> this.policy.mayCreate(actor, RecordType.PERSON).isGranted())
				.orElse(false);
		}

	}

}
