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

    /**
     * Adds cell i's share to the jump sums of {@link #solve2Twisted(double[], double[], double, int, double[], double[],
     * double[][], double[], double[], double[])} (out[1] without its factor 1/2), as its loop adds the others'.
     */
    private static void addJump(double[] out, double[] p, double[] q, double[] u, double[] v, int i) {
        final double pi = q == null ? p[i] : p[i] + q[i];
        final double d = u[i] - v[i];
        out[0] = Math.fma(pi, u[i], out[0]);
        out[1] = Math.fma(pi, d + Math.abs(d), out[1]);
        out[2] = Math.fma(pi, v[i], out[2]);
    }

    /**
     * As {@link #solve2Fused}, eliminating from both ends at once (a twisted factorisation, "burn at both
     * ends"): the serial chains of {@link #solve2Fused} (the pivot recursion, forward elimination and back
     * substitution) are latency-bound, one cell per chain step; here the upper half is eliminated downwards
     * and the lower half upwards in one loop, two independent chains that the processor overlaps, and they meet
     * at the cell m = ⌊(n − 1)/2⌋.
     *
     * <p>The lower half is the same recursion on the reversed chain (reversal swaps the rates: the one leaving
     * a cell towards the eliminated side is up[i], the one entering from it down[i]), so it too adds positive
     * terms only. At m both Schur complements meet: with σ the column sums of the two partial eliminations,
     * the 1×1 complement is σ_top + σ_bottom − 1, and σ_bottom − 1 = a·v/w (a = dt·up[m]) is a positive
     * product, so the pivot of m is a sum of positives as well; so is its right-hand side, the top's
     * eliminated value plus the bottom's inflow. Back substitution then runs outwards from m, again as two
     * interleaved chains. Same arithmetic per cell as {@link #solve2Fused}; the results agree with it to
     * rounding.
     *
     * @param scratch four arrays of length ≥ n (overwritten)
     */
    static void solve2Twisted(double[] up, double[] down, double dt, int n, double[] p, double[] q,
                              double[][] scratch) {
        solve2Twisted(up, down, dt, n, p, q, scratch, null, null, null);
    }

    /**
     * As {@link #solve2Twisted(double[], double[], double, int, double[], double[], double[][])}, and in its
     * elimination loop, which reads every cell of the densities before the step, the sums of a control jump from
     * energies v to u at those densities: out[0] = Σ (p_i + q_i) u_i, out[2] = Σ (p_i + q_i) v_i, summed in one
     * order, so that they cancel to the bit where u = v, and out[1] = Σ (p_i + q_i) max(0, u_i − v_i), the positive
     * part of the jump's work, with max(0, d) as (d + |d|)/2 (exact). Summing there costs no pass of its own: the
     * loop is bound by its serial chains, not by its arithmetic. u null: no sums.
     */
    static void solve2Twisted(double[] up, double[] down, double dt, int n, double[] p, double[] q,
                              double[][] scratch, double[] u, double[] v, double[] out) {
        if (n < 4) {
            if (u != null) {
                java.util.Arrays.fill(out, 0, 3, 0.0);
                for (int i = 0; i < n; i++) {
                    addJump(out, p, q, u, v, i);
                }
                out[1] *= 0.5;
            }
            solve2Fused(up, down, dt, n, p, q == null ? new double[n] : q, scratch);
            return;
        }
        final boolean sum = u != null;          // loop-invariant, as two below
        final double[] wNext = scratch[0];      // per cell j ≠ m: its pivot is wNext[j]/wHere[j]
        final double[] wHere = scratch[1];
        final double[] qp = scratch[2];
        // a second right-hand side (C2 unswitches the loops on it); without one, qt and qb stay 0 and only their
        // loads and stores are skipped
        final boolean two = q != null;
        final double[] qq = two ? scratch[3] : null;
        final int m = (n - 1) / 2;
        double vt = 1;
        double wt = 1;
        double pt = p[0];
        double qt = two ? q[0] : 0;
        qp[0] = pt;
        if (two) {
            qq[0] = qt;
        }
        double vb = 1;
        double wb = 1;
        double pb = p[n - 1];
        double qb = two ? q[n - 1] : 0;
        qp[n - 1] = pb;
        if (two) {
            qq[n - 1] = qb;
        }
        // the top eliminates cells 0..i−1 into i for i = 1..m−1, the bottom n−1..j+1 into j for j = n−2..m+1:
        // m − 1 and n − 2 − m steps (equal, or the bottom one more)
        double st = 0;                          // the jump's sums over the top's cells and the bottom's
        double rt = 0;
        double gt = 0;
        double sb = 0;
        double rb = 0;
        double gb = 0;
        for (int i = 1, j = n - 2; i < m; i++, j--) {
            if (sum) {
                final double pi = two ? p[i] + q[i] : p[i];
                final double pj = two ? p[j] + q[j] : p[j];
                final double di = u[i] - v[i];
                final double dj = u[j] - v[j];
                st = Math.fma(pi, u[i], st);
                rt = Math.fma(pi, v[i], rt);
                gt = Math.fma(pi, di + Math.abs(di), gt);
                sb = Math.fma(pj, u[j], sb);
                rb = Math.fma(pj, v[j], rb);
                gb = Math.fma(pj, dj + Math.abs(dj), gb);
            }
            final double at = dt * down[i - 1];
            final double lt = dt * up[i - 1];
            final double ab = dt * up[j];
            final double lb = dt * down[j];
            final double lwt = lt * wt;
            final double lwb = lb * wb;
            final double wtn = vt + lwt;
            final double wbn = vb + lwb;
            final double vtn = (1 + at) * vt + lwt;
            final double vbn = (1 + ab) * vb + lwb;
            wHere[i - 1] = wt;
            wNext[i - 1] = wtn;
            wHere[j + 1] = wb;
            wNext[j + 1] = wbn;
            pt = Math.fma(lt, pt, p[i] * wtn);
            if (two) {
                qt = Math.fma(lt, qt, q[i] * wtn);
            }
            pb = Math.fma(lb, pb, p[j] * wbn);
            if (two) {
                qb = Math.fma(lb, qb, q[j] * wbn);
            }
            if (wtn > 0x1p100) {                               // exact power-of-two rescaling
                vt = vtn * 0x1p-100;
                wt = wtn * 0x1p-100;
                pt *= 0x1p-100;
                qt *= 0x1p-100;
            } else {
                vt = vtn;
                wt = wtn;
            }
            if (wbn > 0x1p100) {
                vb = vbn * 0x1p-100;
                wb = wbn * 0x1p-100;
                pb *= 0x1p-100;
                qb *= 0x1p-100;
            } else {
                vb = vbn;
                wb = wbn;
            }
            qp[i] = pt;
            if (two) {
                qq[i] = qt;
            }
            qp[j] = pb;
            if (two) {
                qq[j] = qb;
            }
        }
        if (n - 2 - m > m - 1) {                               // n even: the bottom's extra step, j = m + 1
            final int j = m + 1;
            final double ab = dt * up[j];
            final double lb = dt * down[j];
            final double lwb = lb * wb;
            final double wbn = vb + lwb;
            final double vbn = (1 + ab) * vb + lwb;
            wHere[j + 1] = wb;
            wNext[j + 1] = wbn;
            pb = Math.fma(lb, pb, p[j] * wbn);
            if (two) {
                qb = Math.fma(lb, qb, q[j] * wbn);
            }
            if (wbn > 0x1p100) {
                vb = vbn * 0x1p-100;
                wb = wbn * 0x1p-100;
                pb *= 0x1p-100;
                qb *= 0x1p-100;
            } else {
                vb = vbn;
                wb = wbn;
            }
            qp[j] = pb;
            if (two) {
                qq[j] = qb;
            }
        }
        if (sum) {                                             // and cells 0, n − 1, m, and m + 1 when n is even
            out[0] = st + sb;
            out[1] = gt + gb;
            out[2] = rt + rb;
            addJump(out, p, q, u, v, 0);
            addJump(out, p, q, u, v, n - 1);
            addJump(out, p, q, u, v, m);
            if (n - 2 - m > m - 1) {
                addJump(out, p, q, u, v, m + 1);
            }
            out[1] *= 0.5;
        }
        // the meeting cell m: the top's last step (with p_m), the bottom's inflow (without), no rescaling
        final double at = dt * down[m - 1];
        final double lt = dt * up[m - 1];
        final double lwt = lt * wt;
        final double wtn = vt + lwt;
        final double sigmaTop = ((1 + at) * vt + lwt) / wtn;
        wHere[m - 1] = wt;
        wNext[m - 1] = wtn;
        final double ab = dt * up[m];
        final double lb = dt * down[m];
        final double lwb = lb * wb;
        final double wbn = vb + lwb;
        wHere[m + 1] = wb;
        wNext[m + 1] = wbn;
        final double pivot = sigmaTop + ab * vb / wbn;
        final double xpm = (Math.fma(lt, pt, p[m] * wtn) / wtn + lb * pb / wbn) / pivot;
        final double xqm = two ? (Math.fma(lt, qt, q[m] * wtn) / wtn + lb * qb / wbn) / pivot : 0;
        wNext[m] = 1;
        wHere[m] = 0;
        qp[m] = 0;
        if (two) {
            qq[m] = 0;
        }
        // y_j = Q_j/wNext[j]; back coefficients' ratio wHere[j]/wNext[j] (kept in wHere)
        for (int i = 0; i < n; i++) {
            final double r = 1 / wNext[i];
            qp[i] *= r;
            if (two) {
                qq[i] *= r;
            }
            wHere[i] *= r;
        }
        p[m] = xpm < FLUSH ? 0 : xpm;
        if (two) {
            q[m] = xqm < FLUSH ? 0 : xqm;
        }
        // outwards from m: x_i = y_i + dt·down[i]/pivot_i · x_{i+1} above, x_j = y_j + dt·up[j−1]/pivot_j · x_{j−1}
        // below
        double xpt = xpm;
        double xqt = xqm;
        double xpb = xpm;
        double xqb = xqm;
        int i = m - 1;
        int j = m + 1;
        for (; i >= 0; i--, j++) {
            final double ct = dt * down[i] * wHere[i];
            final double cb = dt * up[j - 1] * wHere[j];
            xpt = Math.fma(ct, xpt, qp[i]);
            if (two) {
                xqt = Math.fma(ct, xqt, qq[i]);
            }
            xpb = Math.fma(cb, xpb, qp[j]);
            if (two) {
                xqb = Math.fma(cb, xqb, qq[j]);
            }
            p[i] = xpt < FLUSH ? 0 : xpt;
            if (two) {
                q[i] = xqt < FLUSH ? 0 : xqt;
            }
            p[j] = xpb < FLUSH ? 0 : xpb;
            if (two) {
                q[j] = xqb < FLUSH ? 0 : xqb;
            }
        }
        if (j < n) {                                           // n even: the last cell below
            final double cb = dt * up[j - 1] * wHere[j];
            xpb = Math.fma(cb, xpb, qp[j]);
            if (two) {
                xqb = Math.fma(cb, xqb, qq[j]);
            }
            p[j] = xpb < FLUSH ? 0 : xpb;
            if (two) {
                q[j] = xqb < FLUSH ? 0 : xqb;
            }
        }
    }
}
