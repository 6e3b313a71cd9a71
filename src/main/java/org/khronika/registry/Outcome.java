package org.khronika.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * How a case ended, with exactly what each ending needs: a fine has its amount, a
 * sentence its months. An inquiry that led to no case ends with {@link NoCharge}.
 * Vocabulary {@value #VOCABULARY}.
 */
public sealed interface Outcome extends Coded {

	String VOCABULARY = "outcomes";

	/** The most roubles a fine is believed to be (a typo guard, not a legal limit). */
	long MAX_FINE = 100_000_000L;

	/** The longest sentence recorded, in months. */
	int MAX_MONTHS = 600;

	/** Whether it is a conviction: a fine, or a real or suspended sentence. */
	default boolean isConviction() {
		return this instanceof Fine || this instanceof PrisonSentence || this instanceof SuspendedSentence;
	}

	/** Whether a court decided it: a conviction or an acquittal. */
	default boolean byCourt() {
		return isConviction() || this instanceof Acquittal;
	}

	/** The fine in roubles, or null. */
	default Long fineAmount() {
		return null;
	}

	/** The sentence in months, or null. */
	default Integer sentenceMonths() {
		return null;
	}

	record Fine(long roubles) implements Outcome {

		public Fine {
			if (roubles < 1 || roubles > MAX_FINE) {
				throw new InvalidDetails(List.of(FieldProblem.of("fineAmount", "out_of_range", 1, MAX_FINE)));
			}
		}

		@Override
		public String code() {
			return "fine";
		}

		@Override
		public Long fineAmount() {
			return this.roubles;
		}

	}

	/** Real imprisonment. */
	record PrisonSentence(int months) implements Outcome {

		public PrisonSentence {
			checkMonths(months);
		}

		@Override
		public String code() {
			return "sentence-real";
		}

		@Override
		public Integer sentenceMonths() {
			return this.months;
		}

	}

	record SuspendedSentence(int months) implements Outcome {

		public SuspendedSentence {
			checkMonths(months);
		}

		@Override
		public String code() {
			return "sentence-suspended";
		}

		@Override
		public Integer sentenceMonths() {
			return this.months;
		}

	}

	record Acquittal() implements Outcome {

		@Override
		public String code() {
			return "acquittal";
		}

	}

	/** The case was dropped. */
	record Dismissed() implements Outcome {

		@Override
		public String code() {
			return "dismissed";
		}

	}

	/** An inquiry ended without a case: questioned and let go. */
	record NoCharge() implements Outcome {

		@Override
		public String code() {
			return "no-charge";
		}

	}

	/** Every outcome's code, in the catalog's order. */
	List<String> CODES = List.of("fine", "sentence-real", "sentence-suspended", "acquittal", "dismissed", "no-charge");

	/** The code of the outcome that takes an amount. */
	String FINE = "fine";

	/** The codes of the outcomes that take a term in months. */
	List<String> SENTENCES = List.of("sentence-real", "sentence-suspended");

	/**
	 * The outcome with {@code code}, from the amount or months it needs; null if
	 * {@code code} is null.
	 * @throws InvalidDetails naming {@code fineAmount} or {@code sentenceMonths} when an
	 * amount is missing, out of range, or given to an outcome that takes none, and
	 * {@code outcome} for an unknown code
	 */
	static Outcome of(String code, Long fineAmount, Integer sentenceMonths) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean fine = FINE.equals(code);
		boolean sentence = code != null && SENTENCES.contains(code);
		if (fine && fineAmount == null) {
			problems.add(FieldProblem.of("fineAmount", "fine_amount_required"));
		}
		if (!fine && fineAmount != null) {
			problems.add(FieldProblem.of("fineAmount", "fine_amount_only_with_fine"));
		}
		if (sentence && sentenceMonths == null) {
			problems.add(FieldProblem.of("sentenceMonths", "required"));
		}
		if (!sentence && sentenceMonths != null) {
			problems.add(FieldProblem.of("sentenceMonths", "sentence_months_only_with_sentence"));
		}
		if (code != null && !CODES.contains(code)) {
			problems.add(FieldProblem.of("outcome", "unknown_term", code));
		}
		InvalidDetails.unless(problems);
		if (code == null) {
			return null;
		}
		return switch (code) {
			case "fine" -> new Fine(fineAmount);
			case "sentence-real" -> new PrisonSentence(sentenceMonths);
			case "sentence-suspended" -> new SuspendedSentence(sentenceMonths);
			case "acquittal" -> new Acquittal();
			case "dismissed" -> new Dismissed();
			default -> new NoCharge();
		};
	}

	private static void checkMonths(int months) {
		if (months < 1 || months > MAX_MONTHS) {
			throw new InvalidDetails(List.of(FieldProblem.of("sentenceMonths", "out_of_range", 1, MAX_MONTHS)));
		}
	}

}
