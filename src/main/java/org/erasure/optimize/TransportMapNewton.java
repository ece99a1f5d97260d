package org.erasure.optimize;

import org.erasure.physics.Potential;

/**
 * The transport map of {@link FullControlOptimum} on one grid, and Newton's method for it: the image cells' widths
 * w_k are the state (a width below the ulp of its position stays exact), the node positions T_k follow from them
 * outward from the pinned node; the objective's cell terms, gradient and tridiagonal Hessian; the safeguarded steps
 * and the stable LDLᵀ solve ({@link Newton}).
 *
 * <p>One job, on purpose longer than 400 lines: the iteration, its safeguards and its solve make sense only together
 * (each safeguard is there for a failure measured without it, named where it is applied).
 */
final class TransportMapNewton {
    private static final int MAX_NEWTON = 600;
    private static final int WINDOW = 50;
    private static final double BARRIER_FOLDS = 5;

    private final Potential pot;
    private final double c0;
    private final double c1;
    private final double tau;
    /** The optimisation gaps of the sides that stopped on slow convergence, in kT (0 where Newton converged). */
    private double gap;
    private final double[] m;
    private final double[] mean;
    private final double[] skew;
    private final double[] spread;
    private final double[] t;
    private final double[] w;

    TransportMapNewton(Potential pot, double c0, double c1, double tau, QuantileCells q, double[] t) {
        this.pot = pot;
        this.c0 = c0;
        this.c1 = c1;
        this.tau = tau;
        this.m = q.mass();
        this.mean = q.mean();
        this.skew = q.skew();
        this.spread = q.spread();
        this.t = t;
        this.w = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            w[k] = t[k + 1] - t[k];
        }
    }

    /** ∫ over cell k of (T(u) − Q(u))² du (see {@link QuantileCells}). */
    /** The estimated distance of J from its minimum left by slow convergence, in kT, summed over the sides solved. */
    double gap() {
        return gap;
    }

    /** T_k, the map's nodes (x_m), one more than the cells; a copy. */
    double[] nodes() {
        return t.clone();
    }

    /** w_k = T_{k+1} − T_k, each kept to its own relative precision (not the nodes' difference); a copy. */
    double[] widths() {
        return w.clone();
    }

    double cellTransport(int k) {
        final double p = t[k] - mean[k];
        final double q = t[k + 1] - mean[k];
        return m[k] * (p * p + p * q + q * q) / 3 - 2 * w[k] * skew[k] + spread[k];
    }

    double cellValue(int k) {
        if (m[k] <= 0) {
            return 0;
        }
        return m[k] * (FullControlOptimum.simpsonMean(pot, t[k], t[k + 1], c0, c1) + Math.log(m[k] / w[k])) + cellTransport(k) / tau;
    }

    /** Σ |cell terms|: the scale of J's rounding error, which |J| itself can understate by 1e3. */
    private double sideScale(int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += Math.abs(cellValue(k));
        }
        return s;
    }

    private double sideValue(int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += cellValue(k);
        }
        return s;
    }

    /**
     * Newton on cells [from, to): the node on the pinned side ({@code pinnedRight}: node {@code to}, else node
     * {@code from}) stays; the others move. Returns the iterations.
     */
    void minimise(int from, int to, boolean pinnedRight) {
        final int firstFree = pinnedRight ? from : from + 1;
        final int lastFree = pinnedRight ? to - 1 : to;
        final int n = lastFree - firstFree + 1;
        final Newton nt = new Newton(n);
        final double[] g = nt.g;
        final double[] step = nt.step;
        final double[] base = new double[to - from];
        final double[] trialWidths = new double[to - from];
        double value = sideValue(from, to);
        double sideMass = 0;
        for (int k = from; k < to; k++) {
            sideMass += m[k];
        }
        int it = 0;
        boolean converged = false;
        final double[] history = new double[MAX_NEWTON + 1];
        for (; it < MAX_NEWTON; it++) {
            history[it] = value;
            final double scale = sideMass + sideScale(from, to);
            // slow, linear convergence (the safeguarded steps, where U'' < 0 under cells of low density): stop once
            // the geometric tail of the last two windows' decreases is below 1e-8 of the scale, and add three times
            // that tail to the numerical error. Measured on E_b = 100 kT, tau = 10, eps = 1e-9, 1000 cells: stopped
            // so, W = 0.88685325 kT; run on to a decrement of 1e-10, 0.88685244 kT; the tail alone had
            // underestimated the rest by 2x at a 1e-7 threshold (J fell by 8.5e-7, 5e-7, 3.2e-7 kT per 60 steps)
            if (it >= 3 * WINDOW && it % WINDOW == 0) {
                final double older = history[it - 2 * WINDOW] - history[it - WINDOW];
                final double newer = history[it - WINDOW] - value;
                final double rate = newer / older;
                if (older > 0 && newer >= 0 && rate < 0.95) {
                    final double tail = newer * rate / (1 - rate);
                    if (tail < 1e-8 * scale) {
                        gap += 3 * tail;
                        converged = true;
                        break;
                    }
                }
            }
            System.arraycopy(w, from, base, 0, to - from);
            // the exact Newton step, taken whole where the Hessian is positive definite and it decreases J enough
            hessian(from, to, firstFree, lastFree, nt, pinnedRight, 1, false);
            if (nt.solve(false)) {
                final double decrement = decrement(g, step);
                if (!(decrement > 1e-10 * scale)) {
                    converged = true;
                    break;
                }
                // along the step itself (the nodes moved by it, where no width turns negative), backtracking,
                // then along the multiplicative path of moveAlong
                double trial = Double.NaN;
                for (double alpha = 1; alpha > 1e-3 && Double.isNaN(trial); alpha *= 0.5) {
                    if (moveStraight(from, to, firstFree, lastFree, step, base, alpha, pinnedRight)) {
                        final double v = sideValue(from, to);
                        if (v <= value - 1e-4 * alpha * decrement) {
                            trial = v;
                        }
                    }
                }
                if (Double.isNaN(trial) && moveAlong(from, to, pinnedRight, firstFree, lastFree, step, base, 1)) {
                    final double v = sideValue(from, to);
                    if (v <= value - 1e-4 * decrement) {
                        trial = v;
                    }
                }
                if (!Double.isNaN(trial)) {
                    value = trial;
                    continue;
                }
            }
            // else the better of two safeguarded steps with backtracking (see safeguardedStep): with and without
            // the barrier-limited stiffness, each helping where the other stalls (measured on a random sweep)
            final double[] barrier = safeguardedStep(from, to, pinnedRight, firstFree, lastFree, nt, base, value,
                    scale, true);
            System.arraycopy(w, from, trialWidths, 0, to - from);
            final double[] plain = safeguardedStep(from, to, pinnedRight, firstFree, lastFree, nt, base, value,
                    scale, false);
            if (barrier[1] <= 1e-10 * scale || plain[1] <= 1e-10 * scale) {
                // converged: the widths are back at base
                moveAlong(from, to, pinnedRight, firstFree, lastFree, step, base, 0);
                converged = true;
                break;
            }
            if (!(barrier[0] < value) && !(plain[0] < value)) {
                // no decrease along either descent direction: J is at its minimum to rounding
                moveAlong(from, to, pinnedRight, firstFree, lastFree, step, base, 0);
                converged = Math.min(barrier[1], plain[1]) < 1e-9 * scale;
                break;
            }
            if (barrier[0] < plain[0]) {
                setWidths(from, to, pinnedRight, trialWidths);
                value = barrier[0];
            } else {
                value = plain[0];
            }
        }
        if (!converged) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "the full-control optimum did not converge in %d Newton steps (tau = %.3g)", it, tau));
        }
    }

    /**
     * The RMS force imbalance in kT/x_m: sqrt(Σ g_i²/m̄_i) with m̄_i the mean mass of node i's two cells. J can fall
     * by at most this times the mass-weighted RMS displacement, to first order.
     */
    private double forceNorm(double[] g, int from, int firstFree) {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            final int node = firstFree + i;
            final double mBar = 0.5 * ((node > 0 ? m[node - 1] : 0) + (node < m.length ? m[node] : 0));
            s += g[i] * g[i] / mBar;
        }
        return Math.sqrt(s);
    }

    /**
     * From the widths {@code base}: the Newton step of the Hessian with each negative U'' scaled by the largest of
     * 1/2, 1/4, ... 1/64 that leaves it positive definite (clamped at 0 when none does), with ({@code barrier})
     * or without the barrier-limited stiffness, then an Armijo backtracking search. Leaves the widths at the
     * accepted point (at base when none) and returns {J there (NaN: none), the step's Newton decrement}.
     */
    private double[] safeguardedStep(int from, int to, boolean pinnedRight, int firstFree, int lastFree, Newton nt,
                                     double[] base, double value, double scale, boolean barrier) {
        setWidths(from, to, pinnedRight, base);
        boolean solved = false;
        for (double mu = 0.5; mu > 0.01 && !solved; mu *= 0.5) {
            hessian(from, to, firstFree, lastFree, nt, pinnedRight, mu, barrier);
            solved = nt.solve(false);
        }
        if (!solved) {
            hessian(from, to, firstFree, lastFree, nt, pinnedRight, 0, barrier);
            nt.solve(true);
        }
        final double decrement = decrement(nt.g, nt.step);
        if (!(decrement > 1e-10 * scale)) {
            return new double[] {Double.NaN, decrement};
        }
        double alpha = 1;
        for (int ls = 0; ls < 60; ls++) {
            if (moveAlong(from, to, pinnedRight, firstFree, lastFree, nt.step, base, alpha)) {
                final double trial = sideValue(from, to);
                if (trial <= value - 1e-4 * alpha * decrement) {
                    return new double[] {trial, decrement};
                }
            }
            alpha *= 0.5;
        }
        setWidths(from, to, pinnedRight, base);
        return new double[] {Double.NaN, decrement};
    }

    /**
     * The nodes moved by {@code alpha} times the step, the widths following; false where one would not be
     * positive.
     */
    private boolean moveStraight(int from, int to, int firstFree, int lastFree, double[] step, double[] base,
                                 double alpha, boolean pinnedRight) {
        for (int k = from; k < to; k++) {
            final double wk = base[k - from] + alpha * (stepAt(k + 1, firstFree, lastFree, step)
                    - stepAt(k, firstFree, lastFree, step));
            if (!(wk >= Double.MIN_NORMAL)) {
                setWidths(from, to, pinnedRight, base);
                return false;
            }
            w[k] = wk;
        }
        rebuildNodes(from, to, pinnedRight);
        return true;
    }

    /** The widths of cells [from, to) set to {@code widths} and the nodes rebuilt outward from the pin. */
    private void setWidths(int from, int to, boolean pinnedRight, double[] widths) {
        System.arraycopy(widths, 0, w, from, to - from);
        rebuildNodes(from, to, pinnedRight);
    }

    /** The nodes of cells [from, to) rebuilt from their widths, outward from the pinned node. */
    private void rebuildNodes(int from, int to, boolean pinnedRight) {
        if (pinnedRight) {
            for (int k = to - 1; k >= from; k--) {
                t[k] = t[k + 1] - w[k];
            }
        } else {
            for (int k = from; k < to; k++) {
                t[k + 1] = t[k] + w[k];
            }
        }
    }

    private static double decrement(double[] g, double[] step) {
        double d = 0;
        for (int i = 0; i < g.length; i++) {
            d -= g[i] * step[i];
        }
        return d;
    }

    /**
     * Gradient and Hessian of one side: exact ({@code mu} = 1, no {@code barrier}), or safeguarded: each negative
     * U'' times {@code mu}, and with {@code barrier} the barrier-limited stiffness below.
     */
    private void hessian(int from, int to, int firstFree, int lastFree, Newton nt, boolean pinnedRight,
                         double mu, boolean barrier) {
        nt.clear();
        for (int k = from; k < to; k++) {
            if (m[k] > 0) {
                accumulate(k, firstFree, lastFree, nt, mu);
            }
        }
        // each cell's stiffness: the entropy's m/w², or, where larger, |∂J/∂w|/(BARRIER_FOLDS·w). The second is
        // the curvature of the exponential path in ln w that meets the cell's force: a Newton step then changes
        // the width by at most about e^±BARRIER_FOLDS. Without it a cell of tiny mass, whose m/w² is negligible,
        // is asked to shrink by 1e7 times its width and the line search stalls every other node (measured). It
        // vanishes at the optimum, where ∂J/∂w = 0, so convergence stays quadratic.
        double beyond = 0;   // Σ of node gradients on the far side of the cell from the pin = ±∂J/∂w
        for (int j = 0; j < to - from; j++) {
            final int k = pinnedRight ? from + j : to - 1 - j;
            final int far = pinnedRight ? k : k + 1;       // the node of cell k farther from the pin
            if (far >= firstFree && far <= lastFree) {
                beyond += nt.g[far - firstFree];
            }
            final double force = Math.abs(beyond);
            final double entropy = m[k] / (w[k] * w[k]);
            final double stiffness = barrier ? Math.max(entropy, force / (BARRIER_FOLDS * w[k])) : entropy;
            if (k >= firstFree && k <= lastFree) {
                nt.right[k - firstFree] += stiffness;
            }
            if (k + 1 >= firstFree && k + 1 <= lastFree) {
                nt.left[k + 1 - firstFree] += stiffness;
            }
        }
    }

    /**
     * The map at {@code alpha} along the Newton step s, the widths changed multiplicatively: each width w becomes
     * w·exp(r), r = α(s_{k+1} − s_k)/w clipped to [−30, 30], and the nodes follow outward from the pinned one. To
     * first order in α this is the Newton step; unlike it, it never turns a width negative, so a cell of
     * negligible mass that must shrink by e^−40 (between the wells of a 100 kT barrier) does so in a few steps
     * instead of holding every other node back. False where a width underflows.
     */
    private boolean moveAlong(int from, int to, boolean pinnedRight, int firstFree, int lastFree, double[] step,
                              double[] base, double alpha) {
        for (int k = from; k < to; k++) {
            final double wk = base[k - from];
            final double r = alpha * (stepAt(k + 1, firstFree, lastFree, step)
                    - stepAt(k, firstFree, lastFree, step)) / wk;
            w[k] = wk * Math.exp(Math.max(-30, Math.min(r, 30)));
            if (!(w[k] >= Double.MIN_NORMAL)) {
                return false;
            }
        }
        rebuildNodes(from, to, pinnedRight);
        return true;
    }

    private static double stepAt(int node, int firstFree, int lastFree, double[] step) {
        return node >= firstFree && node <= lastFree ? step[node - firstFree] : 0;
    }

    private static double scaled(double curvature, double mu) {
        return curvature < 0 ? mu * curvature : curvature;
    }

    /** Cell k's gradient and Hessian (negative U'' times {@code mu}), added to the free nodes among k and k+1. */
    private void accumulate(int k, int firstFree, int lastFree, Newton nt, double mu) {
        final double a = t[k];
        final double b = t[k + 1];
        final double mid = 0.5 * (a + b);
        final double mk = m[k];
        final double len = w[k];
        final double fa = -pot.force(a, c0, c1);       // U'
        final double fm = -pot.force(mid, c0, c1);
        final double fb = -pot.force(b, c0, c1);
        final double ca = scaled(pot.curvature(a, c0, c1), mu);    // U''
        final double cm = scaled(pot.curvature(mid, c0, c1), mu);
        final double cb = scaled(pot.curvature(b, c0, c1), mu);
        final double p = a - mean[k];
        final double q = b - mean[k];
        // ∂/∂a, ∂/∂b
        final double ga = mk * ((fa + 2 * fm) / 6 + 1 / len) + (mk * (2 * p + q) / 3 + 2 * skew[k]) / tau;
        final double gb = mk * ((fb + 2 * fm) / 6 - 1 / len) + (mk * (p + 2 * q) / 3 - 2 * skew[k]) / tau;
        // the Hessian block less the entropy's stiffness m/w² [[1, −1], [−1, 1]], which hessian() adds apart
        final double haa = mk * ((ca + cm) / 6 + 2 / (3 * tau));
        final double hbb = mk * ((cb + cm) / 6 + 2 / (3 * tau));
        final double hab = mk * (cm / 6 + 1 / (3 * tau));
        final boolean aFree = k >= firstFree && k <= lastFree;
        final boolean bFree = k + 1 >= firstFree && k + 1 <= lastFree;
        if (aFree) {
            nt.g[k - firstFree] += ga;
            nt.a[k - firstFree] += haa;
        }
        if (bFree) {
            nt.g[k + 1 - firstFree] += gb;
            nt.a[k + 1 - firstFree] += hbb;
        }
        if (aFree && bFree) {
            nt.b[k - firstFree] += hab;
        }
    }

    /**
     * A Newton system on the free nodes of one side: H = Σ_cells s_k Δ_kᵀΔ_k + R, with s_k = m_k/w_k² the entropy's
     * stiffness of cell k (Δ_k the difference of its two nodes) and R the tridiagonal rest (potential and transport).
     * A cell of tiny mass has a tiny width and a stiffness 1e30 times R's entries; the plain LDLᵀ pivots
     * d_i − e²/p then cancel to nothing and turn negative. The pivots are computed instead from their excess σ over
     * the stiffness to the right, σ_i = a_i + (K(σ_{i−1} + 2b) − b²)/(K + σ_{i−1}) with K the stiffness and b R's
     * entry between nodes i−1 and i: the same LDLᵀ with no difference of large numbers.
     */
    private static final class Newton {
        final double[] g;
        final double[] step;
        final double[] a;       // R's diagonal
        final double[] b;       // R's coupling of free nodes i and i+1
        final double[] left;    // stiffness of the cell left of free node i (0: none on this side)
        final double[] right;   // stiffness of the cell right of free node i
        private final double[] piv;
        private final double[] sigma;

        Newton(int n) {
            g = new double[n];
            step = new double[n];
            a = new double[n];
            b = new double[n];
            left = new double[n];
            right = new double[n];
            piv = new double[n];
            sigma = new double[n];
        }

        void clear() {
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(b, 0);
            java.util.Arrays.fill(left, 0);
            java.util.Arrays.fill(right, 0);
        }

        /**
         * H step = −g by LDLᵀ. With {@code psd} (R positive semi-definite cell by cell, so every σ ≥ 0 in exact
         * arithmetic) rounding is clipped at σ = 0 and it always succeeds; otherwise false when a pivot is not
         * positive.
         */
        boolean solve(boolean psd) {
            final int n = g.length;
            for (int i = 0; i < n; i++) {
                double s;
                if (i == 0) {
                    s = left[0] + a[0];
                } else {
                    final double k = left[i];
                    final double c = b[i - 1];
                    s = a[i] + (k * (sigma[i - 1] + 2 * c) - c * c) / piv[i - 1];
                }
                if (psd) {
                    s = Math.max(s, 0);
                }
                final double p = right[i] + s;
                if (!(p > 0)) {
                    return false;
                }
                sigma[i] = s;
                piv[i] = p;
                step[i] = -g[i] - (i > 0 ? (b[i - 1] - left[i]) / piv[i - 1] * step[i - 1] : 0);
            }
            for (int i = n - 1; i >= 0; i--) {
                step[i] = step[i] / piv[i] - (i < n - 1 ? (b[i] - right[i]) / piv[i] * step[i + 1] : 0);
            }
            return true;
        }
    }
}
