package org.erasure.optimize;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.exception.TooManyEvaluationsException;

/**
 * The local stage of the search pipeline: BOBYQA from a start point in the unit box, with the interpolation points
 * it starts from, and the better of two results.
 */
final class LocalSearch {

    private LocalSearch() {
    }

    /** BOBYQA from x0 on a third of the budget; the best it saw when the budget runs out is kept by its phase. */
    static PointValuePair localSearch(MultivariateFunction f, double[] x0, SimpleBounds bounds, int n,
                                              ProtocolOptimizer.Settings s) {
        try {
            return new BOBYQAOptimizer(2 * n + 1, ProtocolOptimizer.LOCAL_RADIUS, 1e-5).optimize(new MaxEval(s.evaluations() / 3),
                    new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(x0), bounds);
        } catch (TooManyEvaluationsException e) {
            return new PointValuePair(x0, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * The first 2n + 1 points Commons Math's BOBYQA (2n + 1 interpolation points) evaluates from x0 in the unit box
     * with initial radius rho, in its order: x0 moved off the bounds as its {@code bobyqa} moves it, then that point
     * plus and minus rho along each axis, as its {@code prelim} sets them (a step that would leave the box goes the
     * other way, or twice as far). Only a forecast: a point it gets wrong is merely solved for nothing.
     */
    static java.util.List<double[]> initialPoints(double[] x0, double rho) {
        final int n = x0.length;
        final double[] base = x0.clone();
        final double[] sl = new double[n];          // lower bound − base
        final double[] su = new double[n];          // upper bound − base
        for (int j = 0; j < n; j++) {
            sl[j] = 0 - base[j];
            su[j] = 1 - base[j];
            if (sl[j] >= -rho) {
                if (sl[j] >= 0) {
                    base[j] = 0;
                    sl[j] = 0;
                    su[j] = 1;
                } else {
                    base[j] = rho;
                    sl[j] = -rho;
                    su[j] = Math.max(1 - base[j], rho);
                }
            } else if (su[j] <= rho) {
                if (su[j] <= 0) {
                    base[j] = 1;
                    sl[j] = -1;
                    su[j] = 0;
                } else {
                    base[j] = 1 - rho;
                    sl[j] = Math.min(0 - base[j], -rho);
                    su[j] = rho;
                }
            }
        }
        final java.util.List<double[]> points = new java.util.ArrayList<>();
        for (int m = 0; m <= 2 * n; m++) {
            final double[] step = new double[n];
            if (m >= 1 && m <= n) {
                step[m - 1] = su[m - 1] == 0 ? -rho : rho;
            } else if (m > n) {
                final int i = m - n - 1;
                double b = -rho;
                if (sl[i] == 0) {
                    b = Math.min(2 * rho, su[i]);
                }
                if (su[i] == 0) {
                    b = Math.max(-2 * rho, sl[i]);
                }
                step[i] = b;
            }
            final double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = Math.min(Math.max(0, base[j] + step[j]), 1);
                if (step[j] == sl[j]) {
                    x[j] = 0;
                }
                if (step[j] == su[j]) {
                    x[j] = 1;
                }
            }
            points.add(x);
        }
        return points;
    }

    static PointValuePair better(PointValuePair a, PointValuePair b) {
        return b.getValue() < a.getValue() ? b : a;
    }

    static double[] clampUnit(double[] x) {
        final double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0, Math.min(1, y[i]));
        }
        return y;
    }
}
