package org.khronika.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.khronika.publish.Suppression.Relation;
import org.khronika.publish.Suppression.Shown;

/**
 * What a reader can work out about a suppressed table: for an element shown as "&lt; k",
 * the least and the most it can be, given every count shown, every relation, that no
 * count is negative and that every "&lt; k" is from 1 to k - 1. A linear program over the
 * elements not shown, solved twice per cell (tables of counts with their totals are the
 * kind whose linear bounds are whole numbers).
 */
final class Audit {

	private static final double SLACK = 1e-6;

	private Audit() {
	}

	/**
	 * The first element shown as "&lt; k" that a reader can pin down to one count; empty
	 * if there is none. Elements in {@code safe} are not audited; those found safe are
	 * added to it.
	 */
	static Optional<Integer> narrowed(long[] values, List<Relation> relations, int k, Shown[] shown,
			java.util.Set<Integer> safe) {
		List<Integer> unknown = new ArrayList<>();
		int[] variable = new int[values.length];
		for (int element = 0; element < values.length; element++) {
			variable[element] = -1;
			if (shown[element] != Shown.VALUE) {
				variable[element] = unknown.size();
				unknown.add(element);
			}
		}
		if (unknown.isEmpty()) {
			return Optional.empty();
		}
		List<LinearConstraint> constraints = new ArrayList<>();
		for (Relation relation : relations) {
			double[] coefficients = new double[unknown.size()];
			double constant = 0;
			boolean any = false;
			for (int cell : relation.cells()) {
				if (variable[cell] >= 0) {
					coefficients[variable[cell]] += 1;
					any = true;
				}
				else {
					constant -= values[cell];
				}
			}
			if (variable[relation.total()] >= 0) {
				coefficients[variable[relation.total()]] -= 1;
				any = true;
			}
			else {
				constant += values[relation.total()];
			}
			if (any) {
				constraints.add(new LinearConstraint(coefficients, Relationship.EQ, constant));
			}
		}
		for (int element : unknown) {
			if (shown[element] == Shown.BELOW_K) {
				double[] unit = new double[unknown.size()];
				unit[variable[element]] = 1;
				constraints.add(new LinearConstraint(unit, Relationship.GEQ, 1));
				constraints.add(new LinearConstraint(unit, Relationship.LEQ, k - 1));
			}
		}
		for (int element : unknown) {
			if (shown[element] != Shown.BELOW_K || safe.contains(element)) {
				continue;
			}
			double[] unit = new double[unknown.size()];
			unit[variable[element]] = 1;
			// the true count lies between the least and the most: pinned only if both
			// are it, so the second program is needed only if the first finds it
			if (solve(unit, constraints, GoalType.MINIMIZE) > values[element] - 1 + SLACK
					&& solve(unit, constraints, GoalType.MAXIMIZE) < values[element] + 1 - SLACK) {
				return Optional.of(element);
			}
			safe.add(element);
		}
		return Optional.empty();
	}

	private static double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
		PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000),
				new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
				new NonNegativeConstraint(true));
		return solution.getValue();
	}

}
