package org.khronika.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.khronika.access.AccessPolicy;
import org.khronika.access.AccessRefused;
import org.khronika.access.Actor;
import org.khronika.access.Capability;
import org.khronika.access.ReadRule;
import org.khronika.access.RecordFacts;
import org.khronika.access.RecordType;
import org.khronika.catalog.Catalog;
import org.khronika.catalog.Dimension;
import org.khronika.catalog.Metric;
import org.khronika.catalog.Named;
import org.khronika.registry.Facts;
import org.khronika.registry.RecordId;
import org.khronika.registry.RecordKind;
import org.khronika.stats.StatsResult.Figure;
import org.khronika.stats.StatsResult.Row;

/**
 * Answers statistics questions: the catalog's measure applied to the facts the actor may
 * see (the same records a list would show them), grouped by up to two of the catalog's
 * dimensions. Also names the records behind any figure, so that each can be checked.
 */
public class Statistics {

	private final Catalog catalog;

	private final FactCache cache;

	private final AccessPolicy policy;

	private final Clock clock;

	Statistics(Catalog catalog, FactSource facts, AccessPolicy policy, Clock clock) {
		this.catalog = catalog;
		this.cache = new FactCache(facts);
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The figures {@code query} asks for, as {@code actor} may see them.
	 * @throws AccessRefused if the actor's role may not read statistics
	 * @throws StatsException if the question names an unknown measure, dimension or value
	 * (filters may name values by code or by name: {@code region=Москва},
	 * {@code article=УК 207.3}; the result states them by code)
	 */
	public StatsResult compute(Actor actor, StatsQuery query) {
		Question question = question(actor, query);
		return this.cache.read(question.kind, question::answer);
	}

	/**
	 * The records behind one figure of {@code query}: the group whose dimension values
	 * are {@code values} (null where the records do not say), or every record counted if
	 * {@code values} is empty. Incidents or cases, oldest first (by their date; undated
	 * last). With {@code lapsed}, for a measure of people on a day: the cases whose
	 * custody term ran out with nothing recorded since, instead of those counted.
	 */
	public List<RecordId> records(Actor actor, StatsQuery query, List<String> values, boolean lapsed) {
		Question question = question(actor, query);
		if (!values.isEmpty() && values.size() != question.dimensions.size()) {
			throw new StatsException("stats.groupValues", question.dimensions.size());
		}
		return this.cache.read(question.kind, (table, position) -> question.records(table, values, lapsed));
	}

	/** As {@link #records(Actor, StatsQuery, List, boolean)}: the records counted. */
	public List<RecordId> records(Actor actor, StatsQuery query, List<String> values) {
		return records(actor, query, values, false);
	}

	/**
	 * Reads what changed in the facts since the last question (all of them, the first
	 * time).
	 */
	public void catchUp() {
		this.cache.catchUp();
	}

	/** The measures and dimensions the catalog defines, for forms and help. */
	public Catalog catalog() {
		return this.catalog;
	}

	private Question question(Actor actor, StatsQuery asked) {
		AccessRefused.unless(this.policy.may(actor, Capability.READ_STATISTICS));
		Metric metric = this.catalog.metric(asked.measure())
			.orElseThrow(() -> new StatsException("stats.unknownMeasure", asked.measure(),
					new Named.Several(this.catalog.metrics().stream().map(Named::of).toList())));
		if (asked.by().size() > StatsQuery.MAX_DIMENSIONS) {
			throw new StatsException("stats.tooManyDimensions", StatsQuery.MAX_DIMENSIONS);
		}
		List<Dimension> dimensions = new ArrayList<>();
		for (String code : asked.by()) {
			dimensions.add(dimension("by", code, metric));
		}
		if (new LinkedHashSet<>(dimensions).size() != dimensions.size()) {
			throw new StatsException("stats.dimensionTwice");
		}
		Map<String, List<String>> where = new java.util.LinkedHashMap<>();
		asked.where().forEach((field, values) -> {
			Dimension dimension = dimension("where", field, metric);
			List<String> codes = where.computeIfAbsent(dimension.code(), d -> new ArrayList<>());
			for (String value : values) {
				codes.add((dimension.values() == null || value.isEmpty() || Facts.NOT_APPLICABLE.equals(value)) ? value
						: this.catalog.valueCode(dimension.values(), value)
							.orElseThrow(() -> new StatsException("stats.unknownValue", "where", value,
									Named.of(dimension))));
			}
		});
		LocalDate day = (asked.asOf() != null) ? asked.asOf() : LocalDate.now(this.clock);
		StatsQuery query = new StatsQuery(asked.measure(), dimensions.stream().map(Dimension::code).toList(),
				asked.from(), asked.to(), where, asked.asOf());
		if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
			throw new StatsException("stats.fromAfterTo", query.from(), query.to());
		}
		RecordKind kind = (metric.counts() == Metric.Counted.INCIDENTS) ? RecordKind.INCIDENT : RecordKind.CASE;
		RecordType type = RecordType.ofCode(kind.code()).orElseThrow();
		return new Question(query, metric, dimensions, kind, type, this.policy.readRule(actor, type), day,
				this.catalog);
	}

