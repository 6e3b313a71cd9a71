package org.khronika.linkage.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.RecordType;
import org.khronika.access.Sessions;
import org.khronika.catalog.Catalog;
import org.khronika.linkage.Linkage;
import org.khronika.linkage.LinkageRuns;
import org.khronika.registry.PersonDetails;
import org.khronika.registry.IncidentDetails;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.registry.RecordLabels;
import org.khronika.registry.RecordView;
import org.khronika.registry.SaveResult;

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
 * {@code /linkage}: the open proposals that two person records are one person, and that
 * two incident records are one incident, side by side with what the reader may see of
 * each, the score and the reasons; a button to confirm and one to reject each, and one to
 * look for new proposals. Each part is shown to those who record its kind. Works without
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

	/**
	 * One side of a proposal: the record's page, its names and facts; {@code recorded}:
	 * the day it was made (UTC).
	 */
	record Side(String id, String href, List<String> names, String born, String region, LocalDate recorded) {
	}

	record Row(Side left, Side right, String probability, List<String> reasons) {
	}

	/** One side of a proposed incident pair: its page and public facts. */
	record IncidentSide(String id, String href, String date, String region, String type, String place, String detained,
			LocalDate recorded) {
	}

	record IncidentRow(IncidentSide left, IncidentSide right, String score, List<String> reasons) {
	}

	@GetMapping("/linkage")
	String page(Actor actor, Model model, Locale locale) {
		boolean persons = this.linkage.mayLink(actor, RecordKind.PERSON);
		boolean incidents = this.linkage.mayLink(actor, RecordKind.INCIDENT);
		if (!persons && !incidents) {
			throw new AccessRefused();
		}
		model.addAttribute("mayLinkPersons", persons);
		model.addAttribute("mayLinkIncidents", incidents);
		if (persons) {
			// the run first: when it says it is done, the proposals read next are its own
			this.runs.latest(actor).ifPresent(run -> {
				model.addAttribute("run", run);
				if (run.isRunning()) {
					// the page follows the run without JavaScript
					model.addAttribute("refreshSeconds", 2);
				}
			});
		}
		RecordLabels labels = new RecordLabels(this.catalog, this.messages, locale, "search.hiddenTitle");
		List<Row> rows = new ArrayList<>();
		if (persons) {
			for (Linkage.Proposal proposal : this.linkage.proposals(actor, SHOWN)) {
				rows.add(new Row(side(proposal.left(), labels), side(proposal.right(), labels),
						percent(proposal.probability(), this.messages, locale), words(proposal, labels)));
			}
			model.addAttribute("open", this.linkage.openProposals(RecordKind.PERSON));
		}
		model.addAttribute("rows", rows);
		List<IncidentRow> incidentRows = new ArrayList<>();
		if (incidents) {
			for (Linkage.Proposal proposal : this.linkage.incidentProposals(actor, SHOWN)) {
				incidentRows
					.add(new IncidentRow(incidentSide(proposal.left(), labels), incidentSide(proposal.right(), labels),
							percent(proposal.probability(), this.messages, locale), words(proposal, labels)));
			}
			model.addAttribute("openIncidents", this.linkage.openProposals(RecordKind.INCIDENT));
		}
		model.addAttribute("incidentRows", incidentRows);
		return "linkage/page";
	}

	/**
	 * The model's probability as a percentage; one that would round to 100% is said as
	 * over 99%, as no model's probability is certainty (of the proposals from 0.9, about
	 * one in fifty is wrong in the benchmark).
	 */
	static String percent(double probability, MessageSource messages, Locale locale) {
		double percent = probability * 100;
		return (percent >= 99.5) ? messages.getMessage("linkage.over99", null, locale)
				: String.format(locale, "%.0f%%", percent);
	}

	private static List<String> words(Linkage.Proposal proposal, RecordLabels labels) {
		return proposal.reasons().stream().map(reason -> reason.words(labels)).toList();
	}

	private static IncidentSide incidentSide(RecordView record, RecordLabels labels) {
		IncidentDetails details = (IncidentDetails) record.details();
		return new IncidentSide(record.id().toString(), RecordLabels.href(record.id()), labels.date(details.date()),
				labels.region(details.region()), labels.term(Catalog.INCIDENT_TYPES, details.type()),
				(details.locality() != null && !details.locality().isBlank()) ? details.locality() : "—",
				(details.detained() != null) ? details.detained().toString() : "—", recorded(record));
	}

	private static Side side(RecordView record, RecordLabels labels) {
		PersonDetails details = (PersonDetails) record.details();
		return new Side(record.id().toString(), RecordLabels.href(record.id()), details.names(),
				(details.birthYear() != null) ? details.birthYear().toString() : "—",
				(details.region() != null) ? labels.region(details.region()) : "—", recorded(record));
	}

	private static LocalDate recorded(RecordView record) {
		return LocalDate.ofInstant(record.createdAt(), java.time.ZoneOffset.UTC);
	}

	@PostMapping("/linkage/confirm")
	String confirm(@RequestParam String left, @RequestParam String right,
			@RequestParam(defaultValue = "person") String kind, Actor actor, RedirectAttributes redirect) {
		RecordKind linked = linkable(kind);
		return decided(this.linkage.confirm(actor, id(linked, left), id(linked, right)),
				"linkage.confirmed." + linked.code(), linked, true, redirect);
	}

	@PostMapping("/linkage/reject")
	String reject(@RequestParam String left, @RequestParam String right,
			@RequestParam(defaultValue = "person") String kind, Actor actor, RedirectAttributes redirect) {
		RecordKind linked = linkable(kind);
		return decided(this.linkage.reject(actor, id(linked, left), id(linked, right)),
				"linkage.rejected." + linked.code(), linked, false, redirect);
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

	/** Back to the page, saying what was decided, or why not. */
	private static String decided(SaveResult result, String message, RecordKind kind, boolean confirming,
			RedirectAttributes redirect) {
		if (result instanceof SaveResult.Refused refused) {
			redirect.addFlashAttribute("refusal", Linkage.refusalMessage(refused, kind, confirming));
		}
		else {
			redirect.addFlashAttribute("decided", message);
		}
		return "redirect:/linkage";
	}

	private static RecordKind linkable(String kind) {
		return java.util.Arrays.stream(RecordKind.values())
			.filter(k -> k.linkable() && k.code().equals(kind))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static RecordId id(RecordKind kind, String id) {
		return RecordId.parseUuid(id)
			.map(kind::id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * Shows the linkage link to the roles that record persons or incidents, as the policy
	 * says.
	 */
	@org.springframework.stereotype.Component
	static class Navigation implements org.khronika.web.PageAttributes {

		private final AccessPolicy policy;

		Navigation(AccessPolicy policy) {
			this.policy = policy;
		}

		@Override
		public void addTo(Map<String, Object> model, Locale locale) {
			model.put("mayLink",
					Sessions.currentActor()
						.map(actor -> this.policy.mayCreate(actor, RecordType.PERSON).isGranted()
								|| this.policy.mayCreate(actor, RecordType.INCIDENT).isGranted())
						.orElse(false));
		}

	}

}
