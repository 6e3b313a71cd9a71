package org.khronika.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What may be recorded next in a case, on a day, by the rules for a case's events (an
 * inquiry has no hearings, a verdict needs a case in court, an extension a measure of
 * restraint in force, an appeal a verdict), and the measure in force, which an extension
 * continues. What a case page offers in one step each. Pure: built from values.
 *
 * @param measureInForce the measure of restraint in force on the day, or null
 */
public record NextEvents(Set<CaseEventType> types, MeasureOfRestraint measureInForce) {

	public NextEvents {
		types = Set.copyOf(types);
	}

	/**
	 * What may come next in {@code courtCase}, given its {@code events}, on {@code day}.
	 */
	public static NextEvents of(CaseDetails courtCase, List<CaseEventDetails> events, LocalDate day) {
		CaseFile file = new CaseFile(courtCase, events);
		Set<CaseEventType> types = EnumSet.noneOf(CaseEventType.class);
		for (CaseEventType type : CaseEventType.values()) {
			if (CaseEventRules.against(type, file, day).isEmpty()) {
				types.add(type);
			}
		}
		return new NextEvents(types, file.restraintOn(day).map(CaseFile.Restraint::measure).orElse(null));
	}

	/** Whether an event of {@code type} may be recorded next. */
	public boolean admit(CaseEventType type) {
		return this.types.contains(type);
	}

}