	private Dimension dimension(String parameter, String code, Metric metric) {
		Dimension dimension = this.catalog.findDimension(code)
			.orElseThrow(() -> new StatsException("stats.unknownDimension", parameter, code,
					new Named.Several(this.catalog.dimensions().stream().map(Named::of).toList())));
		if (!dimension.applies().contains(metric.counts())) {
			throw new StatsException("stats.dimensionNotForMeasure", parameter, Named.of(metric), Named.of(dimension),
					new Named.Several(this.catalog.dimensions()
						.stream()
						.filter(d -> d.applies().contains(metric.counts()))
						.map(Named::of)
						.toList()));
		}
		return dimension;
	}

	/** One question, checked, ready to run over a table. */
	private static final class Question {

		private final StatsQuery query;

		private final Metric metric;

		private final List<Dimension> dimensions;

		private final RecordKind kind;

		private final RecordType type;

		/** Which records the asker may count: exactly those a list would show them. */
		private final ReadRule rule;

		/** The day a measure of people on a day counts on. */
		private final LocalDate day;

		/** Names a filter's dimension when its value is refused. */
		private final Catalog catalog;

		Question(StatsQuery query, Metric metric, List<Dimension> dimensions, RecordKind kind, RecordType type,
				ReadRule rule, LocalDate day, Catalog catalog) {
			this.query = query;
			this.metric = metric;
			this.dimensions = dimensions;
			this.kind = kind;
			this.type = type;
			this.rule = rule;
			this.day = day;
			this.catalog = catalog;
		}

		/**
		 * As {@link FactTable#encode}, refusing a value not written as the dimension's
		 * values are with a message naming the dimension and the {@code parameter} that
		 * gave the value.
		 */
		private OptionalInt encode(FactTable table, String parameter, String column, String value) {
			try {
				return table.encode(column, value);
			}
			catch (FactTable.Malformed ex) {
				Named dimension = this.catalog.dimension(column)
					.map(Named::of)
					.orElseGet(() -> new Named(column, new org.khronika.catalog.Label(column, column)));
				throw new StatsException("stats.whereNotA", parameter, value, dimension, ex.format());
			}
		}

		/**
		 * Whether the asker may count the record in {@code row}, by the policy's rule.
		 */
		private boolean admits(FactTable table, int row) {
			Set<String> named = table.named(row);
			Set<String> assignees = (this.kind == RecordKind.CASE) ? named : Set.of();
			return this.rule
				.admits(new RecordFacts(this.type, table.creator(row), table.restricted(row), named, assignees, null));
		}

		StatsResult answer(FactTable table, long position) {
			Scan scan = new Scan(table);
			Map<Long, Tally> groups = new HashMap<>();
			Tally total = new Tally();
			int[] first = new int[1];
			int[] second = new int[1];
			for (int row = 0; row < table.size(); row++) {
				Custody.Status custody = scan.custody(row);
				if (custody == null) {
					continue;
				}
				boolean above = scan.above(row);
				total.add(scan, row, above, false, custody);
				if (this.dimensions.isEmpty()) {
					continue;
				}
				int[] firstCodes = scan.codes(0, row, first);
				int[] secondCodes = scan.codes(1, row, second);
				for (int a : firstCodes) {
					for (int b : secondCodes) {
						groups.computeIfAbsent(((long) a << 32) | (b & 0xffffffffL), k -> new Tally())
							.add(scan, row, above, scan.byArticle, custody);
					}
				}
			}
			List<Map.Entry<Long, Tally>> entries = new ArrayList<>(groups.entrySet());
			entries.sort(order(table, groups));
			List<Row> rows = new ArrayList<>();
			for (Map.Entry<Long, Tally> entry : entries) {
				List<String> values = new ArrayList<>();
				if (!this.dimensions.isEmpty()) {
					values.add(table.decode(this.dimensions.get(0).code(), (int) (entry.getKey() >> 32)));
				}
				if (this.dimensions.size() > 1) {
					values.add(table.decode(this.dimensions.get(1).code(), (int) (long) entry.getKey()));
				}
				rows.add(new Row(values, entry.getValue().figure(this.metric)));
			}
			return new StatsResult(this.query, this.metric, this.dimensions, rows, total.figure(this.metric), position,
					this.day);
		}

