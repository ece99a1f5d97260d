package org.erasure.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.physics.Potential;

/**
 * The cells of {@link FullControlOptimum}: intervals of the initial equilibrium p_i ∝ e^{−U₀} chosen by their mass, not
 * their width, with the moments of p_i's quantile function Q on each that the transport cost of a map linear in u
 * needs.
 *
 * <p>A uniform grid in x gives p_i's cells masses over 80 decades (e^−100 between the wells of a 100 kT barrier, e^−200
 * at the ends), whose images Newton must squeeze below the ulp of their positions. Here a cell is grown from fine cells
 * while it holds at most 1/N of the mass and spans at most 1/N of the domain, the width limit waived for cells lighter
 * than max(1e-6 ε, 1e-3/N), so a gap between deep wells and each far tail are a few cells; and toward u = 0, u = 1 and,
 * on the side of mass ε only, the pinned face u = ε, a cell holds at most {@link #RATIO} of its mass-distance from
 * the nearest of them, so the masses change geometrically. (Refined cells next to the pinned face on the side of mass
 * 1 − ε must straddle the final barrier top, where U'' &lt; 0, and Newton then placed them one per step; measured.)
 * p_i itself is resolved on a fine uniform grid ({@link #FINE_PER_CELL} fine cells per cell; 5-point Gauss–Legendre
 * masses, p_i uniform within each), and the cells' moments are exact for that density, so p_i's shape inside a coarse
 * cell (a whole well-to-well gap) is not lost: for T linear in u on a cell,
 * <pre>
 *   ∫_cell (T(u) − Q(u))² du = Δu (A² + AB + B²)/3 − 2 (T_{k+1} − T_k) S + V,
 * </pre>
 * with A, B = T_k − Q̄, T_{k+1} − Q̄, Q̄ the mean of Q on the cell, S = ∫ s (Q − Q̄) du (s = (u − u_k)/Δu) and
 * V = ∫ (Q − Q̄)² du.
 *
 * @param mass    Δu of each cell (sums to 1)
 * @param nodes   the cells' faces in x (one more than cells)
 * @param mean    Q̄ of each cell
 * @param skew    S of each cell
 * @param spread  V of each cell
 * @param split   the face whose cumulative mass is the pinned quantile
 * @param freeEnergy F[p_i; U₀] = −ln Z₀ in kT
 */
