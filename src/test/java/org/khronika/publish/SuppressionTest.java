package org.khronika.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.khronika.publish.Suppression.Relation;
import org.khronika.publish.Suppression.Shown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small counts of persons are shown as "&lt; k", and no reader can work one out: not by
 * subtracting the other cells from a total, not through the rows and columns of a table
 * together, not by setting a publication beside an earlier one. Each test states what a
 * reader would work out from naive suppression, then that an exhaustive reader of the
 * suppressed table cannot.
 */
class SuppressionTest {

	private static final int K = 5;

	@Test
	void smallCountsAreShownAsBelowKAndZeroAndKAreShown() {
		long[] values = { 0, 1, 4, 5, 6, 16 };
		Shown[] shown = Suppression.apply(values, List.of(), K, Set.of());
		assertThat(shown).containsExactly(Shown.VALUE, Shown.BELOW_K, Shown.BELOW_K, Shown.VALUE, Shown.VALUE,
				Shown.VALUE);
	}

	@Test
	void aSmallCellCannotBeRecoveredBySubtractingTheOthersFromTheTotal() {
		// regions: 3, 10, 12; total 25
		long[] values = { 3, 10, 12, 25 };
		List<Relation> relations = Suppression.line(3);
		Shown[] naive = { Shown.BELOW_K, Shown.VALUE, Shown.VALUE, Shown.VALUE };
		assertThat(feasible(values, naive, relations, 0)).as("naive: 25 - 10 - 12").containsExactly(3L);

		Shown[] shown = Suppression.apply(values, relations, K, Set.of());

		assertThat(shown).containsExactly(Shown.BELOW_K, Shown.HIDDEN, Shown.VALUE, Shown.VALUE);
		assertThat(feasible(values, shown, relations, 0)).as("any of 1 to 4").containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void aSmallCellBesideOnlyZerosIsProtectedByItsTotalBeingSmallToo() {
		long[] values = { 3, 0, 0, 3 };
		Shown[] shown = Suppression.apply(values, Suppression.line(3), K, Set.of());
		assertThat(shown).containsExactly(Shown.BELOW_K, Shown.VALUE, Shown.VALUE, Shown.BELOW_K);
		assertThat(feasible(values, shown, Suppression.line(3), 0)).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void inATableWithRowAndColumnTotalsNoSmallCellCanBeWorkedOutFromBoth() {
		// articles by region: a 3 × 3 table, its row and column totals, the grand total
		long[] cells = { 2, 7, 9, //
				8, 1, 6, //
				9, 6, 11 };
		long[] values = withTotals(cells, 3, 3);
		List<Relation> relations = Suppression.grid(3, 3);
		Shown[] naive = new Shown[values.length];
		for (int i = 0; i < values.length; i++) {
			naive[i] = (values[i] > 0 && values[i] < K) ? Shown.BELOW_K : Shown.VALUE;
		}
		assertThat(feasible(values, naive, relations, 0)).as("naive: a row total minus the row").containsExactly(2L);

		Shown[] shown = Suppression.apply(values, relations, K, Set.of());

		for (int cell : List.of(0, 4)) {
			assertThat(shown[cell]).isEqualTo(Shown.BELOW_K);
			assertThat(feasible(values, shown, relations, cell)).as("cell " + cell).hasSizeGreaterThan(1);
		}
		assertThat(shown).as("the complements are few: most of the table is shown")
			.filteredOn(s -> s == Shown.VALUE)
			.hasSizeGreaterThan(values.length / 2);
	}

	@Test
	void aPublicationBesideAnEarlierOneGivesNothingAway() {
		// before: 3, 10, 6 (total 19); then a late case is found in the third region: 3,
		// 10, 7
		long[] before = { 3, 10, 6, 19 };
		long[] after = { 3, 10, 7, 20 };
		List<Relation> relations = Suppression.line(3);
		Shown[] first = Suppression.apply(before, relations, K, Set.of());
		assertThat(first).containsExactly(Shown.BELOW_K, Shown.VALUE, Shown.HIDDEN, Shown.VALUE);

		// naive: the second table chosen on its own hides the second region instead and
		// shows the third: 7 now, so 6 before (nothing else changed), so 19 - 10 - 6 = 3
		Shown[] alone = Suppression.apply(new long[] { 3, 6, 10, 19 }, relations, K, Set.of());
		assertThat(alone).as("(the same rule on another table picks the smallest other cell)")
			.containsExactly(Shown.BELOW_K, Shown.HIDDEN, Shown.VALUE, Shown.VALUE);

		Shown[] second = Suppression.apply(after, relations, K, Suppression.hidden(first));

		assertThat(second[2]).as("hidden before, hidden still").isEqualTo(Shown.HIDDEN);
		// a reader of both, who assumes that what they cannot see did not change
		List<Relation> both = new ArrayList<>(relations);
		long[] joined = { 3, 10, 6, 19, 3, 10, 7, 20 };
		Shown[] joinedShown = { first[0], first[1], first[2], first[3], second[0], second[1], second[2], second[3] };
		both.add(new Relation(List.of(4, 5, 6), 7));
		assertThat(feasible(joined, joinedShown, both, 0)).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void inNoneOfManyInventedTablesCanASmallCellBePinnedDown() {
		java.util.Random random = new java.util.Random(20261205);
		for (int table = 0; table < 150; table++) {
			int rows = 2 + random.nextInt(2);
			int columns = 2 + random.nextInt(2);
			long[] cells = new long[rows * columns];
			for (int i = 0; i < cells.length; i++) {
				// mostly small: many cells below k, some zero
				cells[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(13);
			}
			long[] values = withTotals(cells, rows, columns);
			List<Relation> relations = Suppression.grid(rows, columns);
			Shown[] shown = Suppression.apply(values, relations, K, Set.of());
			for (int element = 0; element < values.length; element++) {
				if (shown[element] == Shown.BELOW_K) {
					assertThat(feasible(values, shown, relations, element))
						.as("table %s, element %d", java.util.Arrays.toString(values), element)
						.hasSizeGreaterThan(1);
				}
			}
		}
	}

	@Test
	void withoutRelationsNothingIsHiddenBeyondTheSmallCounts() {
		long[] values = { 3, 40 };
		assertThat(Suppression.apply(values, List.of(), K, Set.of())).containsExactly(Shown.BELOW_K, Shown.VALUE);
	}

	private static long[] withTotals(long[] cells, int rows, int columns) {
		long[] values = new long[Suppression.gridSize(rows, columns)];
		System.arraycopy(cells, 0, values, 0, cells.length);
		long grand = 0;
		for (int row = 0; row < rows; row++) {
			for (int column = 0; column < columns; column++) {
				long cell = cells[row * columns + column];
				values[cells.length + row] += cell;
				values[cells.length + rows + column] += cell;
				grand += cell;
			}
		}
		values[values.length - 1] = grand;
		return values;
	}

	/**
	 * Every value element {@code target} can have for a reader who sees what
	 * {@code shown} shows and knows every relation: shown elements are fixed, "&lt; k" is
	 * 1 to k - 1, hidden is any count up to the largest in the table. Found by trying
	 * every assignment, with what a relation with one element left fixes filled in as it
	 * goes.
	 */
	private static Set<Long> feasible(long[] values, Shown[] shown, List<Relation> relations, int target) {
		long largest = java.util.Arrays.stream(values).max().orElse(0);
		Long[] guess = new Long[values.length];
		for (int i = 0; i < values.length; i++) {
			guess[i] = (shown[i] == Shown.VALUE) ? values[i] : null;
		}
		Set<Long> found = new TreeSet<>();
		search(guess, shown, relations, largest, target, found);
		return found;
	}

	private static void search(Long[] guess, Shown[] shown, List<Relation> relations, long largest, int target,
			Set<Long> found) {
		Long[] state = guess.clone();
		if (!propagate(state, shown, relations, largest)) {
			return;
		}
		int open = -1;
		for (int i = 0; i < state.length && open < 0; i++) {
			if (state[i] == null) {
				open = i;
			}
		}
		if (open < 0) {
			found.add(state[target]);
			return;
		}
		long low = (shown[open] == Shown.BELOW_K) ? 1 : 0;
		long high = (shown[open] == Shown.BELOW_K) ? K - 1 : largest;
		for (long value = low; value <= high; value++) {
			state[open] = value;
			search(state, shown, relations, largest, target, found);
		}
	}

	/**
	 * Fills in every element a relation fixes (all its other elements known), and checks
	 * the relations whose elements are all known; false if one fails.
	 */
	private static boolean propagate(Long[] state, Shown[] shown, List<Relation> relations, long largest) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Relation relation : relations) {
				List<Integer> members = new ArrayList<>(relation.cells());
				members.add(relation.total());
				List<Integer> open = members.stream().filter(m -> state[m] == null).toList();
				long cells = relation.cells().stream().filter(c -> state[c] != null).mapToLong(c -> state[c]).sum();
				if (open.isEmpty()) {
					if (cells != state[relation.total()]) {
						return false;
					}
				}
				else if (open.size() == 1) {
					int element = open.get(0);
					long value = (element == relation.total()) ? cells : state[relation.total()] - cells;
					long low = (shown[element] == Shown.BELOW_K) ? 1 : 0;
					long high = (shown[element] == Shown.BELOW_K) ? K - 1 : largest;
					if (value < low || value > high) {
						return false;
					}
					state[element] = value;
					changed = true;
				}
			}
		}
		return true;
	}

}
