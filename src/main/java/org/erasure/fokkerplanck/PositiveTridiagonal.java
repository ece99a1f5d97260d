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
     * Cell probabilities below this are set to zero after each solve. Densities that spread into
     * empty regions otherwise decay into the subnormal range, where arithmetic is a hundred times
     * slower; 1e−250 lies far below any probability the solver reports (its tails reach ~1e−40).
     */
    static final double FLUSH = 1e-250;

    /**
     * Solves M p' = p and M q' = q in place for one step (two right-hand sides: the densities of the two
     * initial bit values).
     *
     * <p>The column-sum recursion σ_i = 1 + a σ_{i−1}/(σ_{i−1} + l) (a = dt·down[i−1], l = dt·up[i−1]) is a
     * Möbius map, carried as a linear recursion of a positive pair, (v, w)_i = ((1 + a) v + l w, v + l w),
     * σ_i = v_i/w_i: no division on its serial chain, only sums of positive terms; the pair is rescaled
     * by an exact power of two when it grows large. In the same loop, running behind it, forward
     * elimination p_i += (l/pivot_{i−1}) p_{i−1}; then the scaling by 1/pivot (vectorised) and the back
     * substitution p_i += (dt·down_i/pivot_i) p_{i+1}, each one fused multiply-add per cell, the two
     * right-hand sides interleaved so their chains overlap.
     *
     * @param up       rates i → i+1, length n−1
     * @param down     rates i+1 → i, length n−1
     * @param invPivot scratch out: 1/pivot[i]
     * @param backCoef scratch out: dt·down[i]/pivot[i]
     */
    static void solve2Fused(double[] up, double[] down, double dt, int n, double[] p, double[] q,
                            double[] invPivot, double[] backCoef) {
        double v = 1;
        double w = 1;
        double pPrev = p[0];
        double qPrev = q[0];
        for (int i = 1; i < n; i++) {
            final double a = dt * down[i - 1];
            final double l = dt * up[i - 1];
            final double lw = l * w;
            final double inv = w / (v + lw);                   // 1/pivot_{i−1} = 1/(σ_{i−1} + l)
            invPivot[i - 1] = inv;
            backCoef[i - 1] = a * inv;
            final double m = l * inv;
            pPrev = Math.fma(m, pPrev, p[i]);
            qPrev = Math.fma(m, qPrev, q[i]);
            p[i] = pPrev;
            q[i] = qPrev;
            final double vn = (1 + a) * v + lw;
            w = v + lw;
            v = vn;
            if (w > 0x1p500) {                                 // exact power-of-two rescaling
                v *= 0x1p-500;
                w *= 0x1p-500;
            }
        }
        invPivot[n - 1] = w / v;                               // last pivot is σ_{n−1}
        for (int i = 0; i < n; i++) {
            p[i] *= invPivot[i];
            q[i] *= invPivot[i];
        }
        for (int i = n - 2; i >= 0; i--) {
            final double c = backCoef[i];
            p[i] = Math.fma(c, p[i + 1], p[i]);
            q[i] = Math.fma(c, q[i + 1], q[i]);
        }
        for (int i = 0; i < n; i++) {
            p[i] = p[i] < FLUSH ? 0 : p[i];
            q[i] = q[i] < FLUSH ? 0 : q[i];
        }
    }
}