		List<RecordId> records(FactTable table, List<String> values, boolean lapsed) {
			Scan scan = new Scan(table);
			int[] wanted = new int[values.size()];
			for (int i = 0; i < values.size(); i++) {
				String value = values.get(i);
				if (value == null || value.isEmpty()) {
					wanted[i] = FactTable.NONE;
					continue;
				}
				OptionalInt code = encode(table, "group", this.dimensions.get(i).code(), value);
				if (code.isEmpty()) {
					return List.of();
				}
				wanted[i] = code.getAsInt();
			}
			List<Integer> rows = new ArrayList<>();
			int[] buffer = new int[1];
			for (int row = 0; row < table.size(); row++) {
				Custody.Status custody = scan.custody(row);
				if (custody == null || (this.metric.onDay() && (lapsed ? !custody.lapsed() : !custody.held()))) {
					continue;
				}
				boolean inGroup = true;
				for (int i = 0; i < wanted.length && inGroup; i++) {
					int[] codes = scan.codes(i, row, buffer);
					inGroup = contains(codes, wanted[i]);
				}
				if (inGroup) {
					rows.add(row);
				}
			}
			int[] days = table.column("day");
			rows.sort(Comparator
				.comparingInt((Integer row) -> days[row] == FactTable.NONE ? Integer.MAX_VALUE : days[row])
				.thenComparing(row -> table.id(row)));
			return rows.stream().map(row -> this.kind.id(table.id(row))).toList();
		}

		/**
		 * Dates in time order, unknown last; other values by their figure, largest first,
		 * then by code.
		 */
		private Comparator<Map.Entry<Long, Tally>> order(FactTable table, Map<Long, Tally> groups) {
			List<Comparator<Map.Entry<Long, Tally>>> keys = new ArrayList<>();
			for (int i = 0; i < this.dimensions.size(); i++) {
				int shift = (i == 0) ? 32 : 0;
				String column = this.dimensions.get(i).code();
				java.util.function.ToIntFunction<Map.Entry<Long, Tally>> code = e -> (int) (e.getKey() >> shift);
				Comparator<Map.Entry<Long, Tally>> unknownLast = Comparator
					.comparing(e -> code.applyAsInt(e) == FactTable.NONE);
				if (table.isDate(column)) {
					keys.add(unknownLast.thenComparingInt(code));
				}
				else {
					Map<Integer, Double> subtotals = new HashMap<>();
					groups.forEach((key, tally) -> subtotals.merge((int) (key >> shift), tally.weight(this.metric),
							Double::sum));
					keys.add(unknownLast.thenComparing(e -> -subtotals.get(code.applyAsInt(e)))
						.thenComparing(e -> String.valueOf(table.decode(column, code.applyAsInt(e)))));
				}
			}
			return keys.stream().reduce(Comparator::thenComparing).orElse((a, b) -> 0);
		}

		private static boolean contains(int[] codes, int code) {
			for (int c : codes) {
				if (c == code) {
					return true;
				}
			}
			return false;
		}

		/**
		 * The columns a question reads, resolved once, and the tests it applies per row.
		 */
		private final class Scan {

			private final FactTable table;

			private final boolean everyone;

			private final int[] days;

			/**
			 * Whether the question has a date range: then undated records are left out.
			 */
			private final boolean dated;

			private final int from;

			private final int to;

			private final List<Condition> conditions = new ArrayList<>();

			private final List<Condition> numerator = new ArrayList<>();

			private final int[][] single = new int[2][];

