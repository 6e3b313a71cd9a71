package org.khronika.registry;

import java.time.LocalDate;
import java.util.List;

import org.khronika.catalog.Catalog;
import org.khronika.catalog.LawArticle;

/**
 * Input for a case; see {@link CaseDetails}. JSON and forms call the case kind
 * {@code kind}.
 */
public record CaseInput(String person, String kind, LocalDate opened, String region, List<String> charges,
		String trigger, String informant, String court, String status, String outcome, Long fineAmount,
		Integer sentenceMonths, String notes, List<String> sources) implements RecordInput {

	@Override
	public RecordKind recordKind() {
		return RecordKind.CASE;
	}

	Validated<CaseDetails> validate(InputCheck check) {
		PersonId personId = check.reference("person", this.person, RecordKind.PERSON, PersonId::new, true);
		String caseKind = check.term("kind", Catalog.CASE_KINDS, this.kind, true);
		LocalDate opened = check.pastDate("opened", this.opened, false);
		String region = check.region("region", this.region, false);
		List<LawArticle> articles = check.articles("charges", this.charges);
		if (caseKind != null) {
			for (int i = 0; i < articles.size(); i++) {
				if (!articles.get(i).kind().equals(caseKind)) {
					check.reject("charges", "article_kind_mismatch", articles.get(i).code(), caseKind);
				}
			}
		}
		String trigger = check.term("trigger", Catalog.TRIGGERS, this.trigger, true);
		String informant = check.term("informant", Catalog.INFORMANT_RELATIONSHIPS, this.informant, false);
		if ("denunciation".equals(trigger) && informant == null && !check.hasProblem("informant")) {
			check.reject("informant", "informant_required");
		}
		if (informant != null && trigger != null && !"denunciation".equals(trigger)) {
			check.reject("informant", "informant_only_with_denunciation");
		}
		String court = check.text("court", this.court, InputCheck.SHORT_TEXT_MAX, false);
		String status = check.term("status", Catalog.CASE_STATUSES, this.status, true);
		String outcome = check.term("outcome", Catalog.OUTCOMES, this.outcome, false);
		Long fine = this.fineAmount;
		if ("fine".equals(outcome)) {
			if (fine == null) {
				check.reject("fineAmount", "fine_amount_required");
			}
			else if (fine < 1 || fine > 100_000_000L) {
				check.reject("fineAmount", "out_of_range", 1, 100_000_000);
			}
		}
		else if (fine != null) {
			check.reject("fineAmount", "fine_amount_only_with_fine");
		}
		boolean sentence = outcome != null && outcome.startsWith("sentence-");
		Integer months = null;
		if (sentence) {
			months = check.range("sentenceMonths", this.sentenceMonths, 1, 600, true);
		}
		else if (this.sentenceMonths != null) {
			check.reject("sentenceMonths", "sentence_months_only_with_sentence");
		}
		if (outcome != null && !"closed".equals(status) && !"appeal".equals(status) && !check.hasProblem("status")) {
			check.reject("outcome", "outcome_needs_closed_case");
		}
		String notes = check.text("notes", this.notes, InputCheck.LONG_TEXT_MAX, false);
		List<SourceId> sources = check.references("sources", this.sources, RecordKind.SOURCE, SourceId::new);
		Integer sentenceMonths = months;
		return check.result(() -> new CaseDetails(personId, caseKind, opened, region,
				articles.stream().map(LawArticle::code).toList(), trigger, informant, court, status, outcome, fine,
				sentenceMonths, notes, sources));
	}

	/** Never the values: an input may hold identifying text. */
	@Override
	public String toString() {
		return "CaseInput[values hidden]";
	}

}
