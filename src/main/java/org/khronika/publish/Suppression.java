package org.khronika.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Small-cell suppression of one published table of counts.
 *
 * <p>
 * A table is a set of numbered elements (its cells and its totals) and the relations
 * between them that a reader can use: each says that some cells add up to a total (a row,
 * a column, the row totals to the grand total). Where a count is not additive (a person
 * counted once in the total but in two rows), a relation only bounds it; treating it as
 * an equality gives the reader more than they have, so the protection holds.
 *
 * <p>
 * Primary suppression: an element from 1 to {@code k - 1} is shown as "&lt; k". Zero is
 * shown: it names no one. Complementary suppression: in every relation with anything not
 * shown, at least two elements are not shown, and where the relation's total is shown,
 * the cells not shown add up to at least {@code k}, so that a cell shown as "&lt; k" may
 * be any of 1 to {@code k - 1} for all the relation tells. Complements are the smallest
 * counts that do this (the least information lost), and are shown as hidden ("x"), not as
 * "&lt; k": they may be large. The rule is applied until every relation keeps it, since
 * hiding a cell for its row can open its column.
 *
 * <p>
 * That rule is not enough on its own: rows and columns together, with the knowledge that
 * no count is negative and every "&lt; k" is at least 1, can still pin a cell down (two
 * relations sharing one hidden complement give the difference of two small cells). So the
 * result is audited as a reader would attack it: for every element shown as "&lt; k", a
 * linear program (Commons Math's simplex) finds the least and the most it can be given
 * everything shown and every relation; where the two meet, one more element beside it is
 * hidden (or, with nothing left beside it, anywhere in the table), and the rule and the
 * audit run again. A total of two small cells can never be 1, so the guarantee is that no
 * small count can be pinned down, not that it could be any of 1 to {@code k - 1}.
 *
 * <p>
 * Across publications: an element hidden in an earlier one stays hidden, so a complement
 * chosen then cannot be read now and subtracted from what was published then.
 */
public final class Suppression {

	/** How an element is shown. */
	public enum Shown {

		/** Its count. */
		VALUE,
		/** "&lt; k": a count from 1 to k - 1. */
		BELOW_K,
		/** Hidden beside a small count ("x"): any count. */
		HIDDEN

	}

	/**
	 * That the {@code cells} add up to the {@code total} (element numbers), as a reader
	 * of the table can assume.
	 */
	public record Relation(List<Integer> cells, int total) {

		public Relation {
			cells = List.copyOf(cells);
		}

	}

	private Suppression() {
	}

	/**
	 * How each of {@code values} is shown, for a threshold {@code k} (at least 2), given
	 * the {@code relations} between them and the elements hidden in an earlier
	 * publication of the same table ({@code hiddenBefore}, by number).
	 */
	public static Shown[] apply(long[] values, List<Relation> relations, int k, Set<Integer> hiddenBefore) {
		if (k < 2) {
			throw new IllegalArgumentException("k is at least 2");
		}
		Shown[] shown = new Shown[values.length];
		for (int element = 0; element < values.length; element++) {
			shown[element] = (values[element] > 0 && values[element] < k) ? Shown.BELOW_K
					: hiddenBefore.contains(element) ? Shown.HIDDEN : Shown.VALUE;
		}
		// hiding more only widens what a reader must allow for: what the audit found safe
		// stays safe, and is not audited again
		Set<Integer> safe = new java.util.HashSet<>();
		while (true) {
			complete(values, relations, k, shown);
			Optional<Integer> narrowed = Audit.narrowed(values, relations, k, shown, safe);
			if (narrowed.isEmpty()) {
				return shown;
			}
			Optional<Integer> more = besides(narrowed.get(), values, relations, shown)
				.or(() -> smallestShown(values, shown));
			if (more.isEmpty()) {
				return shown; // nothing is shown but small counts: nothing can be
								// subtracted
			}
			shown[more.get()] = Shown.HIDDEN;
		}
	}

	/**
	 * The shown element to hide beside {@code element}, which a reader could narrow down:
	 * the smallest count above zero in a relation with it, else a shown total.
	 */
	private static Optional<Integer> besides(int element, long[] values, List<Relation> relations, Shown[] shown) {
		return relations.stream()
			.filter(r -> r.total() == element || r.cells().contains(element))
			.flatMap(r -> java.util.stream.Stream.concat(r.cells().stream(), java.util.stream.Stream.of(r.total())))
			.filter(e -> shown[e] == Shown.VALUE)
			.distinct()
			.min(Comparator.<Integer>comparingInt(e -> (values[e] > 0) ? 0 : 1)
				.thenComparingLong(e -> values[e])
				.thenComparingInt(e -> e));
	}

	private static Optional<Integer> smallestShown(long[] values, Shown[] shown) {
		Optional<Integer> smallest = Optional.empty();
		for (int element = 0; element < values.length; element++) {
			if (shown[element] == Shown.VALUE && (smallest.isEmpty() || values[element] < values[smallest.get()])) {
				smallest = Optional.of(element);
			}
		}
		return smallest;
	}

	/** Hides complements until every relation keeps the rule. */
	private static void complete(long[] values, List<Relation> relations, int k, Shown[] shown) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Relation relation : relations) {
				while (exposed(relation, values, shown, k)) {
					Optional<Integer> complement = complement(relation, values, shown);
					if (complement.isEmpty()) {
						break; // everything in it is hidden
					}
					shown[complement.get()] = Shown.HIDDEN;
					changed = true;
				}
			}
		}
	}

	/**
	 * A line of {@code columns} cells and its total (a figure of one dimension): its
	 * numbering (the cells, then the total) and its relation.
	 */
	public static List<Relation> line(int columns) {
		return List.of(new Relation(range(0, columns, 1), columns));
	}

	/**
	 * A table of {@code rows} by {@code columns} cells (row by row), then the row totals,
	 * the column totals and the grand total: its numbering and its relations.
	 */
	public static List<Relation> grid(int rows, int columns) {
		List<Relation> relations = new ArrayList<>();
		int cells = rows * columns;
		int rowTotals = cells;
		int columnTotals = cells + rows;
		int grandTotal = cells + rows + columns;
		for (int row = 0; row < rows; row++) {
			relations.add(new Relation(range(row * columns, columns, 1), rowTotals + row));
		}
		for (int column = 0; column < columns; column++) {
			relations.add(new Relation(range(column, rows, columns), columnTotals + column));
		}
		relations.add(new Relation(range(rowTotals, rows, 1), grandTotal));
		relations.add(new Relation(range(columnTotals, columns, 1), grandTotal));
		return relations;
	}

	/** How many elements a {@link #grid} of this shape numbers. */
	public static int gridSize(int rows, int columns) {
		return rows * columns + rows + columns + 1;
	}

	private static List<Integer> range(int first, int count, int step) {
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			numbers.add(first + i * step);
		}
		return numbers;
	}

	/**
	 * Whether the relation lets a reader narrow down something not shown: it has exactly
	 * one element not shown, or its total is shown and the cells not shown add up to less
	 * than k.
	 */
	private static boolean exposed(Relation relation, long[] values, Shown[] shown, int k) {
		int notShown = (shown[relation.total()] != Shown.VALUE) ? 1 : 0;
		long hiddenSum = 0;
		for (int cell : relation.cells()) {
			if (shown[cell] != Shown.VALUE) {
				notShown++;
				hiddenSum += values[cell];
			}
		}
		if (notShown == 0) {
			return false;
		}
		return notShown == 1 || (shown[relation.total()] == Shown.VALUE && hiddenSum < k);
	}

	/**
	 * The element to hide next in a relation: its smallest shown count above zero (a zero
	 * hidden beside a small count protects it less), else a shown zero, else its total.
	 */
	private static Optional<Integer> complement(Relation relation, long[] values, Shown[] shown) {
		Comparator<Integer> smallest = Comparator.<Integer>comparingLong(cell -> values[cell])
			.thenComparingInt(cell -> cell);
		Optional<Integer> cell = relation.cells()
			.stream()
			.filter(c -> shown[c] == Shown.VALUE && values[c] > 0)
			.min(smallest);
		if (cell.isEmpty()) {
			cell = relation.cells().stream().filter(c -> shown[c] == Shown.VALUE).min(smallest);
		}
		if (cell.isEmpty() && shown[relation.total()] == Shown.VALUE) {
			return Optional.of(relation.total());
		}
		return cell;
	}

	/** The elements not shown as their count: to carry into the next publication. */
	public static Set<Integer> hidden(Shown[] shown) {
		java.util.Set<Integer> hidden = new java.util.TreeSet<>();
		for (int element = 0; element < shown.length; element++) {
			if (shown[element] != Shown.VALUE) {
				hidden.add(element);
			}
		}
		return hidden;
	}

}