			private final int[][][] multi = new int[2][][];

			private final boolean byArticle;

			private final int[] detained;

			private final int[] persons;

			private final int[][] articles;

			private final int[] outcomes;

			private final int[] months;

			/**
			 * The rows not counted because another record of the same incident, linked as
			 * one, stands for it; null for cases.
			 */
			private final BitSet duplicates;

			private boolean impossible;

			Scan(FactTable table) {
				this.table = table;
				this.everyone = Question.this.rule instanceof ReadRule.Everyone;
				this.days = table.column("day");
				this.dated = Question.this.query.from() != null || Question.this.query.to() != null;
				this.from = (Question.this.query.from() != null) ? (int) Question.this.query.from().toEpochDay()
						: Integer.MIN_VALUE;
				this.to = (Question.this.query.to() != null) ? (int) Question.this.query.to().toEpochDay()
						: Integer.MAX_VALUE;
				addConditions(this.conditions, Question.this.query.where());
				addConditions(this.conditions, Question.this.metric.where());
				addConditions(this.conditions, Question.this.metric.denominator());
				addConditions(this.numerator, Question.this.metric.numerator());
				boolean article = false;
				for (int i = 0; i < Question.this.dimensions.size(); i++) {
					String column = Question.this.dimensions.get(i).code();
					if (table.isMulti(column)) {
						this.multi[i] = table.multiColumn(column);
						article = true;
					}
					else {
						this.single[i] = table.column(column);
					}
				}
				this.byArticle = article;
				this.detained = table.has("detained") ? table.column("detained") : null;
				this.persons = table.has("person") ? table.column("person") : null;
				this.articles = table.has("article") ? table.multiColumn("article") : null;
				this.outcomes = table.has("outcome") ? table.column("outcome") : null;
				this.months = table.has("sentence-months") ? table.column("sentence-months") : null;
				this.duplicates = table.has("incident") ? duplicates() : null;
			}

			/**
			 * Of the records of each incident reported several times and linked as one,
			 * all but the one that stands for it: of those the asker may see, the one
			 * with the largest number detained (a report that knows the number before one
			 * that does not), the least id among equals. It is counted with its own date,
			 * region and type, so the incident counts once in every breakdown and in none
			 * twice.
			 */
			private BitSet duplicates() {
				int[] incidents = this.table.column("incident");
				Map<Integer, Integer> standing = new HashMap<>();
				BitSet duplicates = new BitSet();
				for (int row = 0; row < this.table.size(); row++) {
					if (incidents[row] == FactTable.NONE || (!this.everyone && !admits(this.table, row))) {
						continue;
					}
					Integer other = standing.putIfAbsent(incidents[row], row);
					if (other != null) {
						boolean replaces = this.detained[row] > this.detained[other]
								|| (this.detained[row] == this.detained[other] && this.table.id(row)
									.toString()
									.compareTo(this.table.id(other).toString()) < 0);
						duplicates.set(replaces ? other : row);
						if (replaces) {
							standing.put(incidents[row], row);
						}
					}
				}
				return duplicates;
			}

			private void addConditions(List<Condition> into, Map<String, List<String>> where) {
				where.forEach((column, values) -> {
					Set<Integer> codes = new java.util.HashSet<>();
					for (String value : values) {
						if (value.isEmpty()) {
							codes.add(FactTable.NONE);
						}
						else {
							encode(this.table, "where", column, value).ifPresent(codes::add);
						}
					}
					if (codes.isEmpty()) {
						this.impossible = true;
					}
					int[] allowed = codes.stream().mapToInt(Integer::intValue).toArray();
					into.add(this.table.isMulti(column) ? new Condition(null, this.table.multiColumn(column), allowed)
							: new Condition(this.table.column(column), null, allowed));
				});
			}

