package org.khronika.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reporter told us, as the form asks it: what happened, when and where, to whom
 * and who they are to the reporter, whether someone denounced them, what they are accused
 * of, whether they have and need a lawyer, how to reach the reporter, and their own
 * words. Codes are checked, lengths bounded; {@link #problems} says what is wrong and
 * where. Never printed: {@link #toString} names no answer.
 */
public record ReportAnswers(String what, LocalDate date, String region, String place, String person, String relation,
		String denounced, String informant, String accused, String hasLawyer, boolean needsLawyer, String contact,
		String text) {

	/** What can have happened, as the form offers it. */
	public static final List<String> WHAT = List.of("detention", "search", "questioning", "charge", "court-hearing",
			"fine", "dismissal", "threat", "other");

	/** Who the reporter is to the person it happened to. */
	public static final List<String> RELATIONS = List.of("self", "relative", "friend", "colleague", "lawyer", "witness",
			"other");

	/** Yes, no, or not known. */
	public static final List<String> YES_NO = List.of("yes", "no", "unknown");

	/** The longest short answer (a name, a place), in characters. */
	public static final int SHORT = 300;

	/** The longest free text, in characters: a long letter, not a document. */
	public static final int LONG = 20_000;

	/** A field that is wrong, and the message code that says why (with its arguments). */
	public record Problem(String field, String code, Object... arguments) {
	}

	/**
	 * What is wrong with these answers, field by field, given the regions and informant
	 * relationships the catalog knows and today's date; empty if nothing.
	 */
	public List<Problem> problems(Set<String> regions, Set<String> informants, LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		choice(problems, "what", this.what, WHAT, true);
		if (this.date != null && this.date.isAfter(today)) {
			problems.add(new Problem("date", "report.problem.future"));
		}
		if (this.region != null && !regions.contains(this.region)) {
			problems.add(new Problem("region", "report.problem.choice"));
		}
		length(problems, "place", this.place, SHORT);
		if (this.person == null || this.person.isBlank()) {
			problems.add(new Problem("person", "report.problem.required"));
		}
		length(problems, "person", this.person, SHORT);
		choice(problems, "relation", this.relation, RELATIONS, true);
		choice(problems, "denounced", this.denounced, YES_NO, false);
		if (this.informant != null && !informants.contains(this.informant)) {
			problems.add(new Problem("informant", "report.problem.choice"));
		}
		length(problems, "accused", this.accused, SHORT);
		choice(problems, "hasLawyer", this.hasLawyer, YES_NO, false);
		length(problems, "contact", this.contact, SHORT);
		length(problems, "text", this.text, LONG);
		return problems;
	}

	private static void choice(List<Problem> problems, String field, String value, List<String> allowed,
			boolean required) {
		if (value == null) {
			if (required) {
				problems.add(new Problem(field, "report.problem.required"));
			}
		}
		else if (!allowed.contains(value)) {
			problems.add(new Problem(field, "report.problem.choice"));
		}
	}

	private static void length(List<Problem> problems, String field, String value, int most) {
		if (value != null && value.codePointCount(0, value.length()) > most) {
			problems.add(new Problem(field, "report.problem.tooLong", most));
		}
	}

	/** The answers as the sealed JSON holds them: only what was given. */
	Map<String, Object> stored() {
		Map<String, Object> stored = new LinkedHashMap<>();
		put(stored, "what", this.what);
		put(stored, "date", (this.date != null) ? this.date.toString() : null);
		put(stored, "region", this.region);
		put(stored, "place", this.place);
		put(stored, "person", this.person);
		put(stored, "relation", this.relation);
		put(stored, "denounced", this.denounced);
		put(stored, "informant", this.informant);
		put(stored, "accused", this.accused);
		put(stored, "hasLawyer", this.hasLawyer);
		stored.put("needsLawyer", this.needsLawyer);
		put(stored, "contact", this.contact);
		put(stored, "text", this.text);
		return stored;
	}

	static ReportAnswers fromStored(Map<String, Object> stored) {
		Object date = stored.get("date");
		return new ReportAnswers(text(stored, "what"), (date != null) ? LocalDate.parse(date.toString()) : null,
				text(stored, "region"), text(stored, "place"), text(stored, "person"), text(stored, "relation"),
				text(stored, "denounced"), text(stored, "informant"), text(stored, "accused"),
				text(stored, "hasLawyer"), Boolean.TRUE.equals(stored.get("needsLawyer")), text(stored, "contact"),
				text(stored, "text"));
	}

	private static void put(Map<String, Object> stored, String field, String value) {
		if (value != null) {
			stored.put(field, value);
		}
	}

	private static String text(Map<String, Object> stored, String field) {
		Object value = stored.get(field);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String toString() {
		return "ReportAnswers[" + this.what + "]";
	}

}
