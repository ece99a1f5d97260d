package org.erasure.fokkerplanck;

/**
 * Solves (I − dt·A) p' = p for a birth–death generator A (rates up[i]: i → i+1, down[i]: i+1 → i,
 * all ≥ 0; columns of A sum to zero), so that every column of M = I − dt·A sums to one.
 *
 * <p>Thomas elimination would form pivots by subtraction. Here the pivots are rewritten through the
 * column sums of the successive Schur complements, σ_0 = 1,
 * σ_i = 1 + dt·down[i−1] · σ_{i−1} / (σ_{i−1} + dt·up[i−1]), pivot_i = σ_i + dt·up[i],
 * and forward and back substitution add only non-negative terms: every quantity is a sum of
 * positive numbers, so a probability of 1e−40 keeps its relative accuracy (the idea of
 * Grassmann, Taksar &amp; Heyman, Oper. Res. 33, 1107 (1985), for a tridiagonal M-matrix).
 * Pure kernel: no allocation, works in caller-supplied scratch.
 */
final class PositiveTridiagonal {

    private PositiveTridiagonal() {
    }

    /**
     * Factorises M = I − dt·A once per step; the factors serve every right-hand side.
     *
     * <p>The column-sum recursion σ_i = 1 + a σ_{i−1}/(σ_{i−1} + l) (a = dt·down[i−1], l = dt·up[i−1]) is
     * a Möbius map, so it is carried as a linear recursion of a positive pair,
     * (v, w)_i = ((1 + a) v + l w, v + l w), σ_i = v_i/w_i: no division on the serial chain (the
     * divisions come after, in a loop the JIT vectorises), still only sums of positive terms. The pair
     * is rescaled by a power of two when it grows large, which is exact.
     *
     * @param up       rates i → i+1, length n−1
     * @param down     rates i+1 → i, length n−1
     * @param mult     out: forward multipliers dt·up[i−1]/pivot[i−1] (index i ≥ 1)
     * @param invPivot out: 1/pivot[i]
     * @param dtDown   out: dt·down[i]
     * @param scratch  length ≥ n: holds w_i while v_i is kept in invPivot
     */
    static void factor(double[] up, double[] down, double dt, int n, double[] mult, double[] invPivot,
                       double[] dtDown, double[] scratch) {
        double v = 1;
        double w = 1;
        invPivot[0] = 1;
        scratch[0] = 1;
        for (int i = 1; i < n; i++) {
            final double a = dt * down[i - 1];
            final double l = dt * up[i - 1];
            final double vn = (1 + a) * v + l * w;
            final double wn = v + l * w;
            v = vn;
            w = wn;
            if (w > 0x1p500) {                                // w never decreases; rescaling by 2^-500 is exact
                v *= 0x1p-500;
                w *= 0x1p-500;
            }
            invPivot[i] = v;
            scratch[i] = w;
        }
        for (int i = 0; i < n - 1; i++) {
            dtDown[i] = dt * down[i];
            invPivot[i] = scratch[i] / (invPivot[i] + dt * up[i] * scratch[i]);   // 1/(σ + dt·up)
        }
        invPivot[n - 1] = scratch[n - 1] / invPivot[n - 1];
        for (int i = 1; i < n; i++) {
            mult[i] = dt * up[i - 1] * invPivot[i - 1];
        }
    }

    /** Solves M p' = p in place with the factors of {@link #factor}: only sums of non-negative terms. */
    static void solve(double[] p, double[] mult, double[] invPivot, double[] dtDown, int n) {
        for (int i = 1; i < n; i++) {
            p[i] = Math.fma(mult[i], p[i - 1], p[i]);
        }
        p[n - 1] *= invPivot[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            p[i] = (p[i] + dtDown[i] * p[i + 1]) * invPivot[i];
        }
    }

    /**
     * Cell probabilities below this are set to zero after each solve. Densities that spread into
     * empty regions otherwise decay into the subnormal range, where arithmetic is a hundred times
     * slower; 1e−250 lies far below any probability the solver reports (its tails reach ~1e−40).
     */
    static final double FLUSH = 1e-250;

    /**
     * Two right-hand sides at once. The back substitution is rewritten as
     * p'_i = p_i/pivot_i + (dt·down_i/pivot_i)·p'_{i+1}, so each serial chain is one fused multiply-add
     * per cell (the scalings run in vectorised passes), and the two independent chains overlap.
     *
     * @param backCoef dt·down[i]/pivot[i] (from {@link #backCoefficients})
     */
    static void solve2(double[] p, double[] q, double[] mult, double[] invPivot, double[] backCoef, int n) {
        for (int i = 1; i < n; i++) {
            final double m = mult[i];
            p[i] = Math.fma(m, p[i - 1], p[i]);
            q[i] = Math.fma(m, q[i - 1], q[i]);
        }
        for (int i = 0; i < n; i++) {
            p[i] *= invPivot[i];
            q[i] *= invPivot[i];
        }
        for (int i = n - 2; i >= 0; i--) {
            final double c = backCoef[i];
            p[i] = Math.fma(c, p[i + 1], p[i]);
            q[i] = Math.fma(c, q[i + 1], q[i]);
        }
        for (int i = 0; i < n; i++) {          // off the dependency chain, vectorised
            p[i] = p[i] < FLUSH ? 0 : p[i];
            q[i] = q[i] < FLUSH ? 0 : q[i];
        }
    }

    /** backCoef[i] = dtDown[i]·invPivot[i], for {@link #solve2}. */
    static void backCoefficients(double[] dtDown, double[] invPivot, double[] backCoef, int n) {
        for (int i = 0; i < n - 1; i++) {
            backCoef[i] = dtDown[i] * invPivot[i];
        }
    }

    /**
     * Factor and solve in one call (convenience for a single right-hand side).
     *
     * @param up    dt-free rates i → i+1, length n−1
     * @param down  dt-free rates i+1 → i, length n−1
     * @param dt    time step
     * @param p     right-hand side in, solution out, length n
     * @param pivot scratch, length 3n
     */
    static void solve(double[] up, double[] down, double dt, double[] p, double[] pivot, int n) {
        final double[] mult = new double[n];
        final double[] inv = new double[n];
        final double[] dd = new double[n];
        factor(up, down, dt, n, mult, inv, dd, new double[n]);
        solve(p, mult, inv, dd, n);
    }
}
