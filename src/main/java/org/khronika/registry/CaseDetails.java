package org.khronika.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A prosecution of one person, or the inquiry before one: its proceedings, the charges
 * (law article codes), the incidents it grew out of, how it started ({@code trigger}, and
 * for a denunciation the informant's relationship to the person, a coded value), who
 * investigates, the court, its status and outcome, and where the person is held. The case
 * number, the court's case number, the judge, the place of custody and the notes are
 * sealed under the case's own key: each can lead to the person.
 *
 * @param occupation what the person did when the case began (a student, a teacher), a
 * code of {@value #OCCUPATIONS}
 * @param informant the informant's relationship to the person, a code of
 * {@value Trigger#INFORMANTS}: exactly when the trigger is a denunciation
 * @param investigator the investigating body, a code of {@value #INVESTIGATORS}
 * @param outcome only once the case is closed or on appeal; null before
 */
public record CaseDetails(PersonId person, String occupation, Proceedings proceedings, LocalDate opened, String region,
		List<String> charges, List<IncidentId> incidents, Trigger trigger, String informant, String investigator,
		String caseNumber, String court, String courtCaseNumber, String judge, CaseStatus status, Outcome outcome,
		String custodyPlace, String notes, List<SourceId> sources) implements RecordDetails {

	/** The vocabulary of the person's occupation when the case began. */
	public static final String OCCUPATIONS = "occupations";

	/** The vocabulary of investigating bodies. */
	public static final String INVESTIGATORS = "investigating-agencies";

	public CaseDetails {
		charges = List.copyOf(charges);
		incidents = List.copyOf(incidents);
		sources = List.copyOf(sources);
		List<FieldProblem> problems = new ArrayList<>();
		Fields.require(problems, "person", person);
		Fields.require(problems, "kind", proceedings);
		Fields.require(problems, "trigger", trigger);
		Fields.require(problems, "status", status);
		if (trigger != null && trigger.hasInformant() && informant == null) {
			problems.add(FieldProblem.of("informant", "informant_required"));
		}
		if (trigger != null && !trigger.hasInformant() && informant != null) {
			problems.add(FieldProblem.of("informant", "informant_only_with_denunciation"));
		}
		if (outcome != null && status != null && !status.decided()) {
			problems.add(FieldProblem.of("outcome", "outcome_needs_closed_case"));
		}
		if (proceedings == Proceedings.INQUIRY) {
			if (!charges.isEmpty()) {
				problems.add(FieldProblem.of("charges", "inquiry_has_no_charges"));
			}
			if (status != null && status != CaseStatus.PRE_INVESTIGATION && status != CaseStatus.CLOSED) {
				problems.add(FieldProblem.of("status", "inquiry_status"));
			}
			if (outcome != null && !(outcome instanceof Outcome.NoCharge)) {
				problems.add(FieldProblem.of("outcome", "outcome_not_for_inquiry"));
			}
		}
		else if (outcome instanceof Outcome.NoCharge) {
			problems.add(FieldProblem.of("outcome", "no_charge_only_for_inquiry"));
		}
		InvalidDetails.unless(problems);
	}

	@Override
	public RecordKind kind() {
		return RecordKind.CASE;
	}

	/**
	 * Public fields only: sealed fields never reach a log line or an exception message.
	 */
	@Override
	public String toString() {
		return Kinds.describe(this);
	}

}