			/**
			 * Whether the row is counted at all (visible, in range, meeting every
			 * filter): null if not; else its custody on the day, for a measure of people
			 * on a day (held or lapsed: a row that is neither is not counted), or free.
			 */
			Custody.Status custody(int row) {
				if (this.impossible) {
					return null;
				}
				if (!this.everyone && !admits(this.table, row)) {
					return null;
				}
				if (this.duplicates != null && this.duplicates.get(row)) {
					return null;
				}
				int day = this.days[row];
				if (this.dated && (day == FactTable.NONE || day < this.from || day > this.to)) {
					return null;
				}
				for (Condition condition : this.conditions) {
					if (!condition.matches(row)) {
						return null;
					}
				}
				if (!Question.this.metric.onDay()) {
					return Custody.Status.FREE;
				}
				int months = this.months[row];
				Custody.Status status = Custody.on(this.table.custody(row),
						this.table.decode("outcome", this.outcomes[row]), (months == FactTable.NONE) ? null : months,
						Question.this.day);
				return (status.held() || status.lapsed()) ? status : null;
			}

			/** For a share: whether the row counts above the line. */
			boolean above(int row) {
				for (Condition condition : this.numerator) {
					if (!condition.matches(row)) {
						return false;
					}
				}
				return true;
			}

			/**
			 * The row's codes in dimension {@code i}; one (or none known) unless
			 * multi-valued.
			 */
			int[] codes(int i, int row, int[] buffer) {
				if (this.multi[i] != null) {
					int[] codes = this.multi[i][row];
					return (codes == null || codes.length == 0) ? new int[] { FactTable.NONE } : codes;
				}
				buffer[0] = (this.single[i] != null) ? this.single[i][row] : 0;
				return buffer;
			}

		}

		/** A filter on one column: the row's value (any, if multi-valued) is allowed. */
		private record Condition(int[] column, int[][] multiColumn, int[] allowed) {

			boolean matches(int row) {
				if (this.column != null) {
					return contains(this.allowed, this.column[row]);
				}
				int[] codes = this.multiColumn[row];
				if (codes == null || codes.length == 0) {
					return contains(this.allowed, FactTable.NONE);
				}
				for (int code : codes) {
					if (contains(this.allowed, code)) {
						return true;
					}
				}
				return false;
			}

		}

		/** The running figure of one group. */
		private static final class Tally {

			private long count;

			private long sum;

			private long unknown;

			private long amount;

			private long above;

			private long lapsedRows;

			private BitSet persons;

			private BitSet lapsed;

			void add(Scan scan, int row, boolean aboveLine, boolean oneCharge, Custody.Status custody) {
				if (custody.lapsed()) {
					this.lapsedRows++;
					if (this.lapsed == null) {
						this.lapsed = new BitSet();
					}
					this.lapsed.set(scan.persons[row]);
					return;
				}
				this.count++;
				if (scan.detained != null) {
					if (scan.detained[row] == FactTable.NONE) {
						this.unknown++;
					}
					else {
						this.sum += scan.detained[row];
					}
				}
				if (scan.articles != null) {
					int charges = (scan.articles[row] != null) ? scan.articles[row].length : 0;
					// in a group of one article the case has one charge (none if it has
					// none)
					this.sum += oneCharge ? Math.min(1, charges) : charges;
				}
				if (scan.persons != null) {
					if (this.persons == null) {
						this.persons = new BitSet();
					}
					this.persons.set(scan.persons[row]);
				}
				this.amount += scan.table.amount(row);
				if (aboveLine) {
					this.above++;
				}
			}

			Figure figure(Metric metric) {
				long value = switch (metric.aggregate()) {
					case COUNT -> this.count;
					case SUM_DETAINED, SUM_CHARGES -> this.sum;
					case DISTINCT_PERSONS -> (this.persons != null) ? this.persons.cardinality() : 0;
					case SHARE -> this.above;
				};
				boolean share = metric.aggregate() == Metric.Aggregate.SHARE;
				Long lapsedPersons = null;
				if (metric.onDay()) {
					BitSet lapsedOnly = (this.lapsed != null) ? (BitSet) this.lapsed.clone() : new BitSet();
					if (this.persons != null) {
						lapsedOnly.andNot(this.persons);
					}
					lapsedPersons = (long) lapsedOnly.cardinality();
				}
				return new Figure(value, (metric.amount() != null) ? Long.valueOf(this.amount) : null,
						share ? Long.valueOf(this.above) : null, share ? Long.valueOf(this.count) : null,
						(metric.aggregate() == Metric.Aggregate.SUM_DETAINED) ? Long.valueOf(this.unknown) : null,
						lapsedPersons);
			}

			double weight(Metric metric) {
				Figure figure = figure(metric);
				return (figure.rate() != null) ? figure.rate() : figure.value();
			}

		}

	}

}