record QuantileCells(double[] mass, double[] nodes, double[] mean, double[] skew, double[] spread, int split,
                     double freeEnergy) {

    /** Fine cells of p_i per coarse cell. */
    static final int FINE_PER_CELL = 16;
    /** Largest mass of a tail cell as a fraction of its mass-distance from u = 0, 1 or (below it) ε. */
    static final double RATIO = 0.5;

    int cells() {
        return mass.length;
    }

    /**
     * About {@code cells} cells of mass ≤ 1/cells (plus the geometric tails) of p_i ∝ e^{−U(x, c0, c1)} on [lo, hi],
     * with a face where the mass to its left is {@code below}.
     */
    static QuantileCells of(Potential pot, double c0, double c1, double lo, double hi, int cells, double below) {
        final int nf = FINE_PER_CELL * cells;
        final double h = (hi - lo) / nf;
        double uMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j <= nf; j++) {
            uMin = Math.min(uMin, pot.energy(lo + j * h, c0, c1));
        }
        final double[] fm = new double[nf];
        double total = 0;
        for (int j = 0; j < nf; j++) {
            double s = 0;
            for (int q = 0; q < GL_NODES.length; q++) {
                s += GL_WEIGHTS[q] * Math.exp(-(pot.energy(lo + (j + GL_NODES[q]) * h, c0, c1) - uMin));
            }
            fm[j] = s * h;
            total += fm[j];
        }
        for (int j = 0; j < nf; j++) {
            fm[j] /= total;
        }
        final double freeEnergy = uMin - Math.log(total);
        // the fine pieces: the fine cells, the one holding the pinned quantile cut in two there (p_i uniform in it)
        double before = 0;
        int c = 0;
        while (c < nf && before + fm[c] < below) {
            before += fm[c];
            c++;
        }
        final double frac = c < nf ? (below - before) / fm[c] : 1;
        if (c < 4 * FINE_PER_CELL || c > nf - 4 * FINE_PER_CELL) {
            throw new UnsupportedProblemException(String.format(Locale.ROOT,
                    "the full-control optimum cannot resolve eps = %.3g: its quantile lies in the outermost cells of "
                            + "the initial density's grid (more than 80 kT up the wall)", below));
        }
        final int np = nf + 1;
        final double[] px0 = new double[np];
        final double[] px1 = new double[np];
        final double[] pm = new double[np];
        for (int j = 0, p = 0; j < nf; j++) {
            final double x0 = lo + j * h;
            final double x1 = lo + (j + 1) * h;
            if (j == c) {
                final double xs = x0 + frac * h;
                px0[p] = x0;
                px1[p] = xs;
                pm[p++] = frac * fm[j];
                px0[p] = xs;
                px1[p] = x1;
                pm[p++] = (1 - frac) * fm[j];
            } else {
                px0[p] = x0;
                px1[p] = x1;
                pm[p++] = fm[j];
            }
        }
        final int splitPiece = c + 1;   // the first piece right of the pinned face
        // mass-distances, each summed outward from its own end so that none loses a small mass to rounding
        final double[] fromLo = new double[np + 1];     // mass left of piece boundary p
        for (int p = 0; p < np; p++) {
            fromLo[p + 1] = fromLo[p] + pm[p];
        }
        final double[] fromHi = new double[np + 1];     // mass right of piece boundary p
        for (int p = np - 1; p >= 0; p--) {
            fromHi[p] = fromHi[p + 1] + pm[p];
        }
        final double[] toSplit = new double[splitPiece + 1];    // mass between boundary p and the pinned face, below it
        for (int p = splitPiece - 1; p >= 0; p--) {
            toSplit[p] = toSplit[p + 1] + pm[p];
        }
        final double floor = 1e-6 * below;
        final double cap = 1.0 / cells;
        final double width = (hi - lo) / cells;
        final List<int[]> groups = new ArrayList<>();
        int start = 0;
        while (start < np) {
            int end = start + 1;        // pieces [start, end)
            double m = pm[start];
            while (end < np && end != splitPiece) {
                final double next = m + pm[end];
                final double d = start < splitPiece
                        ? Math.min(Math.min(fromLo[start], fromHi[end + 1]), Math.min(toSplit[start], toSplit[end + 1]))
                        : Math.min(fromLo[start], fromHi[end + 1]);
                if (next > Math.min(cap, Math.max(RATIO * d, floor))
                        || (px1[end] - px0[start] > width && next > Math.max(floor, 1e-3 * cap))) {
                    break;
                }
                m = next;
                end++;
            }
            groups.add(new int[] {start, end});
            start = end;
        }
        final int n = groups.size();
        final double[] mass = new double[n];
        final double[] nodes = new double[n + 1];
        final double[] mean = new double[n];
        final double[] skew = new double[n];
        final double[] spread = new double[n];
        int split = -1;
        for (int k = 0; k < n; k++) {
            final int a = groups.get(k)[0];
            final int b = groups.get(k)[1];
            nodes[k] = px0[a];
            if (a == splitPiece) {
                split = k;
            }
            double mk = 0;
            double first = 0;
            for (int p = a; p < b; p++) {
                mk += pm[p];
                first += pm[p] * 0.5 * (px0[p] + px1[p]);
            }
            mass[k] = mk;
            final double qBar = first / mk;
            mean[k] = qBar;
            // within a piece x is linear in u, from x0 to x1; s runs from s0 to s1 across it
            double cum = 0;
            double sk = 0;
            double v = 0;
            for (int p = a; p < b; p++) {
                final double dA = px0[p] - qBar;
                final double dB = px1[p] - qBar;
                final double s0 = cum / mk;
                cum += pm[p];
                final double s1 = cum / mk;
                sk += pm[p] * (2 * s0 * dA + s0 * dB + s1 * dA + 2 * s1 * dB) / 6;
                v += pm[p] * (dA * dA + dA * dB + dB * dB) / 3;
            }
            skew[k] = sk;
            spread[k] = v;
        }
        nodes[n] = px1[np - 1];
        return new QuantileCells(mass, nodes, mean, skew, spread, split, freeEnergy);
    }

    /** 5-point Gauss–Legendre nodes and weights on [0, 1]. */
    static final double[] GL_NODES;
    static final double[] GL_WEIGHTS;

    static {
        // 5-point Gauss–Legendre on [0, 1]
        final double[] z = {0, -0.5384693101056831, 0.5384693101056831, -0.9061798459386640, 0.9061798459386640};
        final double[] w = {0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891,
                0.2369268850561891};
        GL_NODES = new double[5];
        GL_WEIGHTS = new double[5];
        for (int q = 0; q < 5; q++) {
            GL_NODES[q] = 0.5 * (z[q] + 1);
            GL_WEIGHTS[q] = 0.5 * w[q];
        }
    }
}
