package org.khronika.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Fellegi–Sunter model of whether two person records are one person: for each field and
 * level of agreement, how likely it is among true matches (m) and among non-matches (u),
 * estimated from the candidate pairs themselves by expectation–maximisation, with the
 * fields taken as independent given the match. A pair's weight is the sum of log2(m/u)
 * over its fields; the weight of a surname that agrees is set by how common that surname
 * is (two Ивановы agree by chance far more often than two Клоковы).
 */
final class Model {

	private static final int ITERATIONS = 50;

	/** How many pairs' worth the prior counts for in each estimate. */
	private static final double PRIOR_PAIRS = 50;

	/**
	 * Before the data speak: how often each level is met among true matches, by field in
	 * the order of {@link Comparison.Field} and level in its order.
	 */
	static final double[][] M_PRIOR = { { 0.02, 0.08, 0.90 }, { 0.03, 0.12, 0.15, 0.55, 0.15 },
			{ 0.03, 0.07, 0.40, 0.50 }, { 0.03, 0.07, 0.50, 0.40 }, { 0.15, 0.60, 0.25 }, { 0.10, 0.30, 0.60 } };

	/** The same among non-matches (of the candidate pairs, which share a surname). */
	static final double[][] U_PRIOR = { { 0.50, 0.10, 0.40 }, { 0.75, 0.05, 0.02, 0.08, 0.10 },
			{ 0.40, 0.04, 0.06, 0.50 }, { 0.55, 0.03, 0.02, 0.40 }, { 0.60, 0.15, 0.25 }, { 0.20, 0.10, 0.70 } };

	/** How many records' worth the typical share counts for in a surname's share. */
	private static final double SURNAME_PRIOR_RECORDS = 1000;

	/** The share of the records a surname has, before the data speak. */
	private static final double TYPICAL_SURNAME_SHARE = 0.001;

	/** The share of candidate pairs that are matches, before the data speak. */
	private static final double PRIOR_MATCHES = 0.05;

	/** Keeps every probability away from zero, so no weight is infinite. */
	private static final double FLOOR = 1e-4;

	private final double[][] m;

	private final double[][] u;

	private final double prior;

	/** How often each surname key is found among the records, for its weight. */
	private final Map<String, Double> surnameShare;

	private Model(double[][] m, double[][] u, double prior, Map<String, Double> surnameShare) {
		this.m = m;
		this.u = u;
		this.prior = prior;
		this.surnameShare = surnameShare;
	}

	/**
	 * Estimates the model from the comparison vectors of the candidate pairs, and the
	 * surname keys' counts over {@code records} records.
	 */
	static Model estimate(List<int[]> vectors, Map<String, Integer> surnameCounts, int records) {
		Comparison.Field[] fields = Comparison.Field.values();
		// EM over the distinct vectors and how often each occurs
		Map<String, int[]> distinct = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (int[] vector : vectors) {
			String key = java.util.Arrays.toString(vector);
			distinct.putIfAbsent(key, vector);
			counts.merge(key, 1, Integer::sum);
		}
		double[][] m = new double[fields.length][];
		double[][] u = new double[fields.length][];
		for (Comparison.Field field : fields) {
			m[field.ordinal()] = M_PRIOR[field.ordinal()].clone();
			u[field.ordinal()] = U_PRIOR[field.ordinal()].clone();
		}
		double prior = PRIOR_MATCHES;
		for (int iteration = 0; iteration < ITERATIONS && !distinct.isEmpty(); iteration++) {
			double[][] mSum = new double[fields.length][];
			double[][] uSum = new double[fields.length][];
			for (Comparison.Field field : fields) {
				mSum[field.ordinal()] = new double[field.levels.size()];
				uSum[field.ordinal()] = new double[field.levels.size()];
			}
			double matched = 0;
			double total = 0;
			for (Map.Entry<String, int[]> entry : distinct.entrySet()) {
				int[] vector = entry.getValue();
				int count = counts.get(entry.getKey());
				double pm = prior;
				double pu = 1 - prior;
				for (int f = 0; f < fields.length; f++) {
					pm *= m[f][vector[f]];
					pu *= u[f][vector[f]];
				}
				double g = pm / (pm + pu);
				for (int f = 0; f < fields.length; f++) {
					mSum[f][vector[f]] += g * count;
					uSum[f][vector[f]] += (1 - g) * count;
				}
				matched += g * count;
				total += count;
			}
			for (int f = 0; f < fields.length; f++) {
				normalise(mSum[f], M_PRIOR[f], m[f]);
				normalise(uSum[f], U_PRIOR[f], u[f]);
			}
			prior = Math.min(0.99, Math.max(FLOOR, (matched + PRIOR_PAIRS * PRIOR_MATCHES) / (total + PRIOR_PAIRS)));
		}
		// a surname's share of the records, shrunk towards a typical surname's share: a
		// registry of a few records does not know how common a surname is
		Map<String, Double> share = new HashMap<>();
		surnameCounts.forEach((key, count) -> share.put(key,
				(count + SURNAME_PRIOR_RECORDS * TYPICAL_SURNAME_SHARE) / (records + SURNAME_PRIOR_RECORDS)));
		return new Model(m, u, prior, share);
	}

	/** The expected counts with the prior's pseudo-counts, as probabilities. */
	private static void normalise(double[] sums, double[] prior, double[] into) {
		double total = PRIOR_PAIRS;
		for (double sum : sums) {
			total += sum;
		}
		for (int level = 0; level < sums.length; level++) {
			into[level] = Math.max(FLOOR, (sums[level] + PRIOR_PAIRS * prior[level]) / total);
		}
	}

	/** The weight of one field's level: log2(m/u). */
	double weight(Comparison.Field field, int level) {
		return log2(this.m[field.ordinal()][level] / this.u[field.ordinal()][level]);
	}

	/**
	 * The pair's total weight; an agreeing surname weighs by its own frequency: log2 of m
	 * over the chance that two records share it.
	 */
	double weight(Comparison.Result result) {
		double weight = 0;
		for (Comparison.Field field : Comparison.Field.values()) {
			int level = result.level(field);
			if (field == Comparison.Field.SURNAME && result.is(field, "same") && result.surnameKey() != null
					&& this.surnameShare.containsKey(result.surnameKey())) {
				double chance = Math.max(FLOOR / 10, this.surnameShare.get(result.surnameKey()));
				weight += log2(this.m[field.ordinal()][level] / chance);
			}
			else {
				weight += weight(field, level);
			}
		}
		return weight;
	}

	/** The probability that the pair is one person, from its weight and the prior. */
	double probability(Comparison.Result result) {
		double odds = Math.pow(2, weight(result)) * this.prior / (1 - this.prior);
		return odds / (1 + odds);
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
