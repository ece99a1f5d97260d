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
     * σ_i = v_i/w_i, so that pivot_{i−1} = σ_{i−1} + l = w_i/w_{i−1}. Forward elimination
     * P_i = p_i + l P_{i−1}/pivot_{i−1} is carried as Q_i = P_i w_i = p_i w_i + l Q_{i−1}: the serial loop
     * holds no division and only sums of positive terms (w never decreases, so Q never falls below P).
     * All three are rescaled together by an exact power of two when w grows large. The divisions,
     * y_i = P_i/pivot_i = Q_i/w_{i+1} and the back coefficients dt·down_i/pivot_i, then run in one
     * vectorised pass, and the back substitution x_i = y_i + (dt·down_i/pivot_i) x_{i+1} is one fused
     * multiply-add per cell on its serial chain, the two right-hand sides interleaved so their chains
     * overlap; it also flushes (stores) values below {@link #FLUSH} as zero.
     *
     * @param up      rates i → i+1, length n−1
     * @param down    rates i+1 → i, length n−1
     * @param scratch four arrays of length ≥ n (overwritten)
     */
    static void solve2Fused(double[] up, double[] down, double dt, int n, double[] p, double[] q,
                            double[][] scratch) {
        final double[] wNext = scratch[0];      // w_{i+1}: pivot_i = wNext[i]/wHere[i]
        final double[] wHere = scratch[1];
        final double[] qp = scratch[2];         // Q of p, then y of p
        final double[] qq = scratch[3];         // Q of q, then y of q
        double v = 1;
        double w = 1;
        double qpPrev = p[0];
        double qqPrev = q[0];
        qp[0] = qpPrev;
        qq[0] = qqPrev;
        for (int i = 1; i < n; i++) {
            final double a = dt * down[i - 1];
            final double l = dt * up[i - 1];
            final double lw = l * w;
            final double wn = v + lw;
            final double vn = (1 + a) * v + lw;
            wHere[i - 1] = w;
            wNext[i - 1] = wn;
            qpPrev = Math.fma(l, qpPrev, p[i] * wn);
            qqPrev = Math.fma(l, qqPrev, q[i] * wn);
            if (wn > 0x1p100) {                                // exact power-of-two rescaling
                v = vn * 0x1p-100;
                w = wn * 0x1p-100;
                qpPrev *= 0x1p-100;
                qqPrev *= 0x1p-100;
            } else {
                v = vn;
                w = wn;
            }
            qp[i] = qpPrev;
            qq[i] = qqPrev;
        }
        wHere[n - 1] = w;
        wNext[n - 1] = v;                                      // last pivot is σ_{n−1} = v/w
        // y_i = Q_i/w_{i+1}; back coefficient dt·down_i·w_i/w_{i+1} (kept in wHere)
        for (int i = 0; i < n; i++) {
            final double r = 1 / wNext[i];
            qp[i] *= r;
            qq[i] *= r;
            wHere[i] *= r;
        }
        double xp = qp[n - 1];
        double xq = qq[n - 1];
        p[n - 1] = xp < FLUSH ? 0 : xp;
        q[n - 1] = xq < FLUSH ? 0 : xq;
        for (int i = n - 2; i >= 0; i--) {
            final double c = dt * down[i] * wHere[i];
            xp = Math.fma(c, xp, qp[i]);
            xq = Math.fma(c, xq, qq[i]);
            p[i] = xp < FLUSH ? 0 : xp;
            q[i] = xq < FLUSH ? 0 : xq;
        }
    }
}
