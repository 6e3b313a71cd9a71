package org.khronika.linkage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Fellegi–Sunter model of whether two person records are one person, with weights by
 * value. For each field and level of agreement it knows how likely the level is among
 * true matches (m, estimated from the candidate pairs by expectation–maximisation) and
 * among two records of different people (u, counted from the records themselves). Where
 * two records agree on a value, u is how common that value is among the other records
 * (the pair's own two are no evidence that anyone else holds it): two records agreeing on
 * Иванов, Александр or 1987 say far less than two agreeing on Клоков, Фёдор or 1951; a
 * given name that agrees only through a familiar form (Саша, Александр) is as rare as the
 * name's familiar writing makes it. A pair's weight is the sum of log2(m/u) over its
 * fields, and its probability comes from that weight and the chance that two records
 * picked at random are one person (estimated with m). So it is a probability over the
 * whole registry, not over the candidate pairs: on the linkage benchmark, proposals at
 * 0.9 or more are right 98.5 times in a hundred; lower probabilities understate (0.5 to
 * 0.6: 77 in a hundred), as the fields are taken to be independent and reports of one
 * person are not.
 */
final class Model {

	/** The packed comparison of a pair that is plainly two people. */
	static final int APART = -1;

	/** The bits of a packed comparison that hold its levels. */
	private static final int LEVELS = (1 << 12) - 1;

	private static final int TYPO = Comparison.Field.SURNAME.level("typo");

	/** The fields, once: a run reads them for each of millions of pairs. */
	private static final Comparison.Field[] FIELDS = Comparison.Field.values();

	/** Per field, what one step of its level is worth in a packed comparison. */
	private static final int[] BASE = new int[FIELDS.length];

	static {
		int base = 1;
		for (Comparison.Field field : FIELDS) {
			BASE[field.ordinal()] = base;
			base *= field.levels.size();
		}
	}

	private static final int ITERATIONS = 30;

	/** How many pairs' worth the prior counts for in each estimate of m. */
	private static final double PRIOR_PAIRS = 50;

	/**
	 * Before the data speak: how often each level is met among true matches, by field in
	 * the order of {@link Comparison.Field} and level in its order.
	 */
	static final double[][] M_PRIOR = { { 0.02, 0.08, 0.90 }, { 0.03, 0.12, 0.15, 0.55, 0.15 },
			{ 0.03, 0.07, 0.40, 0.50 }, { 0.03, 0.07, 0.50, 0.40 }, { 0.15, 0.60, 0.25 }, { 0.10, 0.30, 0.60 } };

	/** How many records' worth a typical value's share counts for in each share. */
	private static final double PRIOR_RECORDS = 1000;

	/** Keeps every probability away from zero, so no weight is infinite. */
	private static final double FLOOR = 1e-6;

	/** How finely pairs are grouped by their u for the estimate: a quarter of a bit. */
	private static final double BINS_PER_BIT = 4;

	private final double[][] m;

	/** The u of each field's levels that do not depend on a value. */
	private final double[][] u;

	/** Per field, the share of the records that hold each value. */
	private final List<Map<String, Double>> shares;

	/**
	 * Per field, the share of the records that hold a value of each kind ({@code k:},
	 * {@code i:}, or none).
	 */
	private final List<Map<String, Double>> present;

	/** The chance that two records picked at random are one person. */
	private final double prior;

	/** How many records were counted. */
	private final int count;

	/** What one record adds to a value's share. */
	private final double oneRecord;

	/**
	 * Per full given name, the part of the records holding it that write it as a familiar
	 * form (Саша for Александр).
	 */
	private final Map<String, Double> familiar;

	private Model(double[][] m, double[][] u, List<Map<String, Double>> shares, List<Map<String, Double>> present,
			double prior, int count, Map<String, Double> familiar) {
		this.m = m;
		this.u = u;
		this.shares = shares;
		this.present = present;
		this.prior = prior;
		this.count = count;
		this.oneRecord = 1 / (count + PRIOR_RECORDS);
		this.familiar = familiar;
	}

	/**
	 * The values of {@code records} counted, before any pair is compared: enough to weigh
	 * what two records agree on ({@link #agreedLogU}), nothing estimated yet.
	 */
	static Model counting(Collection<PersonRecord> records) {
		int count = Math.max(1, records.size());
		List<Map<String, Double>> shares = new java.util.ArrayList<>();
		List<Map<String, Double>> present = new java.util.ArrayList<>();
		Map<String, Double> familiar = new HashMap<>();
		for (PersonRecord record : records) {
			Set<String> full = new HashSet<>();
			record.names().forEach(name -> name.givenFullKeys().forEach(key -> full.add("k:" + key)));
			full.forEach(key -> familiar.merge(key, 1.0, Double::sum));
		}
		for (Comparison.Field field : FIELDS) {
			Map<String, Double> values = new HashMap<>();
			Map<String, Double> kinds = new HashMap<>();
			for (PersonRecord record : records) {
				Set<String> held = values(record, field);
				held.forEach(value -> values.merge(value, 1.0, Double::sum));
				held.stream().map(Model::kind).distinct().forEach(kind -> kinds.merge(kind, 1.0, Double::sum));
			}
			if (field == Comparison.Field.GIVEN) {
				familiar.replaceAll((key, n) -> n / values.get(key));
			}
			// a value's share, shrunk towards a typical value's: a registry of a few
			// records does not know how common a name is
			values
				.replaceAll((value, n) -> (n + PRIOR_RECORDS * typical(field, kind(value))) / (count + PRIOR_RECORDS));
			kinds.replaceAll((kind, n) -> n / count);
			shares.add(values);
			present.add(kinds);
		}
		return new Model(priorM(), generic(shares, present, 0), shares, present, Math.min(0.5, 1.0 / count), count,
				familiar);
	}

	/**
	 * This model's counts with m and the prior estimated from the candidate pairs'
	 * comparisons, each as {@link #pack} packs it ({@link #APART}: plainly two people,
	 * left out) and the log2 u of the values it agrees on ({@link #agreedLogU}). Two
	 * arrays of numbers rather than the comparisons themselves, as a run compares
	 * millions of pairs.
	 */
	Model estimated(int[] packed, double[] agreedLogU) {
		double pairs = Math.max(1.0, this.count * (this.count - 1.0) / 2);
		long typos = java.util.Arrays.stream(packed)
			.filter(code -> code != APART && level(code, Comparison.Field.SURNAME) == TYPO)
			.count();
		double[][] u = generic(this.shares, this.present, typos / pairs);
		double[][] m = priorM();
		Model model = new Model(m, u, this.shares, this.present, Math.min(0.5, 1.0 / this.count), this.count,
				this.familiar);
		// EM over the pairs grouped by their levels and their u: u is counted, not
		// estimated, so a group's pairs differ only by a fraction of a bit
		Map<Long, double[]> groups = new HashMap<>();
		for (int i = 0; i < packed.length; i++) {
			if (packed[i] == APART) {
				continue;
			}
			double logU = agreedLogU[i] + model.unagreedLogU(packed[i]);
			long bin = Math.round(logU * BINS_PER_BIT);
			long key = ((long) (packed[i] & LEVELS) << 32) | (bin & 0xffffffffL);
			groups.computeIfAbsent(key, k -> new double[] { bin / BINS_PER_BIT, 0 })[1]++;
		}
		double prior = model.prior;
		for (int iteration = 0; iteration < ITERATIONS && !groups.isEmpty(); iteration++) {
			double[][] sums = new double[FIELDS.length][];
			for (Comparison.Field field : FIELDS) {
				sums[field.ordinal()] = new double[field.levels.size()];
			}
			double matched = 0;
			for (Map.Entry<Long, double[]> group : groups.entrySet()) {
				int code = (int) (group.getKey() >>> 32);
				double logOdds = log2(prior / (1 - prior)) - group.getValue()[0];
				for (Comparison.Field field : FIELDS) {
					int f = field.ordinal();
					int level = level(code, field);
					logOdds += log2(model.capped(f, level, m[f][level]));
				}
				double g = 1 / (1 + Math.pow(2, -logOdds));
				double pairsInGroup = group.getValue()[1];
				for (Comparison.Field field : FIELDS) {
					sums[field.ordinal()][level(code, field)] += g * pairsInGroup;
				}
				matched += g * pairsInGroup;
			}
			for (int f = 0; f < FIELDS.length; f++) {
				normalise(sums[f], M_PRIOR[f], m[f]);
			}
			prior = Math.min(0.5, Math.max(1.0 / (this.count * (double) this.count), matched / pairs));
		}
		return new Model(m, u, this.shares, this.present, prior, this.count, this.familiar);
	}

	private static double[][] priorM() {
		double[][] m = new double[M_PRIOR.length][];
		for (int f = 0; f < M_PRIOR.length; f++) {
			m[f] = M_PRIOR[f].clone();
		}
		return m;
	}

	/**
	 * A comparison as a number: its level in each field (in the bits of {@link #LEVELS},
	 * each field's level a digit of its own base) and, above them, a bit per field for
	 * whether the pair agrees on a value there.
	 */
	static int pack(Comparison.Result result) {
		int code = 0;
		int agreed = 0;
		for (Comparison.Field field : FIELDS) {
			code += result.level(field) * BASE[field.ordinal()];
			if (result.value(field) != null) {
				agreed |= 1 << field.ordinal();
			}
		}
		return code | (agreed << 12);
	}

	/** The level of {@code field} in a packed comparison. */
	static int level(int packed, Comparison.Field field) {
		return (packed & LEVELS) / BASE[field.ordinal()] % field.levels.size();
	}

	/** Whether a packed comparison agrees on a value in {@code field}. */
	private static boolean agreed(int packed, Comparison.Field field) {
		return (packed >>> 12 & (1 << field.ordinal())) != 0;
	}

	/**
	 * log2 of u over the fields where the pair agrees on a value: how common those values
	 * are. It needs only the counts.
	 */
	double agreedLogU(Comparison.Result result) {
		double logU = 0;
		for (Comparison.Field field : FIELDS) {
			if (result.value(field) != null) {
				logU += logU(result, field);
			}
		}
		return logU;
	}

	/** log2 of u over the fields of a packed comparison that agree on no value. */
	private double unagreedLogU(int packed) {
		double logU = 0;
		for (Comparison.Field field : FIELDS) {
			if (!agreed(packed, field)) {
				logU += log2(this.u[field.ordinal()][level(packed, field)]);
			}
		}
		return logU;
	}

	/**
	 * The u of the levels that do not depend on a value: for two records of different
	 * people, the chance that a field is missing from one of them, that their values
	 * differ, that their birth years are near, that their surnames are a typo apart
	 * ({@code typo}, counted among the candidate pairs).
	 */
	private static double[][] generic(List<Map<String, Double>> shares, List<Map<String, Double>> present,
			double typo) {
		double[][] u = new double[FIELDS.length][];
		for (Comparison.Field field : FIELDS) {
			int f = field.ordinal();
			u[f] = new double[field.levels.size()];
			// what most decides presence: an initial for the name's parts (a full name
			// has one too), else any value
			double p = present.get(f).values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double agree = 0;
			for (Map.Entry<String, Double> share : shares.get(f).entrySet()) {
				if (field == Comparison.Field.GIVEN || field == Comparison.Field.PATRONYMIC
						? share.getKey().startsWith("k:") : true) {
					agree += share.getValue() * share.getValue();
				}
			}
			double near = (field == Comparison.Field.BIRTH_YEAR) ? near(shares.get(f)) : 0;
			set(u[f], field, "missing", 1 - p * p);
			set(u[f], field, "different", p * p - agree - near);
			set(u[f], field, "near", near);
			set(u[f], field, "shared", agree);
			set(u[f], field, "typo", typo);
			if (field == Comparison.Field.SURNAME) {
				set(u[f], field, "different", 1 - typo);
			}
		}
		return u;
	}

	private static void set(double[] u, Comparison.Field field, String level, double value) {
		int at = field.level(level);
		if (at >= 0) {
			u[at] = Math.max(FLOOR, value);
		}
	}

	/** The chance that two records' birth years are one or two years apart. */
	private static double near(Map<String, Double> years) {
		double near = 0;
		for (Map.Entry<String, Double> year : years.entrySet()) {
			int born = Integer.parseInt(year.getKey());
			for (int apart : new int[] { -2, -1, 1, 2 }) {
				near += year.getValue() * years.getOrDefault(Integer.toString(born + apart), 0.0);
			}
		}
		return near;
	}

	/**
	 * The values of a field a record holds, as {@link Comparison.Result#values} names
	 * them.
	 */
	private static Set<String> values(PersonRecord record, Comparison.Field field) {
		Set<String> values = new HashSet<>();
		switch (field) {
			case SURNAME -> record.names().forEach(name -> name.surnameKeys().forEach(key -> values.add("k:" + key)));
			case GIVEN -> record.names().forEach(name -> {
				name.givenKeysFine().forEach(key -> values.add("k:" + key));
				name.givenFullKeys().forEach(key -> values.add("k:" + key));
				name.givenInitials().forEach(initial -> values.add("i:" + initial));
			});
			case PATRONYMIC -> record.names().forEach(name -> {
				name.patronymicKeys().forEach(key -> values.add("k:" + key));
				if (name.parts().patronymicInitial() != null) {
					values.add("i:" + name.parts().patronymicInitial());
				}
			});
			case BIRTH_YEAR -> {
				if (record.birthYear() != null) {
					values.add(record.birthYear().toString());
				}
			}
			case REGION -> {
				if (record.region() != null) {
					values.add(record.region());
				}
			}
			case ARTICLES -> values.addAll(record.articles());
		}
		return values;
	}

	/**
	 * The share of the records a typical value of a field has, before the data speak: a
	 * surname's one in a thousand, a given name's or patronymic's three in a hundred, an
	 * initial's six, a year's one in fifty, a region's one in eighty-five.
	 */
	private static double typical(Comparison.Field field, String kind) {
		return switch (field) {
			case SURNAME -> 0.001;
			case GIVEN, PATRONYMIC -> kind.equals("i:") ? 0.06 : 0.03;
			case BIRTH_YEAR -> 0.02;
			case REGION -> 1.0 / 85;
			case ARTICLES -> 0.1;
		};
	}

	/** The kind of a counted value: {@code k:}, {@code i:}, or none. */
	private static String kind(String value) {
		return (value.startsWith("k:") || value.startsWith("i:")) ? value.substring(0, 2) : "";
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

	/**
	 * log2 of u for one field of a pair: for a value they agree on, the chance that a
	 * record of someone else holds it, times the share of records that hold a value of
	 * its kind at all.
	 */
	private double logU(Comparison.Result result, Comparison.Field field) {
		String value = result.value(field);
		int f = field.ordinal();
		if (value != null && value.startsWith("t:")) {
			// a surname a typo from another is as common as the two together: a typo of
			// a rare name, or two real names that happen to be near (Крылов, Королёв)
			double share = 0;
			for (String key : value.substring(2).split(" ")) {
				share += this.shares.get(f).getOrDefault("k:" + key, typical(field, "k:"));
			}
			return log2(Math.max(FLOOR, share));
		}
		if (value != null) {
			Double share = this.shares.get(f).get(value);
			if (share != null) {
				// how common the value is among the other records: the pair's own two
				// are no evidence that someone else holds it
				double others = Math.max(share - 2 * this.oneRecord,
						PRIOR_RECORDS * typical(field, kind(value)) * this.oneRecord);
				if (result.is(Comparison.Field.GIVEN, "familiar")) {
					// records of two people meet at this level only where one of
					// them writes the name familiarly
					double q = this.familiar.getOrDefault(value, 1.0);
					others *= q * (2 - q);
				}
				return log2(Math.max(FLOOR, others * form(f, kind(value))));
			}
		}
		return log2(this.u[f][result.level(field)]);
	}

	/**
	 * How often two records of different people are compared by values of {@code kind}
	 * (both written out, or initials where not both are written out), over the share of
	 * records that hold such a value: with the value's share, u of agreeing on it.
	 */
	private double form(int field, String kind) {
		Map<String, Double> present = this.present.get(field);
		double written = present.getOrDefault("k:", 0.0);
		if (kind.equals("i:")) {
			double initials = present.getOrDefault("i:", 0.0);
			return (initials > 0) ? Math.max(FLOOR, initials * initials - written * written) / initials : 1;
		}
		return present.getOrDefault(kind, 1.0);
	}

	private double logU(Comparison.Result result) {
		double logU = 0;
		for (Comparison.Field field : FIELDS) {
			logU += logU(result, field);
		}
		return logU;
	}

	/**
	 * The weight of one field of a pair: log2(m/u). Where they agree on a value, m is at
	 * most how often two records are compared by such values at all: agreeing on a value
	 * says at most how rare the value is, however few pairs the estimate of m had (a
	 * registry with a handful of records written with initials).
	 */
	double weight(Comparison.Result result, Comparison.Field field) {
		int f = field.ordinal();
		int level = result.level(field);
		double m = (result.value(field) != null) ? capped(f, level, this.m[f][level]) : this.m[f][level];
		return log2(m) - logU(result, field);
	}

	/**
	 * {@code m} of a level where two records agree on a value, at most how often two
	 * records are compared by values of its kind.
	 */
	private double capped(int field, int level, double m) {
		String kind = switch (FIELDS[field].levels.get(level)) {
			case "same", "familiar" ->
				(field == Comparison.Field.BIRTH_YEAR.ordinal() || field == Comparison.Field.REGION.ordinal()) ? ""
						: "k:";
			case "initial" -> "i:";
			default -> null;
		};
		if (kind == null) {
			return m;
		}
		return Math.min(m, Math.max(FLOOR, form(field, kind) * this.present.get(field).getOrDefault(kind, 1.0)));
	}

	/** The pair's total weight. */
	double weight(Comparison.Result result) {
		double weight = 0;
		for (Comparison.Field field : FIELDS) {
			weight += weight(result, field);
		}
		return weight;
	}

	/** The probability that the pair is one person, from its weight and the prior. */
	double probability(Comparison.Result result) {
		return probability(weight(result));
	}

	/**
	 * {@link #probability(Comparison.Result)} of a comparison packed by {@link #pack},
	 * with the log2 u of the values it agrees on ({@link #agreedLogU}).
	 */
	double probability(int packed, double agreedLogU) {
		double weight = -agreedLogU - unagreedLogU(packed);
		for (Comparison.Field field : FIELDS) {
			int f = field.ordinal();
			int level = level(packed, field);
			weight += log2(agreed(packed, field) ? capped(f, level, this.m[f][level]) : this.m[f][level]);
		}
		return probability(weight);
	}

	private double probability(double weight) {
		double logOdds = weight + log2(this.prior / (1 - this.prior));
		return 1 / (1 + Math.pow(2, -logOdds));
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder("prior " + this.prior + "\n");
		for (Comparison.Field field : FIELDS) {
			out.append(field).append(" m=").append(java.util.Arrays.toString(this.m[field.ordinal()]));
			out.append(" u=").append(java.util.Arrays.toString(this.u[field.ordinal()]));
			out.append(" present=").append(this.present.get(field.ordinal())).append('\n');
		}
		return out.toString();
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
